import DagforgeCompiler
import DagforgeSpec
import DagforgeWire
import Testing

struct DolphinExporterTests {
    private let repository = SpecLoader.load([
        "workflows/ods/load_all.sql": "-- datasource: dw\nINSERT INTO ods SELECT 1;",
        "workflows/pv/workflow.yaml": """
        description: PV
        schedule: { cron: "0 0 2 * * ? *", timezone: Asia/Shanghai }
        params: { bizdate: "$[yyyyMMdd-1]" }
        defaults: { datasource: dw, retries: 2, timeout: 1h }
        tasks:
          - { name: child, type: sub_process, workflow: ods }
          - { name: notify, type: shell, command: "echo {{ channel }} ${bizdate}", upstream: [signals] }
        """,
        "workflows/pv/extract.sql": "-- name: extract\n-- upstream: ods/load_all\nSELECT * FROM ods WHERE d = '${bizdate}';\n",
        "workflows/pv/signals.sql": "-- upstream: extract\n-- sql_type: non_query\nINSERT INTO s SELECT 1;\n",
        "environments/prod.yaml": """
        worker_group: pv
        tenant: etl
        datasources: { dw: { name: pv_dw, type: SQLITE } }
        variables: { channel: "#pv" }
        overrides: { pv: { tasks: { signals: { retries: 5 } } } }
        """,
    ])

    private func compiled(_ name: String) throws -> CompiledWorkflow {
        let result = Compiler(repository: repository).compile(environment: "prod", processEnvironment: [:])
        #expect(!result.hasErrors, "\(result.diagnostics)")
        return try #require(result.workflows.first { $0.name == name })
    }

    @Test func codesFollowTaskNamesAndRootsGetPreTaskCodeZero() throws {
        let pv = try compiled("pv")
        let names = pv.definition.taskDefinitionJson.map(\.name)
        #expect(names == ["child", "extract", "notify", "signals", "wait.ods.load_all"])
        #expect(pv.definition.taskDefinitionJson.map(\.code) == [1, 2, 3, 4, 5])
        let relations = pv.definition.taskRelationJson.map { "\($0.preTaskCode)->\($0.postTaskCode)" }
        #expect(relations == ["0->1", "5->2", "4->3", "2->4", "0->5"])
    }

    @Test func crossWorkflowUpstreamBecomesADependentNodeWithBindings() throws {
        let pv = try compiled("pv")
        let wait = try #require(pv.definition.taskDefinitionJson.first { $0.name == "wait.ods.load_all" })
        #expect(wait.taskType == "DEPENDENT")
        #expect(wait.taskParams["dependence"]?["dependTaskList"]?.arrayValue?.count == 1)
        let targets = pv.bindings.filter { $0.taskCode == wait.code }.map(\.target)
        #expect(targets == [.projectCode, .workflowCode(workflow: "ods"), .taskCode(workflow: "ods", task: "load_all")])
        #expect(pv.bindings.contains(Binding(taskCode: 1, pointer: "/processDefinitionCode", target: .workflowCode(workflow: "ods"))))
    }

    @Test func sqlTasksCarryTheBodyWithoutHeaderAndADatasourceBinding() throws {
        let pv = try compiled("pv")
        let extract = try #require(pv.definition.taskDefinitionJson.first { $0.name == "extract" })
        let sql = try extract.taskParams.decode(as: SqlParameters.self)
        #expect(sql.sql == "SELECT * FROM ods WHERE d = '${bizdate}';")
        #expect(sql.type == "SQLITE" && sql.sqlType == 0)
        #expect(pv.bindings.contains(Binding(taskCode: extract.code, pointer: "/datasource", target: .datasourceId(name: "pv_dw"))))
        let signals = try #require(pv.definition.taskDefinitionJson.first { $0.name == "signals" })
        #expect(try signals.taskParams.decode(as: SqlParameters.self).sqlType == 1)
    }

    @Test func settingsLayerAndEveryRequiredFieldIsSet() throws {
        let pv = try compiled("pv")
        let signals = try #require(pv.definition.taskDefinitionJson.first { $0.name == "signals" })
        #expect(signals.failRetryTimes == 5)
        #expect(signals.timeout == 60 && signals.timeoutFlag == .OPEN)
        #expect(signals.workerGroup == "pv" && signals.flag == .YES && signals.isCache == .NO)
        let notify = try #require(pv.definition.taskDefinitionJson.first { $0.name == "notify" })
        #expect(try notify.taskParams.decode(as: ScriptParameters.self).rawScript == "echo #pv ${bizdate}")
        #expect(pv.definition.globalParams == [Property(prop: "bizdate", value: "$[yyyyMMdd-1]")])
        #expect(pv.schedule?.param.timezoneId == "Asia/Shanghai")
        #expect(pv.schedule?.tenantCode == "etl" && pv.schedule?.online == true)
    }

    @Test func outputIsDeterministic() throws {
        let first = try WireJSON.string(Compiler(repository: repository).compile(environment: "prod", processEnvironment: [:]).workflows)
        let second = try WireJSON.string(Compiler(repository: repository).compile(environment: "prod", processEnvironment: [:]).workflows)
        #expect(first == second)
    }
}
