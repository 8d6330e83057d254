@testable import DagforgeDeploy
import DagforgeCompiler
import DagforgeWire

/// Hand-built compiled workflows and engine states.
enum Fixtures {
    static let dataSources = [
        DataSource(id: 7, userId: 1, userName: nil, name: "dw_pg", note: nil, type: .POSTGRESQL, connectionParams: nil,
                   createTime: nil, updateTime: nil),
    ]
    static let project = Project(id: 1, userId: 1, userName: "admin", code: 77, name: "pv", description: nil,
                                 createTime: nil, updateTime: nil)

    static func sqlTask(_ code: Int64, _ name: String, _ sql: String) -> TaskDefinition {
        TaskDefinition(code: code, name: name, taskType: TaskType.sql, taskParams: .object([
            "type": .string(""), "datasource": .int(0), "sql": .string(sql), "sqlType": .int(1),
            "localParams": .array([]), "preStatements": .array([]), "postStatements": .array([]),
        ]))
    }

    static func shellTask(_ code: Int64, _ name: String, _ script: String) -> TaskDefinition {
        TaskDefinition(code: code, name: name, taskType: TaskType.shell, taskParams: .object([
            "rawScript": .string(script), "localParams": .array([]), "resourceList": .array([]),
        ]))
    }

    static let extractSQL = "insert into dw.cases\nselect id, drug, event\nfrom ods.reports\nwhere dt = '${bizdate}';\n"

    /// pv_daily: extract (SQL) → load (SQL) → notify (SHELL), scheduled daily.
    static func compiled(name: String = "pv_daily", schedule online: Bool = true) -> CompiledWorkflow {
        let definition = ProcessDefinitionRequest(
            name: name, description: "Daily signal detection", globalParams: [Property(prop: "bizdate", value: "$[yyyyMMdd-1]")],
            timeout: 0, taskDefinitionJson: [
                sqlTask(1, "extract", extractSQL),
                sqlTask(2, "load", "insert into dw.signals select * from dw.cases;\n"),
                shellTask(3, "notify", "echo done\n"),
            ],
            taskRelationJson: [
                ProcessTaskRelation(preTaskCode: 0, postTaskCode: 1),
                ProcessTaskRelation(preTaskCode: 1, postTaskCode: 2),
                ProcessTaskRelation(preTaskCode: 2, postTaskCode: 3),
            ],
            locations: [Location(taskCode: 1, x: 0, y: 0), Location(taskCode: 2, x: 200, y: 0), Location(taskCode: 3, x: 400, y: 0)])
        let schedule = CompiledSchedule(
            param: ScheduleParam(startTime: "2024-01-01 00:00:00", endTime: "2100-01-01 00:00:00",
                                 crontab: "0 0 2 * * ? *", timezoneId: "Asia/Shanghai"),
            online: online)
        return CompiledWorkflow(name: name, sourcePath: "workflows/\(name)", definition: definition, schedule: schedule, bindings: [
            Binding(taskCode: 1, pointer: "/datasource", target: .datasourceId(name: "dw_pg")),
            Binding(taskCode: 2, pointer: "/datasource", target: .datasourceId(name: "dw_pg")),
        ])
    }

    static func emptySnapshot(project: Project? = project) -> EngineSnapshot {
        EngineSnapshot(project: project, definitions: [], schedules: [], dataSources: dataSources, environments: [])
    }

    /// The engine's state after deploying `workflows` the way the Applier does: engine codes, versions,
    /// timestamps, the marker, every workflow ONLINE, schedules as compiled.
    static func deployed(_ workflows: [CompiledWorkflow], commit: String = "c0ffee", definitionCodeBase: Int64 = 5000) throws
        -> EngineSnapshot {
        var snapshot = emptySnapshot()
        let resolver = Planner.resolver(project: "pv", desired: workflows, snapshot: snapshot)
        for (offset, workflow) in workflows.enumerated() {
            let code = definitionCodeBase + Int64(offset)
            var taskCodes: [String: (code: Int64, version: Int)] = [:]
            for (index, task) in workflow.definition.taskDefinitionJson.enumerated() {
                taskCodes[task.name] = (code * 100 + Int64(index), 3)
            }
            let request = try DefinitionBuilder(resolver: resolver, commit: commit).build(workflow, taskCodes: taskCodes)
            snapshot.definitions.append(dag(from: request, code: code, version: 4))
            if let schedule = workflow.schedule {
                snapshot.schedules.append(Schedule(
                    id: Int(code), processDefinitionCode: code, startTime: schedule.param.startTime, endTime: schedule.param.endTime,
                    timezoneId: schedule.param.timezoneId, crontab: schedule.param.crontab, failureStrategy: schedule.failureStrategy,
                    warningType: schedule.warningType, userId: 1, releaseState: schedule.online ? .ONLINE : .OFFLINE,
                    warningGroupId: 0, processInstancePriority: schedule.processInstancePriority, workerGroup: schedule.workerGroup,
                    tenantCode: schedule.tenantCode, environmentCode: -1))
            }
        }
        return snapshot
    }

    /// A DagData as an engine returns it for a stored request.
    static func dag(from request: ProcessDefinitionRequest, code: Int64, version: Int,
                    release: ReleaseState = .ONLINE) -> DagData {
        var definition = ProcessDefinition(
            id: Int(code), code: code, name: request.name, description: request.description, version: version,
            releaseState: release, projectCode: 77, globalParams: (try? WireJSON.string(request.globalParams)) ?? "[]",
            userId: 1, locations: (try? WireJSON.string(request.locations)) ?? "[]", timeout: request.timeout,
            executionType: request.executionType)
        definition.createTime = "2024-05-01 10:00:00"
        definition.updateTime = "2024-05-02 11:00:00"
        let tasks = request.taskDefinitionJson.enumerated().map { index, task in
            var task = task
            task.id = index + 1
            task.projectCode = 77
            task.userId = 1
            task.createTime = "2024-05-01 10:00:00"
            task.updateTime = "2024-05-02 11:00:00"
            task.operator_ = 1
            task.operateTime = "2024-05-02 11:00:00"
            return task
        }
        let relations = request.taskRelationJson.enumerated().map { index, relation in
            var relation = relation
            relation.id = index + 1
            relation.projectCode = 77
            relation.processDefinitionCode = code
            relation.processDefinitionVersion = version
            relation.createTime = "2024-05-02 11:00:00"
            return relation
        }
        return DagData(processDefinition: definition, processTaskRelationList: relations, taskDefinitionList: tasks)
    }
}
