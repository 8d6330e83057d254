import DagforgeWire
import Yams

/// Writes spec folders from definitions already on an engine: SQL, shell and Python tasks become files
/// with `-- key: value` / `# key: value` headers, everything else goes into `workflow.yaml` (task types
/// the headers cannot express pass through as raw `params`). Lineage inference is switched off in the
/// imported workflows (`defaults: { infer: false }`) so the graph stays exactly the engine's.
public struct SpecImporter: Sendable {
    public var snapshot: EngineSnapshot
    /// Engine datasource name → logical name used in specs (the inverse of the environment's `datasources:`).
    public var logicalDataSources: [String: String]
    /// The environment's worker group: tasks on it get no `worker_group` header.
    public var defaultWorkerGroup: String

    public init(snapshot: EngineSnapshot, logicalDataSources: [String: String] = [:], defaultWorkerGroup: String = "default") {
        self.snapshot = snapshot
        self.logicalDataSources = logicalDataSources
        self.defaultWorkerGroup = defaultWorkerGroup
    }

    /// Files for the named workflows (all when nil), under `workflows/<name>/`.
    public func files(workflows names: [String]? = nil) throws -> [ImportedFile] {
        let index = EngineSnapshot.Index(snapshot)
        let selected: [DeployedDag]
        if let names {
            selected = try names.map { name in
                guard let dag = index.byName[name] else {
                    throw ImportError.unknownWorkflow(name, available: snapshot.deployed.map(\.summary.name).sorted())
                }
                return dag
            }
        } else {
            selected = snapshot.deployed.sorted { $0.summary.name < $1.summary.name }
        }
        return try selected.flatMap { try files(for: try $0.dag(), schedule: index.scheduleByCode[$0.summary.code]) }
    }

