import DagforgeWire
import Testing

/// RFC 6901 pointers as the deployer uses them to bind engine codes into `taskParams`.
@Suite struct JSONPointerTests {
    let params: JSONValue = .object([
        "dependence": .object(["dependTaskList": .array([.object(["definitionCode": .int(0)])])]),
        "a/b": .object(["c~d": .int(1)]),
    ])

    @Test func plainTokensWalkObjectsAndArrays() {
        let pointer = "/dependence/dependTaskList/0/definitionCode"
        #expect(params.value(at: pointer) == .int(0))
        #expect(params.setting(pointer, to: .int(5001))?.value(at: pointer) == .int(5001))
        #expect(params.setting("/dependence/dependTaskList/1/definitionCode", to: .int(1)) == nil)
    }

    @Test func escapedTokensNameSlashAndTilde() {
        #expect(params.value(at: "/a~1b/c~0d") == .int(1))
        #expect(params.setting("/a~1b/c~0d", to: .int(2))?.value(at: "/a~1b/c~0d") == .int(2))
        #expect(params.value(at: "/a/b") == nil)
    }
}
