import GRDB

/// The engine's schema as named, append-only migrations. Never edit a migration once it is merged: add a new
/// one at the end (`registerAll` order is the apply order). Migrations use the schema API only, never record
/// types, so they stay valid as the records evolve. Invariants live in constraints (UNIQUE, NOT NULL,
/// foreign keys) so that a restart after `kill -9` cannot leave duplicates behind.
enum Migrations {
    static func registerAll(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v1 users, sessions, access tokens", migrate: createAccounts)
        migrator.registerMigration("v1 queues, tenants, worker groups, environments, datasources", migrate: createResources)
        migrator.registerMigration("v1 projects and definitions", migrate: createDefinitions)
        migrator.registerMigration("v1 schedules", migrate: createSchedules)
        migrator.registerMigration("v2 commands, process instances, task instances", migrate: createExecution)
    }

    private static func createAccounts(_ db: Database) throws {
        try db.create(table: "user") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("userName", .text).notNull().unique()
            t.column("passwordHash", .text).notNull()
            t.column("passwordSalt", .text).notNull()
            t.column("userType", .text).notNull()
            t.column("tenantId", .integer).notNull()
            t.column("email", .text)
            t.column("state", .integer).notNull()
            t.column("timeZone", .text)
            t.column("createTime", .text).notNull()
            t.column("updateTime", .text).notNull()
        }
        try db.create(table: "session") { t in
            t.primaryKey("id", .text)
            t.column("userId", .integer).notNull().unique().references("user", onDelete: .cascade)
            t.column("ip", .text).notNull()
            t.column("lastLoginTime", .double).notNull()
        }
        try db.create(table: "accessToken") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("userId", .integer).notNull().indexed().references("user", onDelete: .cascade)
            t.column("token", .text).notNull().unique()
            t.column("expireTime", .text).notNull()
            t.column("expireEpoch", .double).notNull()
            t.column("createTime", .text).notNull()
            t.column("updateTime", .text).notNull()
        }
    }

    private static func createResources(_ db: Database) throws {
        try db.create(table: "queue") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("queueName", .text).notNull().unique()
            t.column("queue", .text).notNull().unique()
            t.column("createTime", .text).notNull()
            t.column("updateTime", .text).notNull()
        }
        try db.create(table: "tenant") { t in
            t.primaryKey("id", .integer)
            t.column("tenantCode", .text).notNull().unique()
            t.column("description", .text)
            t.column("queueId", .integer).notNull().references("queue")
            t.column("createTime", .text).notNull()
            t.column("updateTime", .text).notNull()
        }
        try db.create(table: "workerGroup") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull().unique()
            t.column("addrList", .text).notNull()
            t.column("description", .text)
            t.column("otherParamsJson", .text)
            t.column("systemDefault", .boolean).notNull()
            t.column("createTime", .text).notNull()
            t.column("updateTime", .text).notNull()
        }
        try db.create(table: "environment") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("code", .integer).notNull().unique()
            t.column("name", .text).notNull().unique()
            t.column("config", .text).notNull()
            t.column("description", .text)
            t.column("workerGroups", .text).notNull()
            t.column("operator", .integer).notNull()
            t.column("createTime", .text).notNull()
            t.column("updateTime", .text).notNull()
        }
        try db.create(table: "datasource") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull()
            t.column("type", .text).notNull()
            t.column("note", .text)
            t.column("connectionParams", .text).notNull()
            t.column("userId", .integer).notNull()
            t.column("createTime", .text).notNull()
            t.column("updateTime", .text).notNull()
            t.uniqueKey(["name", "type"])
        }
    }

    private static func createDefinitions(_ db: Database) throws {
        try db.create(table: "project") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("code", .integer).notNull().unique()
            t.column("name", .text).notNull().unique()
            t.column("description", .text)
            t.column("userId", .integer).notNull()
            t.column("createTime", .text).notNull()
            t.column("updateTime", .text).notNull()
        }
        // The current version of each workflow; its history is processDefinitionLog.
        try db.create(table: "processDefinition") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("code", .integer).notNull().unique()
            t.column("projectCode", .integer).notNull().references("project", column: "code")
            t.column("name", .text).notNull()
            t.column("version", .integer).notNull()
            t.column("releaseState", .text).notNull()
            t.column("description", .text).notNull()
            t.column("globalParams", .text).notNull()
            t.column("locations", .text)
            t.column("timeout", .integer).notNull()
            t.column("executionType", .text).notNull()
            t.column("warningGroupId", .integer)
            t.column("userId", .integer).notNull()
            t.column("createTime", .text).notNull()
            t.column("updateTime", .text).notNull()
            t.uniqueKey(["projectCode", "name"])
        }
        // Every version of every workflow. relationsJSON / tasksJSON hold that version's DAG as compact wire
        // JSON (the relation and task lists of DagData), written once: reads of a DAG are one row.
        try db.create(table: "processDefinitionLog") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("code", .integer).notNull()
            t.column("version", .integer).notNull()
            t.column("projectCode", .integer).notNull()
            t.column("name", .text).notNull()
            t.column("releaseState", .text).notNull()
            t.column("description", .text).notNull()
            t.column("globalParams", .text).notNull()
            t.column("locations", .text)
            t.column("timeout", .integer).notNull()
            t.column("executionType", .text).notNull()
            t.column("warningGroupId", .integer)
            t.column("userId", .integer).notNull()
            t.column("createTime", .text).notNull()
            t.column("updateTime", .text).notNull()
            t.column("operator", .integer).notNull()
            t.column("operateTime", .text).notNull()
            t.column("relationsJSON", .text).notNull()
            t.column("tasksJSON", .text).notNull()
            t.uniqueKey(["code", "version"])
        }
        // Tasks: `content` is the task's compact wire JSON without server fields; equal content = no new version.
        try db.create(table: "taskDefinition") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("code", .integer).notNull().unique()
            t.column("version", .integer).notNull()
            t.column("projectCode", .integer).notNull().indexed()
            t.column("name", .text).notNull()
            t.column("taskType", .text).notNull()
            t.column("content", .text).notNull()
            t.column("userId", .integer).notNull()
            t.column("createTime", .text).notNull()
            t.column("updateTime", .text).notNull()
        }
        try db.create(table: "taskDefinitionLog") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("code", .integer).notNull()
            t.column("version", .integer).notNull()
            t.column("projectCode", .integer).notNull()
            t.column("name", .text).notNull()
            t.column("taskType", .text).notNull()
            t.column("content", .text).notNull()
            t.column("userId", .integer).notNull()
            t.column("createTime", .text).notNull()
            t.column("updateTime", .text).notNull()
            t.column("operator", .integer).notNull()
            t.column("operateTime", .text).notNull()
            t.uniqueKey(["code", "version"])
        }
        // The edges of each workflow's current version.
        try db.create(table: "processTaskRelation") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("projectCode", .integer).notNull()
            t.column("processDefinitionCode", .integer).notNull().indexed()
                .references("processDefinition", column: "code", onDelete: .cascade)
            t.column("processDefinitionVersion", .integer).notNull()
            t.column("preTaskCode", .integer).notNull().indexed()
            t.column("preTaskVersion", .integer).notNull()
            t.column("postTaskCode", .integer).notNull().indexed()
            t.column("postTaskVersion", .integer).notNull()
            t.column("name", .text).notNull()
            t.column("conditionType", .text)
            t.column("conditionParams", .text).notNull()
            t.column("createTime", .text).notNull()
            t.column("updateTime", .text).notNull()
        }
        // Which workflows a workflow's SUB_PROCESS and DEPENDENT tasks point at (current versions only).
        try db.create(table: "definitionReference") { t in
            t.column("sourceCode", .integer).notNull()
                .references("processDefinition", column: "code", onDelete: .cascade)
            t.column("sourceTaskName", .text).notNull()
            t.column("targetCode", .integer).notNull().indexed()
            t.column("kind", .text).notNull()
        }
        try db.create(index: "definitionReference_sourceCode", on: "definitionReference", columns: ["sourceCode"])
    }

    private static func createSchedules(_ db: Database) throws {
        try db.create(table: "schedule") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("processDefinitionCode", .integer).notNull().unique()
                .references("processDefinition", column: "code", onDelete: .cascade)
            t.column("startTime", .text).notNull()
            t.column("endTime", .text).notNull()
            t.column("timezoneId", .text).notNull()
            t.column("crontab", .text).notNull()
            t.column("failureStrategy", .text).notNull()
            t.column("warningType", .text).notNull()
            t.column("warningGroupId", .integer).notNull()
            t.column("processInstancePriority", .text)
            t.column("workerGroup", .text).notNull()
            t.column("tenantCode", .text)
            t.column("environmentCode", .integer).notNull()
            t.column("releaseState", .text).notNull()
            t.column("userId", .integer).notNull()
            t.column("createTime", .text).notNull()
            t.column("updateTime", .text).notNull()
        }
    }
}