    func files(for dag: DagData, schedule: Schedule?) throws -> [ImportedFile] {
        let folder = "workflows/" + dag.processDefinition.name + "/"
        let names = Dictionary(dag.taskDefinitionList.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        var files: [ImportedFile] = []
        var yamlTasks: [Node] = []
        for task in dag.taskDefinitionList.sorted(by: { $0.name < $1.name }) {
            let upstream = dag.processTaskRelationList.filter { $0.postTaskCode == task.code && $0.preTaskCode != 0 }
                .compactMap { names[$0.preTaskCode] }.sorted()
            if let file = taskFile(task, upstream: upstream, folder: folder) {
                files.append(file)
            } else {
                yamlTasks.append(rawTask(task, upstream: upstream))
            }
        }
        files.append(ImportedFile(path: folder + "workflow.yaml",
                                  contents: try workflowYAML(dag.processDefinition, schedule: schedule, tasks: yamlTasks)))
        return files
    }

    // MARK: Task files

    private func taskFile(_ task: TaskDefinition, upstream: [String], folder: String) -> ImportedFile? {
        guard Self.isFileName(task.name), !task.description.contains("\n") else { return nil }
        switch task.taskType {
        case TaskType.sql:
            guard let params = try? task.taskParams.decode(as: SqlParameters.self), Self.isPlainSQL(params, raw: task.taskParams),
                  let source = snapshot.dataSources.first(where: { $0.id == params.datasource }) else { return nil }
            var header = [("upstream", upstream.isEmpty ? "root" : upstream.joined(separator: ", ")),
                          ("datasource", logicalDataSources[source.name] ?? source.name),
                          ("sql_type", params.sqlType == 0 ? "query" : "non_query")]
            header += settings(task)
            return ImportedFile(path: folder + task.name + ".sql", contents: Self.render(header, comment: "--", body: params.sql))
        case TaskType.shell, TaskType.python:
            guard let params = try? task.taskParams.decode(as: ScriptParameters.self), params.localParams.isEmpty,
                  params.resourceList.isEmpty, Set((task.taskParams.objectValue ?? [:]).keys)
                    .isSubset(of: ["rawScript", "localParams", "resourceList"]) else { return nil }
            let header = [("upstream", upstream.isEmpty ? "root" : upstream.joined(separator: ", "))] + settings(task)
            let ext = task.taskType == TaskType.shell ? ".sh" : ".py"
            return ImportedFile(path: folder + task.name + ext, contents: Self.render(header, comment: "#", body: params.rawScript))
        default:
            return nil
        }
    }

    /// The task settings every type shares, as header keys (spec-format.md), written when not the default.
    private func settings(_ task: TaskDefinition) -> [(String, String)] {
        var header: [(String, String)] = []
        if !task.description.isEmpty { header.append(("description", task.description)) }
        header.append(("retries", String(task.failRetryTimes)))
        header.append(("retry_interval", String(task.failRetryInterval)))
        if task.timeoutFlag == .OPEN {
            header.append(("timeout", String(task.timeout)))
            header.append(("timeout_strategy", (task.timeoutNotifyStrategy ?? .WARN).rawValue))
        }
        if task.delayTime != 0 { header.append(("delay", String(task.delayTime))) }
        if let priority = task.taskPriority, priority != .MEDIUM { header.append(("priority", priority.rawValue)) }
        if task.workerGroup != defaultWorkerGroup { header.append(("worker_group", task.workerGroup)) }
        if task.environmentCode != -1, let environment = snapshot.environments.first(where: { $0.code == task.environmentCode }) {
            header.append(("environment", environment.name))
        }
        if task.flag == .NO { header.append(("enabled", "false")) }
        if task.isCache == .YES { header.append(("cache", "true")) }
        if task.cpuQuota != -1 { header.append(("cpu_quota", String(task.cpuQuota))) }
        if task.memoryMax != -1 { header.append(("memory_max", String(task.memoryMax))) }
        return header
    }

    private static func render(_ header: [(String, String)], comment: String, body: String) -> String {
        header.map { "\(comment) \($0.0): \($0.1)" }.joined(separator: "\n") + "\n" + body + (body.hasSuffix("\n") ? "" : "\n")
    }

    /// SQL parameters the header keys express completely.
    private static func isPlainSQL(_ params: SqlParameters, raw: JSONValue) -> Bool {
        params.localParams.isEmpty && params.preStatements.isEmpty && params.postStatements.isEmpty && !params.sendEmail
            && params.displayRows == 10 && params.udfs.isEmpty && params.connParams.isEmpty && params.datasource != 0
            && (params.sqlType == 0 || params.sqlType == 1)
            && Set((raw.objectValue ?? [:]).keys).isSubset(of: [
                "type", "datasource", "sql", "sqlType", "sendEmail", "displayRows", "title", "groupId", "udfs", "connParams",
                "preStatements", "postStatements", "localParams", "limit", "showType",
            ])
    }

    private static func isFileName(_ name: String) -> Bool {
        !name.isEmpty && name != "workflow" && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0)) }
            && !name.hasPrefix(".")
    }

    // MARK: workflow.yaml

    private func rawTask(_ task: TaskDefinition, upstream: [String]) -> Node {
        var pairs: [(String, Node)] = [("name", YAMLValue.string(task.name)), ("type", YAMLValue.string(task.taskType))]
        if !upstream.isEmpty { pairs.append(("upstream", YAMLValue.sequence(upstream.map(YAMLValue.string), flow: true))) }
        for (key, value) in settings(task) {
            pairs.append((key, Int(value).map(YAMLValue.int) ?? (value == "true" || value == "false"
                ? Node(value, .implicit, .plain) : YAMLValue.string(value))))
        }
        pairs.append(("params", YAMLValue.json(task.taskParams)))
        return YAMLValue.mapping(pairs)
    }

    private func workflowYAML(_ definition: ProcessDefinition, schedule: Schedule?, tasks: [Node]) throws -> String {
        var pairs: [(String, Node)] = []
        let description = Marker.userText(of: definition.description)
        if !description.isEmpty { pairs.append(("description", YAMLValue.string(description))) }
        if let schedule {
            pairs.append(("schedule", YAMLValue.mapping([
                ("cron", YAMLValue.string(schedule.crontab)), ("timezone", YAMLValue.string(schedule.timezoneId)),
                ("start", YAMLValue.string(schedule.startTime)), ("end", YAMLValue.string(schedule.endTime)),
            ])))
        }
        let params = definition.globalParamList
        if !params.isEmpty {
            pairs.append(("params", YAMLValue.mapping(params.map { ($0.prop, YAMLValue.string($0.value)) })))
        }
        if definition.executionType != .PARALLEL {
            pairs.append(("execution_type", YAMLValue.string(definition.executionType.rawValue.lowercased())))
        }
        if definition.timeout != 0 { pairs.append(("timeout", YAMLValue.int(definition.timeout))) }
        pairs.append(("defaults", YAMLValue.mapping([("infer", Node("false", .implicit, .plain))])))
        if !tasks.isEmpty { pairs.append(("tasks", YAMLValue.sequence(tasks))) }
        return try YAMLValue.document(YAMLValue.mapping(pairs))
    }
}
