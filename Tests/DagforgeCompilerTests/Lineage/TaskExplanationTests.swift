import DagforgeCompiler
import DagforgeSpec
import Testing

struct TaskExplanationTests {
    @Test func explainsDeclaredInferredAndCrossWorkflowNeighbours() throws {
        let compiler = Compiler(repository: SpecLoader.load([
            "workflows/ods/load.sql": "-- datasource: dw\ninsert into ods.orders select * from src.orders;",
            "workflows/dw/prepare.sql": "-- datasource: dw\nselect 1;",
            "workflows/dw/stage.sql": "-- datasource: dw\n-- upstream: prepare\ninsert into dw.orders select * from ods.orders;",
            "workflows/dw/report.sql": "-- datasource: dw\ninsert into dw.report select count(*) from dw.orders;",
        ]))
        let stage = TaskAddress(workflow: "dw", task: "stage")
        let explanation = try #require(TaskExplanation(stage, dependencies: compiler.dependencies, lineage: compiler.lineage))
        #expect(explanation.upstreams.map(\.task.description) == ["dw/prepare", "ods/load"])
        #expect(explanation.upstreams.map(\.crossWorkflow) == [false, true])
        #expect(explanation.upstreams[0].reasons == ["declared at workflows/dw/stage.sql:2:14"])
        #expect(explanation.upstreams[1].reasons
            == ["inferred from ods.orders read at workflows/dw/stage.sql:3:37 (written at workflows/ods/load.sql:2:13)"])
        #expect(explanation.downstreams.map(\.task.description) == ["dw/report"])
        #expect(explanation.reads.map(\.name) == ["ods.orders"])
        #expect(explanation.writes.map(\.at) == ["workflows/dw/stage.sql:3:13"])
        #expect(TaskExplanation(TaskAddress(workflow: "dw", task: "nope"), dependencies: compiler.dependencies,
                                lineage: compiler.lineage) == nil)
    }
}
