import DagforgeSpec
import DagforgeWire
import Testing

struct SpecSchemaTests {
    @Test func schemaListsTheSameKeysTheDecodersAccept() throws {
        let workflow = try #require(SpecSchema.workflowFile["properties"]?.objectValue)
        #expect(Set(workflow.keys) == ["description", "schedule", "params", "defaults", "execution_type", "timeout", "tasks"])
        let task = try #require(SpecSchema.workflowFile["properties"]?["tasks"]?["items"]?["properties"]?.objectValue)
        #expect(task["upstream"] != nil && task["on"] != nil && task["retries"] != nil)
        #expect(SpecSchema.environmentFile["properties"]?["engine"]?["required"] == .array([.string("url")]))
    }
}
