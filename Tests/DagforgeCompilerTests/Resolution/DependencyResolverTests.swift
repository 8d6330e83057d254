import DagforgeCompiler
import DagforgeSpec
import Testing

struct DependencyResolverTests {
    private let repository = SpecLoader.load([
        "workflows/ods/load_all.sql": "SELECT 1;",
        "workflows/pv/extract.sql": "-- upstream: ods/load_all\nSELECT 1;",
        "workflows/pv/signals.sql": "-- upstream: extract, clean\nSELECT 2;",
        "workflows/pv/report.sql": "-- upstream: odss/load_all, signals\nSELECT 3;",
    ])

    @Test func declaredEdgesKeepWhereTheyWereWritten() throws {
        let graph = DependencyResolver(repository: repository).resolve()
        let edge = DependencyGraph.Edge(from: TaskAddress(workflow: "ods", task: "load_all"), to: TaskAddress(workflow: "pv", task: "extract"))
        let origin = try #require(graph.origin(of: edge))
        #expect(origin.explanation == "declared at workflows/pv/extract.sql:1:14")
        #expect(graph.upstreams(of: TaskAddress(workflow: "pv", task: "signals")) == [TaskAddress(workflow: "pv", task: "extract")])
    }

    @Test func unresolvedReferencesCarrySuggestions() {
        let graph = DependencyResolver(repository: repository).resolve()
        let summaries = graph.unresolved.map { "\($0.kind) \($0.reference.value) \($0.suggestion ?? "-")" }
        #expect(summaries == ["workflow odss/load_all ods/load_all", "task clean -"])
    }

    @Test func inferredEdgesJoinTheGraphUnlessInferenceIsOff() {
        let read = SourceRange(path: "workflows/pv/report.sql", start: .init(line: 3, column: 6))
        let written = SourceRange(path: "workflows/ods/load_all.sql", start: .init(line: 1, column: 1))
        let edge = InferredEdge(upstream: TaskAddress(workflow: "ods", task: "load_all"),
                                downstream: TaskAddress(workflow: "pv", task: "report"), table: "main.cases", read: read, written: written)
        let graph = DependencyResolver(repository: repository).resolve(inferred: [edge])
        #expect(graph.origins(of: .init(from: edge.upstream, to: edge.downstream)) == [.inferred(table: "main.cases", read: read, written: written)])

        let optedOut = SpecLoader.load([
            "workflows/ods/load_all.sql": "SELECT 1;",
            "workflows/pv/report.sql": "-- infer: false\nSELECT 3;",
        ])
        #expect(DependencyResolver(repository: optedOut).resolve(inferred: [edge]).graph.edges.isEmpty)
    }
}
