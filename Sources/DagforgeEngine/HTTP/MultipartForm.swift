import Foundation

/// The parts of a `multipart/form-data` body (RFC 7578): enough for DolphinScheduler's import upload.
struct MultipartForm: Sendable {
    struct Part: Sendable {
        let name: String
        let filename: String?
        let contentType: String?
        let body: [UInt8]
    }

    let parts: [Part]

    /// Nil when the body does not parse as multipart with `boundary`.
    init?(body: [UInt8], boundary: String) {
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [Part] = []
        var sections = Self.split(body, on: delimiter)
        guard sections.count >= 2 else { return nil }
        sections.removeFirst()
        for var section in sections {
            if section.starts(with: Array("--".utf8)) { break }
            if section.starts(with: [13, 10]) { section.removeFirst(2) }
            if section.suffix(2) == [13, 10] { section.removeLast(2) }
            guard let headerEnd = Self.firstRange(of: [13, 10, 13, 10], in: section) else { continue }
            let headerText = String(decoding: section[..<headerEnd.lowerBound], as: UTF8.self)
            let content = Array(section[headerEnd.upperBound...])
            var name: String?
            var filename: String?
            var contentType: String?
            for line in headerText.split(separator: "\r\n") {
                let lower = line.lowercased()
                if lower.hasPrefix("content-disposition:") {
                    name = Self.attribute("name", in: String(line))
                    filename = Self.attribute("filename", in: String(line))
                } else if lower.hasPrefix("content-type:") {
                    contentType = line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces)
                }
            }
            if let name { parts.append(Part(name: name, filename: filename, contentType: contentType, body: content)) }
        }
        self.parts = parts
    }

    func part(named name: String) -> Part? { parts.first { $0.name == name } }

    /// `boundary` parameter of a multipart content type.
    static func boundary(contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pieces = parameter.split(separator: "=", maxSplits: 1)
            if pieces.count == 2, pieces[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" {
                return pieces[1].trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
            }
        }
        return nil
    }

    private static func attribute(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces) == key {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
            }
        }
        return nil
    }

    private static func split(_ bytes: [UInt8], on delimiter: [UInt8]) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        var searchFrom = start
        while let range = firstRange(of: delimiter, in: bytes[searchFrom...]) {
            result.append(bytes[start..<range.lowerBound])
            start = range.upperBound
            searchFrom = start
        }
        result.append(bytes[start...])
        return result
    }

    private static func firstRange(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Range<Int>? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        var index = haystack.startIndex
        while index <= haystack.endIndex - needle.count {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) {
                return index..<(index + needle.count)
            }
            index += 1
        }
        return nil
    }
}
