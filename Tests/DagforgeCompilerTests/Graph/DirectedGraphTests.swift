import DagforgeCompiler
import Testing

struct DirectedGraphTests {
    private func graph(_ edges: [(String, String)], nodes: [String] = []) -> DirectedGraph<String> {
        var graph = DirectedGraph<String>()
        for node in nodes { graph.add(node) }
        for (from, to) in edges { graph.add(.init(from: from, to: to)) }
        return graph
    }

    @Test func everyCycleIsFoundAsItsOwnComponent() {
        let g = graph([("a", "b"), ("b", "a"), ("c", "d"), ("d", "e"), ("e", "c"), ("e", "f")])
        #expect(g.cyclicComponents() == [["a", "b"], ["c", "d", "e"]])
        #expect(g.cycle(through: "c", within: ["c", "d", "e"]) == ["c", "d", "e"])
    }

    @Test func acyclicGraphsHaveNoComponentsAndAFullOrder() {
        let g = graph([("a", "c"), ("b", "c"), ("c", "d")], nodes: ["z"])
        #expect(g.cyclicComponents().isEmpty)
        #expect(g.topologicalOrder() == ["a", "b", "z", "c", "d"])
        #expect(g.layers()["d"] == 2)
    }

    @Test func componentsMatchMutualReachabilityOnRandomGraphs() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let names = (0..<25).map { "n\($0)" }
            let edges = (0..<40).map { _ in (names.randomElement(using: &generator)!, names.randomElement(using: &generator)!) }
                .filter { $0.0 != $0.1 }
            let g = graph(edges, nodes: names)
            // Two nodes share a component exactly when each reaches the other.
            var expected: Set<Set<String>> = []
            for name in names {
                let component = g.descendants(of: name).intersection(g.ancestors(of: name)).union([name])
                if component.count > 1 { expected.insert(component) }
            }
            #expect(Set(g.cyclicComponents().map(Set.init)) == expected)
        }
    }

    @Test func deepChainsDoNotOverflowTheStack() {
        let names = (0..<50_000).map { "t\($0)" }
        var g = graph(zip(names, names.dropFirst()).map { ($0, $1) })
        g.add(.init(from: names[names.count - 1], to: names[0]))
        #expect(g.cyclicComponents().first?.count == names.count)
    }

    @Test func reachabilityFollowsEdgesBothWays() {
        let g = graph([("a", "b"), ("b", "c"), ("x", "c")])
        #expect(g.descendants(of: "a") == ["b", "c"])
        #expect(g.ancestors(of: "c") == ["a", "b", "x"])
    }
}
