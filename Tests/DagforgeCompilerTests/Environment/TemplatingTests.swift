import DagforgeCompiler
import DagforgeSpec
import DagforgeWire
import Testing

struct TemplatingTests {
    private let repository = SpecLoader.load([
        "workflows/w/run.sh": "echo {{ greeting }} ${name} $[yyyyMMdd-1] {{ env.API_KEY }}\n",
        "workflows/w/bad.sh": "echo\necho {{ greting }}\n",
        "environments/test.yaml": """
        engine: { url: "http://127.0.0.1:1/dolphinscheduler", user: admin, password: "{{ env.ADMIN_PASSWORD }}" }
        variables: { greeting: hello }
        """,
    ])

    @Test func variablesAndProcessEnvironmentFillInAndRuntimePlaceholdersStay() throws {
        let result = Compiler(repository: repository).compile(environment: "test", processEnvironment: ["API_KEY": "s3cr3t", "ADMIN_PASSWORD": "pw-123"])
        let run = try #require(result.workflows.first?.definition.taskDefinitionJson.first { $0.name == "run" })
        #expect(try run.taskParams.decode(as: ScriptParameters.self).rawScript == "echo hello ${name} $[yyyyMMdd-1] s3cr3t\n")
        #expect(result.engine?.authentication == .credentials(user: "admin", password: "pw-123"))
        #expect(result.redacting("key=s3cr3t pw=pw-123") == "key=*** pw=***")
    }

    @Test func undefinedVariablesPointAtThePlaceholder() throws {
        let result = Compiler(repository: repository).compile(environment: "test", processEnvironment: ["API_KEY": "k", "ADMIN_PASSWORD": "p"])
        let undefined = try #require(result.diagnostics.first { $0.code == "DF401" })
        #expect(undefined.range?.description == "workflows/w/bad.sh:2:6")
        #expect(undefined.message.contains("did you mean 'greeting'"))
    }

    @Test func missingSecretsAreErrorsWhenCompilingAndWarningsWhenValidating() {
        let compiler = Compiler(repository: repository)
        let compiled = compiler.compile(environment: "test", processEnvironment: [:]).diagnostics.filter { $0.code == "DF403" }
        #expect(compiled.count == 2 && compiled.allSatisfy { $0.severity == .error })
        let validated = compiler.validate(processEnvironment: [:]).filter { $0.code == "DF403" }
        #expect(validated.count == 2 && validated.allSatisfy { $0.severity == .warning })
        #expect(!validated.contains { $0.message.contains("pw") })
    }

    @Test func unknownEnvironmentIsReportedWithSuggestion() {
        let result = Compiler(repository: repository).compile(environment: "tset", processEnvironment: [:])
        #expect(result.diagnostics.contains { $0.code == "DF402" && $0.message.contains("did you mean 'test'") })
    }
}
