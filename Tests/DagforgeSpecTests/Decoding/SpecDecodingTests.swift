import DagforgeSpec
import Testing

struct SpecDecodingTests {
    @Test func workflowYAMLDecodesEverySection() throws {
        let repository = SpecLoader.load([
            "workflows/pv/workflow.yaml": """
            description: Daily signals
            schedule: { cron: "0 0 2 * * ? *", timezone: Asia/Shanghai }
            params: { bizdate: "$[yyyyMMdd-1]" }
            defaults: { datasource: dw, retries: 2, retry_interval: 5m, timeout: 1h }
            execution_type: serial_wait
            tasks:
              - name: wait_ods
                type: dependent
                on: ods/load_all
              - name: spark_agg
                type: SPARK
                params: { mainClass: com.example.Agg, deployMode: cluster }
              - name: extract
                retries: 7
            """,
            "workflows/pv/extract.sql": "SELECT 1;",
        ])
        #expect(repository.diagnostics.isEmpty)
        let workflow = try #require(repository.workflow(named: "pv"))
        #expect(workflow.schedule?.cron?.value == "0 0 2 * * ? *")
        #expect(workflow.params.map(\.value.value) == ["$[yyyyMMdd-1]"])
        #expect(workflow.defaults.retryInterval == 5 && workflow.defaults.timeout == 60)
        #expect(workflow.executionType == .SERIAL_WAIT)
        #expect(workflow.tasks.map(\.name) == ["extract", "spark_agg", "wait_ods"])
        #expect(workflow.task(named: "extract")?.settings.retries == 7)
        #expect(workflow.task(named: "spark_agg")?.kind.taskType == "SPARK")
    }

    @Test func unknownKeysWrongTypesAndBadValuesAreAllReported() {
        let repository = SpecLoader.load([
            "workflows/pv/workflow.yaml": """
            descripton: typo
            defaults:
              retries: [1, 2]
              retry_interval: soon
            tasks:
              - name: x
                type: shel
            """,
        ])
        #expect(repository.diagnostics.summaries == [
            "DF102@workflows/pv/workflow.yaml:1", "DF103@workflows/pv/workflow.yaml:3",
            "DF106@workflows/pv/workflow.yaml:4", "DF106@workflows/pv/workflow.yaml:7",
        ])
        #expect(repository.diagnostics.first { $0.code == "DF102" }?.message.contains("did you mean 'description'") == true)
    }

    @Test func plainYAMLValuesAreTypedByTheCoreSchema() throws {
        let typed = SpecLoader.load([
            "workflows/pv/workflow.yaml": "defaults: { retries: 3, cache: True, enabled: false, infer: FALSE }\n",
        ])
        #expect(typed.diagnostics.isEmpty)
        let defaults = try #require(typed.workflow(named: "pv")).defaults
        #expect(defaults.retries == 3 && defaults.cache == true && defaults.enabled == false && defaults.infer == false)

        // YAML 1.1 words are strings: `enabled: no` is reported, never read as a silent false.
        let words = SpecLoader.load(["workflows/pv/workflow.yaml": "defaults:\n  enabled: no\n  cache: yes\n"])
        #expect(words.diagnostics.summaries == ["DF103@workflows/pv/workflow.yaml:2", "DF103@workflows/pv/workflow.yaml:3"])
    }

    @Test func syntaxErrorsPointAtTheirLine() {
        let repository = SpecLoader.load(["environments/test.yaml": "variables:\n  a: [1, 2\n"])
        #expect(repository.diagnostics.map(\.code) == ["DF101"])
        #expect((repository.diagnostics.first?.range?.start.line ?? 0) >= 2)
    }

    @Test func environmentDecodesEngineDatasourcesAndOverrides() throws {
        let repository = SpecLoader.load([
            "environments/prod.yaml": """
            engine: { url: "http://ds:12345/dolphinscheduler", token: "{{ env.DS_TOKEN }}", api: "3.3" }
            project: pv
            datasources:
              dw: dw_prod
              lake: { name: hive_lake, type: HIVE }
            variables: { channel: "#pv", limit: 3 }
            schedules: disabled
            overrides:
              daily:
                schedule: { cron: "0 30 1 * * ? *" }
                tasks: { extract: { retries: 5 } }
            """,
        ])
        #expect(repository.diagnostics.isEmpty)
        let environment = try #require(repository.environment(named: "prod"))
        #expect(environment.engine?.api == .v3_3)
        #expect(environment.datasources["dw"]?.name.value == "dw_prod")
        #expect(environment.datasources["lake"]?.type == .HIVE)
        #expect(environment.variables["limit"]?.value == "3")
        #expect(!environment.schedulesEnabled)
        #expect(environment.overrides["daily"]?.tasks["extract"]?.settings.retries == 5)
    }

    @Test func duplicateTaskNamesAreReportedWithTheFirstDeclaration() {
        let repository = SpecLoader.load([
            "workflows/w/a.sql": "SELECT 1;",
            "workflows/w/b.sh": "# name: a\necho b",
        ])
        #expect(repository.diagnostics.map(\.code) == ["DF107"])
        #expect(repository.diagnostics.first?.notes.first?.range?.path == "workflows/w/a.sql")
    }

    @Test func fileReferencesMustExistInsideTheRepository() {
        let repository = SpecLoader.load([
            "workflows/w/workflow.yaml": """
            tasks:
              - { name: a, type: shell, file: scripts/a.sh }
              - { name: b, type: shell, file: ../../../secret.sh }
              - { name: c, type: shell, file: scripts/c.sh }
            """,
            "workflows/w/scripts/c.sh": "echo c",
        ])
        #expect(repository.diagnostics.summaries == ["DF104@workflows/w/workflow.yaml:2", "DF105@workflows/w/workflow.yaml:3"])
        guard case .shell(let text)? = repository.workflows[0].task(named: "c")?.kind else {
            Issue.record("c is not a shell task")
            return
        }
        #expect(text.text == "echo c")
    }
}

extension Array where Element == Diagnostic {
    /// `code@path:line` of every diagnostic, sorted.
    fileprivate var summaries: [String] {
        map { "\($0.code)@\($0.range.map { "\($0.path):\($0.start.line)" } ?? "-")" }.sorted()
    }
}
