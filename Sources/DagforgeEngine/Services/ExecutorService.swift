import DagforgeCron
import DagforgeWire
import Foundation

/// What `start-process-instance` asks for (reference §6.10.1).
struct StartRequest: Sendable {
    var definitionCode: Int64
    var scheduleTime: String
    var failureStrategy: FailureStrategy
    var warningType: WarningType
    var execType: CommandType
    var startNodeList: String
    var taskDependType: TaskDependType
    var runMode: RunMode
    var priority: Priority
    var workerGroup: String
    var timeout: Int
    var startParams: String?
    var expectedParallelismNumber: Int?
    var dryRun: Int
    var executionOrder: ExecutionOrder
}

/// Starting and controlling runs (`ExecutorServiceImpl`): a start is a queued command whose trigger code finds
/// its instances later; STOP and PAUSE act on the running instance; recover, rerun-failed and repeat queue a
/// command on the existing instance.
struct ExecutorService: Sendable {
    let store: EngineStore
    let runtime: WorkflowRuntime
    let codes: CodeGenerator
    let projects: ProjectService

    func start(caller: EngineUser, projectCode: Int64, _ request: StartRequest) async throws -> Int64 {
        _ = try await projects.existing(projectCode)
        guard (1...86400).contains(request.timeout) else { throw ServiceError(.taskTimeoutParamsError) }
        if let parallelism = request.expectedParallelismNumber, parallelism <= 0 {
            throw ServiceError(.taskParallelismParamsError)
        }
        let definition = try await checkRunnable(projectCode: projectCode, definitionCode: request.definitionCode)
        if !request.startNodeList.isEmpty {
            let tasks = Set((try await store.dagTasks(code: definition.code) ?? []).map(\.code))
            for piece in request.startNodeList.split(separator: ",") {
                guard let code = Int64(piece.trimmingCharacters(in: .whitespaces)), tasks.contains(code) else {
                    throw ServiceError(.startNodeNotExistInLastProcess, .text(String(piece)))
                }
            }
        }
        let triggerCode = codes.next()
        let base = CommandDraft(
            commandType: request.execType, processDefinitionCode: definition.code, projectCode: projectCode,
            triggerCode: triggerCode, startNodeList: request.startNodeList, taskDependType: request.taskDependType,
            failureStrategy: request.failureStrategy, warningType: request.warningType, priority: request.priority,
            workerGroup: request.workerGroup, startParams: Self.startParams(request.startParams), dryRun: request.dryRun,
            executorId: caller.id)
        var drafts = [base]
        if request.execType == .COMPLEMENT_DATA {
            var dates = try await complementDates(request.scheduleTime, definitionCode: definition.code)
            if request.executionOrder == .DESC_ORDER { dates.reverse() }
            let parallelism = request.runMode == .RUN_MODE_SERIAL ? 1 : (request.expectedParallelismNumber ?? 0)
            drafts = dates.map { date in
                var draft = base
                draft.scheduleTime = DolphinDate.string(date)
                draft.parallelism = parallelism
                return draft
            }
        }
        try await store.acceptCommands(drafts)
        runtime.commandQueued()
        return triggerCode
    }

    /// `start-check`: every SUB_PROCESS target is ONLINE.
    func checkSubProcesses(definitionCode: Int64) async throws {
        for child in try await store.referencedDefinitions(from: definitionCode, kind: .subProcess) where child.releaseState != .ONLINE {
            throw ServiceError(.subProcessDefineNotRelease)
        }
    }

