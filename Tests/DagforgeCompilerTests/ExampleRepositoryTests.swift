import DagforgeCompiler
import DagforgeSpec
import DagforgeTestSupport
import Testing

/// The example warehouse in workflows/ and environments/ is what the demo deploys: it must stay valid.
struct ExampleRepositoryTests {
    private let repository: LoadedRepository

    init() throws {
        repository = try SpecLoader.load(from: WorkingTreeSource(root: DagforgeBinary.packageRoot.path))
    }

    @Test func validatesWithoutErrorsForEveryEnvironment() {
        let diagnostics = Compiler(repository: repository).validate(processEnvironment: [:])
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.message))")
        #expect(repository.workflows.count >= 5)
        #expect(repository.workflows.reduce(0) { $0 + $1.tasks.count } >= 30)
        #expect(repository.environments.map(\.name) == ["prod", "test", "uat"])
    }

    @Test func environmentsReallyDiffer() throws {
        let secrets = ["DAGFORGE_ADMIN_PASSWORD": "pw", "DS_UAT_TOKEN": "u", "DS_PROD_TOKEN": "p"]
        let compiler = Compiler(repository: repository)
        let test = compiler.compile(environment: "test", processEnvironment: secrets)
        let prod = compiler.compile(environment: "prod", processEnvironment: secrets)
        #expect(!test.hasErrors && !prod.hasErrors)
        let testIngest = try #require(test.workflows.first { $0.name == "pv_ingest" })
        let prodIngest = try #require(prod.workflows.first { $0.name == "pv_ingest" })
        #expect(testIngest.schedule?.online == false && prodIngest.schedule?.online == true)
        #expect(testIngest.schedule?.param.crontab != prodIngest.schedule?.param.crontab)
        let retries = { (workflow: CompiledWorkflow) in workflow.definition.taskDefinitionJson.first { $0.name == "load_reports" }?.failRetryTimes }
        #expect(retries(testIngest) == 2 && retries(prodIngest) == 5)
        #expect(test.engine?.url == "http://127.0.0.1:12345/dolphinscheduler")
        #expect(testIngest.bindings.contains { $0.target == .datasourceId(name: "pv_dw") })
    }
}
