import DagforgeWire

/// A fast, deterministic JSON text of a `JSONValue` (keys sorted, no spaces), for content hashes of
/// thousands of workflows; JSONEncoder is several times slower for this one job. Written as UTF-8 bytes,
/// which is what the hash reads.
enum CanonicalJSON {
    static func bytes(_ value: JSONValue) -> [UInt8] {
        var out = Writer()
        out.value(value)
        return out.bytes
    }

    /// Appends canonical JSON to a byte buffer; `ShapeDigest` also writes fixed keys with `raw`.
    struct Writer {
        private(set) var bytes: [UInt8] = []

        init() {
            bytes.reserveCapacity(4096)
        }

        /// Text written as is (keys, punctuation, numbers).
        mutating func raw(_ text: String) {
            bytes.append(contentsOf: text.utf8)
        }

        mutating func value(_ value: JSONValue) {
            switch value {
            case .null: raw("null")
            case .bool(let flag): raw(flag ? "true" : "false")
            case .int(let number): raw(String(number))
            case .double(let number): raw(String(number))
            case .string(let text): string(text)
            case .array(let items):
                bytes.append(UInt8(ascii: "["))
                for (index, item) in items.enumerated() {
                    if index > 0 { bytes.append(UInt8(ascii: ",")) }
                    self.value(item)
                }
                bytes.append(UInt8(ascii: "]"))
            case .object(let object):
                bytes.append(UInt8(ascii: "{"))
                for (index, member) in object.sorted(by: { $0.key < $1.key }).enumerated() {
                    if index > 0 { bytes.append(UInt8(ascii: ",")) }
                    string(member.key)
                    bytes.append(UInt8(ascii: ":"))
                    self.value(member.value)
                }
                bytes.append(UInt8(ascii: "}"))
            }
        }

        /// A JSON string. Runs of bytes that need no escape (nearly all of a SQL text) are appended whole.
        mutating func string(_ text: String) {
            bytes.append(UInt8(ascii: "\""))
            var text = text
            text.withUTF8 { utf8 in
                var runStart = 0
                for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                    escape(byte)
                    runStart = index + 1
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
            }
            bytes.append(UInt8(ascii: "\""))
        }

        private mutating func escape(_ byte: UInt8) {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
            case UInt8(ascii: "\n"): bytes.append(contentsOf: #"\n"#.utf8)
            case UInt8(ascii: "\r"): bytes.append(contentsOf: #"\r"#.utf8)
            case UInt8(ascii: "\t"): bytes.append(contentsOf: #"\t"#.utf8)
            default:
                let hex = String(byte, radix: 16)
                bytes.append(contentsOf: (#"\u"# + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            }
        }
    }
}
