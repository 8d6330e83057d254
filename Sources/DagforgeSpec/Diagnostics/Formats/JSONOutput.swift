import Foundation

/// The one JSON encoding the machine formats share: pretty-printed, sorted keys, slashes unescaped,
/// so that output is deterministic and diffs well.
enum JSONOutput {
    static func string(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // The documents are built from strings, integers and arrays only; encoding them cannot fail.
        let data = try! encoder.encode(value)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
