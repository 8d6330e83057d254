import Testing
import DagforgeWire
@testable import DagforgeDeploy

/// The canonical text is what deployed markers' content hashes cover: it must not change between releases.
@Suite("Canonical JSON")
struct CanonicalJSONTests {
    @Test("keys sorted, no spaces, escapes as JSON writes them, non-ASCII kept as UTF-8")
    func canonicalText() {
        let value: JSONValue = .object([
            "z": .array([.int(-3), .double(0.5), .bool(true), .null]),
            "a": .string("say \"hi\"\\\n\t\r\u{01} – ü"),
            "m": .object(["b": .string("x"), "a": .object([:])]),
        ])
        let text = String(decoding: CanonicalJSON.bytes(value), as: UTF8.self)
        #expect(text == #"{"a":"say \"hi\"\\\n\t\r\u0001 – ü","m":{"a":{},"b":"x"},"z":[-3,0.5,true,null]}"#)
    }
}
