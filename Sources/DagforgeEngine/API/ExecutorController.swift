import DagforgeWire

/// `ExecutorController` (reference §6.10), under `/projects/{projectCode}/executors`.
struct ExecutorController: Sendable {
    let executor: ExecutorService

    var endpoints: [Endpoint] {
        let base = "/projects/{projectCode}/executors"
        return [
            Endpoint(.post, base + "/start-process-instance", "Start a workflow run or a backfill; data is the trigger code",
                     tag: "executors", error: .startProcessInstanceError,
                     parameters: [.projectCode, .required("processDefinitionCode", .int64), .required("scheduleTime"),
                                  .required("failureStrategy", FailureStrategy.self), .required("warningType", WarningType.self),
                                  .optional("execType", CommandType.self), .optional("startNodeList"),
                                  .optional("taskDependType", TaskDependType.self), .optional("warningGroupId", .int32),
                                  .optional("runMode", RunMode.self), .optional("processInstancePriority", Priority.self),
                                  .optional("workerGroup"), .optional("tenantCode"), .optional("environmentCode", .int64),
                                  .optional("timeout", .int32), .optional("startParams"),
                                  .optional("expectedParallelismNumber", .int32), .optional("dryRun", .int32),
                                  .optional("testFlag", .int32), .optional("complementDependentMode", ComplementDependentMode.self),
                                  .optional("allLevelDependent", .boolean), .optional("executionOrder", ExecutionOrder.self),
                                  .optional("version", .int32)]) { input in
                try .ok(try await executor.start(caller: input.caller, projectCode: try input.int64("projectCode"),
                                                 try Self.startRequest(input)))
            },
            Endpoint(.post, base + "/execute", "STOP, PAUSE, RECOVER_SUSPENDED_PROCESS, START_FAILURE_TASK_PROCESS or REPEAT_RUNNING",
                     tag: "executors", error: .executeProcessInstanceError,
                     parameters: [.projectCode, .required("processInstanceId", .int32),
                                  .required("executeType", ExecuteType.self)]) { input in
                try await executor.execute(projectCode: try input.int64("projectCode"), instanceId: try input.int("processInstanceId"),
                                           type: try input.enumeration("executeType", ExecuteType.self))
                return .okNull
            },
            Endpoint(.post, base + "/start-check", "Whether every SUB_PROCESS target is ONLINE", tag: "executors",
                     error: .checkProcessDefinitionError,
                     parameters: [.projectCode, .required("processDefinitionCode", .int64)]) { input in
                try await executor.checkSubProcesses(definitionCode: try input.int64("processDefinitionCode"))
                return .okNull
            },
        ]
    }

    private static func startRequest(_ input: EndpointInput) throws -> StartRequest {
        let parallelism = try input.optionalInt("expectedParallelismNumber", default: Int.min)
        return StartRequest(
            definitionCode: try input.int64("processDefinitionCode"),
            scheduleTime: try input.string("scheduleTime"),
            failureStrategy: try input.enumeration("failureStrategy", FailureStrategy.self),
            warningType: try input.enumeration("warningType", WarningType.self),
            execType: try input.optionalEnumeration("execType", CommandType.self, default: .START_PROCESS) ?? .START_PROCESS,
            startNodeList: input.optionalString("startNodeList") ?? "",
            taskDependType: try input.optionalEnumeration("taskDependType", TaskDependType.self, default: .TASK_POST) ?? .TASK_POST,
            runMode: try input.optionalEnumeration("runMode", RunMode.self, default: .RUN_MODE_SERIAL) ?? .RUN_MODE_SERIAL,
            priority: try input.optionalEnumeration("processInstancePriority", Priority.self, default: .MEDIUM) ?? .MEDIUM,
            workerGroup: input.optionalString("workerGroup").flatMap { $0.isEmpty ? nil : $0 } ?? "default",
            timeout: try input.optionalInt("timeout", default: 86400),
            startParams: input.optionalString("startParams"),
            expectedParallelismNumber: parallelism == Int.min ? nil : parallelism,
            dryRun: try input.optionalInt("dryRun", default: 0),
            executionOrder: try input.optionalEnumeration("executionOrder", ExecutionOrder.self, default: .ASC_ORDER) ?? .ASC_ORDER)
    }
}
