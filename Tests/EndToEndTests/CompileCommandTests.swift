import DagforgeWire
import Foundation
import DagforgeTestSupport
import Testing

struct CompileCommandTests {
    private let secret = "a-very-secret-password"

    private func dagforge(_ arguments: [String], environment: [String: String] = [:]) throws -> ProcessResult {
        // The example's secrets come from the environment; start from a clean slate for them.
        try DagforgeBinary.run(arguments, in: DagforgeBinary.packageRoot.path,
                               environment: ["DAGFORGE_ADMIN_PASSWORD": "", "DS_UAT_TOKEN": "", "DS_PROD_TOKEN": ""].merging(environment) { $1 })
    }

    @Test func compilesTheExampleForTestAndNeverPrintsTheSecret() throws {
        let outcome = try dagforge(["compile", "--env", "test"], environment: ["DAGFORGE_ADMIN_PASSWORD": secret])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(!outcome.stdout.contains(secret) && !outcome.stderr.contains(secret))
        let workflows = try JSONDecoder().decode([JSONValue].self, from: Data(outcome.stdout.utf8))
        #expect(workflows.count >= 5)
        let first = try #require(workflows.first?["definition"])
        for key in ["name", "description", "globalParams", "timeout", "executionType", "taskDefinitionJson", "taskRelationJson", "locations"] {
            #expect(first[key] != nil, "missing \(key)")
        }
        let task = try #require(first["taskDefinitionJson"]?.arrayValue?.first)
        for key in ["code", "version", "name", "taskType", "taskParams", "flag", "isCache", "taskPriority", "workerGroup",
                    "environmentCode", "failRetryTimes", "failRetryInterval", "timeoutFlag", "timeout", "delayTime", "cpuQuota", "memoryMax"] {
            #expect(task[key] != nil, "missing \(key)")
        }
    }

    @Test func compilingWithoutTheSecretFails() throws {
        let outcome = try dagforge(["compile", "--env", "test", "--workflow", "pv_ingest"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("error[DF403]: process environment variable 'DAGFORGE_ADMIN_PASSWORD' is not set"))
    }

    @Test func graphLabelsEdgesAndSchemaChecksTheExample() throws {
        let graph = try dagforge(["graph", "--workflow", "pv_clean", "--format", "mermaid"])
        #expect(graph.status == 0)
        #expect(graph.stdout.contains("-->|declared|"))
        let dot = try dagforge(["graph", "--format", "dot"])
        #expect(dot.stdout.hasPrefix("digraph dagforge {"))

        let schema = try dagforge(["schema"])
        #expect(schema.status == 0)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dagforge-schema-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(schema.stdout.utf8).write(to: URL(fileURLWithPath: folder + "/schemas.json"))
        let script = """
        import glob, json, re, sys, yaml, jsonschema
        # YAML 1.2 booleans, as dagforge and editors read them (PyYAML's YAML 1.1 would turn the key `on` into True).
        class Loader(yaml.SafeLoader): pass
        Loader.yaml_implicit_resolvers = {k: [(t, r) for t, r in v if t != "tag:yaml.org,2002:bool"]
                                          for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
        Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile("^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
        schemas = json.load(open(sys.argv[1]))
        root = sys.argv[2]
        checks = [(p, "workflow.schema.json") for p in glob.glob(root + "/workflows/*/workflow.yaml")]
        checks += [(p, "environment.schema.json") for p in glob.glob(root + "/environments/*.yaml")]
        checks += [(root + "/dagforge.yaml", "dagforge.schema.json")]
        for path, name in checks:
            jsonschema.validate(yaml.load(open(path), Loader=Loader), schemas[name])
        bad = {"tasks": [{"name": "x", "retrys": 3}]}
        try:
            jsonschema.validate(bad, schemas["workflow.schema.json"])
            sys.exit("schema accepted an unknown key")
        except jsonschema.ValidationError:
            pass
        print(len(checks))
        """
        let checked = try ProcessRunner.run(command: "python3", ["-c", script, folder + "/schemas.json", DagforgeBinary.packageRoot.path], in: folder)
        #expect(checked.status == 0, "\(checked.stderr)")
        #expect(Int(checked.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 >= 9)
    }
}
