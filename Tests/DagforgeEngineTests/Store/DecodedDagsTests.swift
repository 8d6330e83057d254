import DagforgeWire
import Testing
@testable import DagforgeEngine

@Suite("Decoded DAGs")
struct DecodedDagsTests {
    private func tasksJSON(script: String) throws -> String {
        try WireJSON.string([TaskDefinition(code: 1, name: "a", taskType: "SHELL",
                                            taskParams: .object(["rawScript": .string(script)]))])
    }

    @Test("equal text gives the same decoded DAG; changed text is decoded afresh")
    func keyedByText() throws {
        let cache = DecodedDags()
        let first = try cache.dag(tasksJSON: try tasksJSON(script: "echo one"), relationsJSON: "[]")
        let again = try cache.dag(tasksJSON: try tasksJSON(script: "echo one"), relationsJSON: "[]")
        let changed = try cache.dag(tasksJSON: try tasksJSON(script: "echo two"), relationsJSON: "[]")
        #expect(first.tasks == again.tasks)
        #expect(first.tasks.first?.taskParams["rawScript"]?.stringValue == "echo one")
        #expect(changed.tasks.first?.taskParams["rawScript"]?.stringValue == "echo two")
    }

    @Test("a full cache starts over and still answers")
    func capacity() throws {
        let cache = DecodedDags(capacity: 2)
        for n in 0..<5 {
            let dag = try cache.dag(tasksJSON: try tasksJSON(script: "echo \(n)"), relationsJSON: "[]")
            #expect(dag.tasks.first?.taskParams["rawScript"]?.stringValue == "echo \(n)")
        }
    }

    @Test("text that is not a DAG is an error, not a cached value")
    func badText() {
        let cache = DecodedDags()
        #expect(throws: (any Error).self) { try cache.dag(tasksJSON: "{", relationsJSON: "[]") }
    }
}
