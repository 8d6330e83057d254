import DagforgeSpec
import DagforgeWire

/// Turns a rendered workflow into the DolphinScheduler create request the deployer sends (`CompiledWorkflow`).
/// Output is deterministic: codes 1…n in task-name order, relations sorted, JSON keys sorted.
struct DolphinExporter {
    let environment: EnvironmentSpec
    let dependencies: DependencyGraph
    /// `dagforge.yaml`'s `timezone`, for schedules that name none.
    let defaultTimezone: String?

    func export(_ workflow: RenderedWorkflow) -> CompiledWorkflow {
        let (nodes, upstreams) = exportedNodes(of: workflow)
        // Sorted by name through their indices: a node holds a whole rendered task, too big to move around.
        let nodeNames = nodes.map(\.name)
        let order = nodeNames.indices.sorted { nodeNames[$0] < nodeNames[$1] }
        let orderedNames = order.map { nodeNames[$0] }
        let codes = Dictionary(uniqueKeysWithValues: orderedNames.enumerated().map { ($1, Int64($0 + 1)) })
        var definitions: [TaskDefinition] = []
        definitions.reserveCapacity(nodes.count)
        var bindings: [Binding] = []
        for (position, index) in order.enumerated() {
            let code = Int64(position + 1)
            let builder = TaskParamsBuilder(codes: codes, code: code)
            switch nodes[index] {
            case .task(let task):
                let (params, taskBindings) = builder.params(for: task, localUpstreams: upstreams[task.spec.name] ?? [])
                definitions.append(definition(of: task, code: code, params: params))
                bindings += taskBindings
                if let name = task.settings.environment {
                    bindings.append(Binding(taskCode: code, pointer: "", target: .environmentCode(name: name)))
                }
            case .wait(let target):
                let (params, waitBindings) = builder.waitParams(for: target)
                definitions.append(TaskDefinition(code: code, name: nodeNames[index], description: "Waits for \(target) (added by dagforge)",
                                                  taskType: TaskType.dependent, taskParams: params,
                                                  workerGroup: environment.workerGroup ?? "default"))
                bindings += waitBindings
            }
        }
        let relations = orderedNames.enumerated().flatMap { position, name -> [ProcessTaskRelation] in
            let post = Int64(position + 1)
            let pres = (upstreams[name] ?? []).compactMap { codes[$0] }.sorted()
            return pres.isEmpty ? [ProcessTaskRelation(preTaskCode: 0, postTaskCode: post)]
                : pres.map { ProcessTaskRelation(preTaskCode: $0, postTaskCode: post) }
        }
        let request = ProcessDefinitionRequest(
            name: workflow.spec.name, description: workflow.spec.description,
            globalParams: workflow.parameterList.map { Property(prop: $0.name, value: $0.value) },
            timeout: workflow.spec.timeout, executionType: workflow.spec.executionType ?? .PARALLEL,
            taskDefinitionJson: definitions, taskRelationJson: relations,
            locations: CanvasLayout.locations(names: orderedNames, codes: codes, upstreams: upstreams))
        return CompiledWorkflow(name: workflow.spec.name, sourcePath: workflow.spec.path, definition: request,
                                schedule: schedule(of: workflow), bindings: bindings)
    }

    /// The workflow's nodes and, per node name, the names of its upstream nodes in this workflow (a
    /// cross-workflow upstream becomes a `wait.*` node in front of the task).
    private func exportedNodes(of workflow: RenderedWorkflow) -> ([ExportedTask], [String: [String]]) {
        var nodes = workflow.tasks.map(ExportedTask.task)
        var waits: Set<TaskAddress> = []
        var upstreams: [String: [String]] = [:]
        for task in workflow.tasks {
            let ownTargets = dependentTargets(of: task.spec)
            for upstream in dependencies.upstreams(of: task.spec.address) {
                if upstream.workflow == workflow.spec.name {
                    upstreams[task.spec.name, default: []].append(upstream.task)
                } else if !ownTargets.contains(upstream.workflow) && !ownTargets.contains(upstream.description) {
                    if waits.insert(upstream).inserted { nodes.append(.wait(target: upstream)) }
                    upstreams[task.spec.name, default: []].append(ExportedTask.waitName(for: upstream))
                }
            }
        }
        return (nodes, upstreams)
    }

    /// What a dependent task's own params wait for (`workflow` or `workflow/task`); those edges need no wait node.
    private func dependentTargets(of task: TaskSpec) -> Set<String> {
        guard case .dependent(let dependent) = task.kind else { return [] }
        return Set(dependent.on.map(\.value))
    }

    private func definition(of task: RenderedTask, code: Int64, params: JSONValue) -> TaskDefinition {
        let settings = task.settings
        let timeout = settings.timeout ?? 0
        return TaskDefinition(
            code: code, name: task.spec.name, description: settings.description ?? "", taskType: task.kind.taskType,
            taskParams: params, flag: settings.enabled == false ? .NO : .YES, isCache: settings.cache == true ? .YES : .NO,
            taskPriority: settings.priority ?? .MEDIUM, workerGroup: settings.workerGroup ?? environment.workerGroup ?? "default",
            environmentCode: -1, failRetryTimes: settings.retries ?? 0, failRetryInterval: settings.retryInterval ?? 1,
            timeoutFlag: timeout > 0 ? .OPEN : .CLOSE, timeoutNotifyStrategy: timeout > 0 ? (settings.timeoutStrategy ?? .WARN) : nil,
            timeout: timeout, delayTime: settings.delay ?? 0, cpuQuota: settings.cpuQuota ?? -1, memoryMax: settings.memoryMax ?? -1)
    }

    private func schedule(of workflow: RenderedWorkflow) -> CompiledSchedule? {
        guard let schedule = workflow.schedule, let cron = schedule.cron else { return nil }
        let param = ScheduleParam(startTime: schedule.start?.value ?? ScheduleDefaults.start,
                                  endTime: schedule.end?.value ?? ScheduleDefaults.end, crontab: cron.value,
                                  timezoneId: schedule.timezone?.value ?? defaultTimezone ?? ScheduleDefaults.timezone)
        return CompiledSchedule(param: param, online: environment.schedulesEnabled,
                                workerGroup: environment.workerGroup ?? "default", tenantCode: environment.tenant ?? "default")
    }
}

/// Schedule window and zone when a spec names none.
enum ScheduleDefaults {
    static let start = "2000-01-01 00:00:00"
    static let end = "2099-12-31 23:59:59"
    static let timezone = "UTC"
}

/// Canvas positions for DolphinScheduler's UI: one column per dependency layer.
enum CanvasLayout {
    static func locations(names: [String], codes: [String: Int64], upstreams: [String: [String]]) -> [Location] {
        var graph = DirectedGraph<String>()
        for name in names { graph.add(name) }
        for (task, pres) in upstreams { for pre in pres { graph.add(.init(from: pre, to: task)) } }
        let layers = graph.layers()
        var rows: [Int: Int] = [:]
        return names.map { name in
            let layer = layers[name] ?? 0
            let row = rows[layer, default: 0]
            rows[layer] = row + 1
            return Location(taskCode: codes[name]!, x: 80 + layer * 240, y: 80 + row * 110)
        }
    }
}
