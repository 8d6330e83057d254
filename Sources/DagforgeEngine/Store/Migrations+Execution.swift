import GRDB

extension Migrations {
    /// The run side: the persistent command queue, process instances and task instances. The constraints are
    /// what makes a restart after `kill -9` safe: a schedule fires once per fire time, a command creates at most
    /// one instance, a SUB_PROCESS task instance has at most one child, and a task has at most one valid
    /// (`flag YES`) task instance per process instance.
    static func createExecution(_ db: Database) throws {
        try db.create(table: "command") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("commandType", .text).notNull()
            t.column("processDefinitionCode", .integer).notNull()
            t.column("projectCode", .integer).notNull()
            t.column("triggerCode", .integer).notNull().indexed()
            t.column("scheduleId", .integer)
            t.column("scheduleTime", .text)
            // Set for commands acting on an existing instance (recover, rerun failed tasks, repeat).
            t.column("processInstanceId", .integer)
            t.column("startNodeList", .text).notNull()
            t.column("taskDependType", .text).notNull()
            t.column("failureStrategy", .text).notNull()
            t.column("warningType", .text).notNull()
            t.column("processInstancePriority", .text).notNull()
            t.column("workerGroup", .text).notNull()
            t.column("startParams", .text).notNull()
            t.column("dryRun", .integer).notNull()
            // How many instances of the same trigger may run at once (backfill); 0 = no limit.
            t.column("parallelism", .integer).notNull()
            t.column("executorId", .integer).notNull()
            t.column("createTime", .text).notNull()
            // The instance the command created or reopened; NULL while queued.
            t.column("claimedInstanceId", .integer)
            t.uniqueKey(["scheduleId", "scheduleTime"])
        }
        try db.create(index: "command_queued", on: "command", columns: ["id"], condition: Column("claimedInstanceId") == nil)

        try db.create(table: "processInstance") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull()
            t.column("processDefinitionCode", .integer).notNull().indexed()
            t.column("processDefinitionVersion", .integer).notNull()
            t.column("projectCode", .integer).notNull().indexed()
            t.column("state", .text).notNull()
            t.column("commandType", .text).notNull()
            t.column("commandId", .integer).unique()
            t.column("triggerCode", .integer).indexed()
            t.column("parentProcessInstanceId", .integer)
            t.column("parentTaskInstanceId", .integer).unique()
            t.column("scheduleTime", .text)
            t.column("commandStartTime", .text).notNull()
            t.column("startTime", .text).notNull()
            t.column("endTime", .text)
            t.column("restartTime", .text)
            t.column("runTimes", .integer).notNull()
            t.column("startNodeList", .text).notNull()
            t.column("taskDependType", .text).notNull()
            t.column("failureStrategy", .text).notNull()
            t.column("warningType", .text).notNull()
            t.column("processInstancePriority", .text).notNull()
            t.column("workerGroup", .text).notNull()
            t.column("startParams", .text).notNull()
            t.column("globalParams", .text).notNull()
            t.column("varPool", .text)
            t.column("dryRun", .integer).notNull()
            t.column("executorId", .integer).notNull()
            t.column("host", .text).notNull()
            t.column("recovery", .text).notNull()
        }
        try db.create(index: "processInstance_state", on: "processInstance", columns: ["state"])

        try db.create(table: "taskInstance") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("processInstanceId", .integer).notNull().indexed()
                .references("processInstance", onDelete: .cascade)
            t.column("taskCode", .integer).notNull()
            t.column("taskDefinitionVersion", .integer).notNull()
            t.column("name", .text).notNull()
            t.column("taskType", .text).notNull()
            t.column("state", .text).notNull()
            t.column("flag", .text).notNull()
            t.column("retryTimes", .integer).notNull()
            t.column("maxRetryTimes", .integer).notNull()
            t.column("retryInterval", .integer).notNull()
            t.column("delayTime", .integer).notNull()
            t.column("taskInstancePriority", .text).notNull()
            t.column("workerGroup", .text).notNull()
            t.column("submitTime", .text).notNull()
            t.column("startTime", .text)
            t.column("endTime", .text)
            t.column("host", .text).notNull()
            t.column("executePath", .text)
            t.column("logPath", .text)
            t.column("pid", .integer).notNull()
            t.column("taskParams", .text).notNull()
            t.column("varPool", .text)
            t.column("dependentResult", .text)
            // For CONDITIONS and SWITCH: the branch taken, a JSON array of task codes.
            t.column("follow", .text)
        }
        try db.create(index: "taskInstance_valid", on: "taskInstance", columns: ["processInstanceId", "taskCode"],
                      unique: true, condition: Column("flag") == "YES")
    }
}
