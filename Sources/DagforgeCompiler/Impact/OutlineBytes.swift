import DagforgeSpec

/// Appends the outline archive's values: unsigned LEB128 integers, length-prefixed UTF-8 strings, and
/// source ranges whose path is written only when it differs from the previous range's.
struct OutlineWriter {
    private(set) var bytes: [UInt8] = []
    private var lastPath: String?

    mutating func integer(_ value: Int) {
        var rest = UInt(bitPattern: value)
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func string(_ value: String) {
        integer(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    /// 0 nil, 1 false, 2 true.
    mutating func flag(_ value: Bool?) { integer(value.map { $0 ? 2 : 1 } ?? 0) }

    mutating func range(_ range: SourceRange) {
        if range.path == lastPath {
            integer(0)
        } else {
            integer(1)
            string(range.path)
            lastPath = range.path
        }
        for value in [range.start.line, range.start.column, range.start.offset, range.end.line, range.end.column, range.end.offset] {
            integer(value)
        }
    }

    mutating func located(_ value: Located<String>) {
        string(value.value)
        range(value.range)
    }

    mutating func optionalLocated(_ value: Located<String>?) {
        integer(value == nil ? 0 : 1)
        if let value { located(value) }
    }

    mutating func locatedList(_ values: [Located<String>]) {
        integer(values.count)
        for value in values { located(value) }
    }
}

/// Reads what `OutlineWriter` wrote; any inconsistency throws, and the caller drops the whole archive.
struct OutlineReader {
    struct Malformed: Error {}

    private let bytes: [UInt8]
    private var position: Int
    private let end: Int
    /// The previous range's path: decoded once and shared by the ranges that repeat it.
    private var lastPath = ""

    /// Reads `bytes[range]` (all of `bytes` by default).
    init(_ bytes: [UInt8], range: Range<Int>? = nil) {
        self.bytes = bytes
        position = range?.lowerBound ?? 0
        end = range?.upperBound ?? bytes.count
    }

    var isAtEnd: Bool { position == end }

    /// The byte range of the next length-prefixed record, skipped.
    mutating func skipRecord() throws(Malformed) -> Range<Int> {
        let length = try integer()
        guard length >= 0, length <= end - position else { throw Malformed() }
        position += length
        return position - length..<position
    }

    mutating func integer() throws(Malformed) -> Int {
        var value: UInt = 0
        var shift: UInt = 0
        while position < end, shift < 64 {
            let byte = bytes[position]
            position += 1
            value |= UInt(byte & 0x7F) << shift
            if byte < 0x80 { return Int(bitPattern: value) }
            shift += 7
        }
        throw Malformed()
    }

    mutating func string() throws(Malformed) -> String {
        let count = try integer()
        guard count >= 0, count <= end - position else { throw Malformed() }
        let value = bytes.withUnsafeBufferPointer { String(decoding: $0[position..<position + count], as: UTF8.self) }
        position += count
        return value
    }

    mutating func flag() throws(Malformed) -> Bool? {
        switch try integer() {
        case 0: nil
        case 1: false
        case 2: true
        default: throw Malformed()
        }
    }

    mutating func range() throws(Malformed) -> SourceRange {
        switch try integer() {
        case 0: break
        case 1: lastPath = try string()
        default: throw Malformed()
        }
        let start = SourceLocation(line: try integer(), column: try integer(), offset: try integer())
        let end = SourceLocation(line: try integer(), column: try integer(), offset: try integer())
        return SourceRange(path: lastPath, start: start, end: end)
    }

    mutating func located() throws(Malformed) -> Located<String> {
        let value = try string()
        return Located(value, at: try range())
    }

    mutating func optionalLocated() throws(Malformed) -> Located<String>? {
        switch try integer() {
        case 0: return nil
        case 1: return try located()
        default: throw Malformed()
        }
    }

    mutating func locatedList() throws(Malformed) -> [Located<String>] {
        let count = try integer()
        guard count >= 0, count <= end - position else { throw Malformed() }
        var values: [Located<String>] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try located()) }
        return values
    }
}
