import DagforgeCompiler
import DagforgeDeploy
import DagforgeSpec
import Testing

/// What `--online` asks the engine about, collected from a compiled environment.
struct EngineReferenceTests {
    private func references(_ files: [String: String]) -> [String] {
        let result = Compiler(repository: SpecLoader.load(files)).compile(environment: "prod", processEnvironment: [:])
        return EngineReference.collect(from: result).map {
            "\($0.kind.ruleCode) \($0.name) \($0.use.description) \($0.task?.description ?? "-") \($0.taskCount) \($0.mapping?.description ?? "-")"
        }
    }

    @Test func eachNameOnceAtItsFirstUseWithHowManyTasksUseIt() {
        let found = references([
            "environments/prod.yaml": "tenant: etl\nworker_group: etl_workers\ndatasources:\n  dw: { name: prod_dw, type: SQLITE }\n",
            "workflows/a/load.sql": "-- datasource: dw\nSELECT 1;\n",
            "workflows/a/clean.sql": "-- datasource: dw\nSELECT 2;\n",
            "workflows/b/score.sh": "# worker_group: gpu\n# environment: py311\necho 1\n",
        ])
        #expect(found == [
            "DF601 prod_dw workflows/a/clean.sql:1:16 a/clean 2 environments/prod.yaml:4:15",
            "DF602 etl_workers environments/prod.yaml:1:1 a/clean 2 -",
            "DF602 gpu workflows/b/score.sh:1:17 b/score 1 -",
            "DF603 etl environments/prod.yaml:1:1 - 0 -",
            "DF604 py311 workflows/b/score.sh:2:16 b/score 1 -",
        ])
    }

    @Test func theDolphinSchedulerDefaultsAreNotAskedFor() {
        let found = references([
            "environments/prod.yaml": "tenant: default\nworker_group: default\n",
            "workflows/a/run.sh": "echo 1\n",
        ])
        #expect(found.isEmpty)
    }
}
