import Foundation

/// The elements of an envelope's `data` array, found by a scan of the bytes that tracks only strings and
/// nesting, so a large answer (`/all` for 4,000 workflows is about 65 MB) can be decoded element by element
/// on all cores. Decoding each element is still JSONDecoder's job, and so is reporting malformed JSON.
struct EnvelopeArray {
    /// The envelope with `data` replaced by an empty array: small, for reading `code` and `msg`.
    let envelope: Data
    /// Where each element of `data` is in the body (JSON text, possibly with surrounding blanks).
    let elements: [Range<Data.Index>]

    /// nil when `body` is not a JSON object with a top-level `data` member holding an array.
    init?(_ body: Data) {
        guard let (dataArray, elements) = Self.scan(body) else { return nil }
        envelope = body[..<dataArray.lowerBound] + Data("[]".utf8) + body[dataArray.upperBound...]
        self.elements = elements
    }

    private static let dataKey = Array("data".utf8)

    /// The range of the `data` array (brackets included) and of its elements.
    private static func scan(_ body: Data) -> (Range<Data.Index>, [Range<Data.Index>])? {
        body.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> (Range<Int>, [Range<Int>])? in
            var depth = 0
            var inValue = false, keyStart = 0, keyIsData = false
            var arrayStart: Int?, arrayEnd: Int?, elementStart: Int?
            var elements: [Range<Int>] = []
            var inData: Bool { arrayStart != nil && arrayEnd == nil }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                defer { index += 1 }
                if byte == UInt8(ascii: "\"") {
                    if depth == 1 && !inValue { keyStart = index + 1 }
                    if depth == 2 && inData && elementStart == nil { elementStart = index }
                    guard let end = closingQuote(in: bytes, after: index) else { return nil }
                    if depth == 1 && !inValue { keyIsData = bytes[keyStart..<end].elementsEqual(dataKey) }
                    index = end
                    continue
                }
                switch byte {
                case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                    continue
                case UInt8(ascii: ":"):
                    if depth == 1 { inValue = true }
                case UInt8(ascii: ","):
                    if depth == 1 { inValue = false }
                    if depth == 2 && inData, let start = elementStart {
                        elements.append(start..<index)
                        elementStart = nil
                    }
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    if depth == 1 && inValue && keyIsData && byte == UInt8(ascii: "[") && arrayStart == nil {
                        arrayStart = index
                    } else if depth == 2 && inData && elementStart == nil {
                        elementStart = index
                    }
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth < 0 { return nil }
                    if depth == 1 && inData {
                        if let start = elementStart { elements.append(start..<index) }
                        elementStart = nil
                        arrayEnd = index + 1
                    }
                default:
                    if depth == 2 && inData && elementStart == nil { elementStart = index }
                }
            }
            guard depth == 0, let arrayStart, let arrayEnd else { return nil }
            return (arrayStart..<arrayEnd, elements)
        }.map { array, elements in
            let offset = body.startIndex
            return ((array.lowerBound + offset)..<(array.upperBound + offset),
                    elements.map { ($0.lowerBound + offset)..<($0.upperBound + offset) })
        }
    }

    /// The index of the quote that ends the string opened at `open`, or nil when the text ends first. Strings are
    /// nearly all of the bytes (SQL and scripts), so they are crossed with `memchr`: a quote ends the string when
    /// an even number of backslashes precedes it.
    private static func closingQuote(in bytes: UnsafeRawBufferPointer, after open: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var from = open + 1
        while from < bytes.count {
            guard let found = memchr(base + from, Int32(UInt8(ascii: "\"")), bytes.count - from) else { return nil }
            let quote = base.distance(to: UnsafeRawPointer(found))
            var backslashes = 0
            while quote - backslashes - 1 > open, bytes[quote - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
            if backslashes % 2 == 0 { return quote }
            from = quote + 1
        }
        return nil
    }
}