    func execute(projectCode: Int64, instanceId: Int, type: ExecuteType) async throws {
        _ = try await projects.existing(projectCode)
        guard let instance = try await store.processInstance(id: Int64(instanceId), withDag: false),
              instance.projectCode == projectCode else {
            throw ServiceError(.processInstanceNotExist, .number(Int64(instanceId)))
        }
        let id = Int64(instanceId)
        switch type {
        case .STOP where [.RUNNING_EXECUTION, .READY_PAUSE].contains(instance.state),
             .PAUSE where instance.state == .RUNNING_EXECUTION:
            guard await runtime.control(id, type) else { throw ServiceError(.executeProcessInstanceError) }
        case .RECOVER_SUSPENDED_PROCESS where [.PAUSE, .STOP].contains(instance.state):
            try await requeue(instance, .RECOVER_SUSPENDED_PROCESS)
        case .START_FAILURE_TASK_PROCESS where instance.state == .FAILURE:
            try await requeue(instance, .START_FAILURE_TASK_PROCESS)
        case .REPEAT_RUNNING where instance.state.isFinished:
            try await requeue(instance, .REPEAT_RUNNING)
        default:
            // DolphinScheduler loses the reason: the generic status.
            throw ServiceError(.executeProcessInstanceError)
        }
    }

    private func requeue(_ instance: ProcessInstance, _ type: CommandType) async throws {
        try await store.acceptCommands([CommandDraft(
            commandType: type, processDefinitionCode: instance.processDefinitionCode, projectCode: instance.projectCode,
            triggerCode: codes.next(), processInstanceId: Int64(instance.id), failureStrategy: instance.failureStrategy,
            warningType: instance.warningType, priority: instance.processInstancePriority,
            workerGroup: instance.workerGroup, executorId: Int64(instance.executorId))])
        runtime.commandQueued()
    }

    private func checkRunnable(projectCode: Int64, definitionCode: Int64) async throws -> ProcessDefinition {
        // An unknown workflow is an NPE in DolphinScheduler: the generic start error.
        guard let definition = try await store.definition(code: definitionCode) else { throw ServiceError(.startProcessInstanceError) }
        guard definition.projectCode == projectCode else { throw ServiceError(.processDefineNotExist, .text(String(definitionCode))) }
        guard definition.releaseState == .ONLINE else {
            throw ServiceError(.processDefineNotRelease, .text(String(definitionCode)), .text(String(definition.version)))
        }
        try await checkSubProcesses(definitionCode: definitionCode)
        return definition
    }

    /// A JSON object of start parameters; anything else (a JSON array, as 3.2.2) is ignored.
    private static func startParams(_ text: String?) -> String {
        guard let text, let object = try? WireJSON.decode([String: JSONValue].self, from: text) else { return "{}" }
        return (try? WireJSON.string(object)) ?? "{}"
    }

    /// The backfill dates: a list (at most 100), or the workflow's cron (daily at midnight without a schedule)
    /// expanded between the start and end dates, both inclusive.
    private func complementDates(_ scheduleTime: String, definitionCode: Int64) async throws -> [Date] {
        guard let object = try? WireJSON.decode([String: JSONValue].self, from: scheduleTime) else {
            throw ServiceError(.startProcessInstanceError)
        }
        if let list = object["complementScheduleDateList"]?.stringValue {
            let dates = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard dates.count <= 100 else { throw ServiceError(.scheduleTimeNumberExceed) }
            let parsed = dates.compactMap { DolphinDate.date($0) }
            guard parsed.count == dates.count, !parsed.isEmpty else { throw ServiceError(.startProcessInstanceError) }
            return Array(Set(parsed)).sorted()
        }
        guard let startText = object["complementStartDate"]?.stringValue, let endText = object["complementEndDate"]?.stringValue,
              let start = DolphinDate.date(startText), let end = DolphinDate.date(endText), start <= end else {
            throw ServiceError(.startProcessInstanceError)
        }
        let schedule = try await store.schedule(definitionCode: definitionCode)
        let daily = try QuartzCron(parsing: "0 0 0 * * ? *")
        let cron = schedule.flatMap { try? QuartzCron(parsing: $0.crontab) } ?? daily
        let dates = cron.nextFireTimes(after: start.addingTimeInterval(-1), count: 10_000, timeZone: .current, start: start, end: end)
        guard !dates.isEmpty else { throw ServiceError(.startProcessInstanceError) }
        return dates
    }
}
