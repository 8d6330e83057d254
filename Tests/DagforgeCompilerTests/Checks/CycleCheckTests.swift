import DagforgeCompiler
import DagforgeSpec
import Testing

struct CycleCheckTests {
    @Test func crossWorkflowCycleNamesEveryEdgeWithItsOrigin() throws {
        let repository = SpecLoader.load([
            "workflows/alpha/a.sql": "-- upstream: beta/c\nSELECT 1;",
            "workflows/alpha/b.sql": "-- upstream: a\nSELECT 1;",
            "workflows/beta/c.sql": "-- upstream: alpha/b\nSELECT 1;",
        ])
        let cycles = Compiler(repository: repository).diagnostics.filter { $0.code == "DF301" }
        let cycle = try #require(cycles.first)
        #expect(cycles.count == 1)
        #expect(cycle.message == "dependency cycle: alpha/a → alpha/b → beta/c → alpha/a")
        #expect(cycle.range?.description == "workflows/alpha/a.sql:1:14")
        #expect(cycle.notes.map(\.message) == [
            "alpha/a → alpha/b: declared at workflows/alpha/b.sql:1:14",
            "alpha/b → beta/c: declared at workflows/beta/c.sql:1:14",
            "beta/c → alpha/a: declared at workflows/alpha/a.sql:1:14",
        ])
    }

    @Test func twoSeparateCyclesAreTwoDiagnostics() {
        let repository = SpecLoader.load([
            "workflows/w/a.sql": "-- upstream: b\nSELECT 1;",
            "workflows/w/b.sql": "-- upstream: a\nSELECT 1;",
            "workflows/w/c.sql": "-- upstream: d\nSELECT 1;",
            "workflows/w/d.sql": "-- upstream: c\nSELECT 1;",
        ])
        #expect(Compiler(repository: repository).diagnostics.filter { $0.code == "DF301" }.count == 2)
    }

    @Test func cycleThroughAnInferredEdgeIsDF502() {
        let repository = SpecLoader.load([
            "workflows/w/a.sql": "-- upstream: b\nSELECT 1;",
            "workflows/w/b.sql": "SELECT 1;",
        ])
        let range = SourceRange(path: "workflows/w/b.sql", start: .init(line: 1, column: 15))
        let edge = InferredEdge(upstream: TaskAddress(workflow: "w", task: "a"), downstream: TaskAddress(workflow: "w", task: "b"),
                                table: "t", read: range, written: range)
        let codes = Compiler(repository: repository, inferredEdges: [edge]).diagnostics.map(\.code)
        #expect(codes == ["DF502"])
    }
}
