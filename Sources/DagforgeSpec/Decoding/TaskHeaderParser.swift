/// Reads the header of a task file: the leading run of comment and blank lines. Lines `-- key: value`
/// (SQL) or `# key: value` (shell, Python) with a known key are header entries; a near miss of a known
/// key (`-- upstrem:`) is an error; anything else is an ordinary comment. The body starts after the last
/// entry, and a shebang line stays in front of it.
///
/// Works on UTF-8 bytes (it runs over every task file of the repository); columns are still counted in
/// characters.
enum TaskHeaderParser {
    static let knownKeys: [String] = ["name"] + TaskSettings.fields.map(\.key)
    private static let knownKeySet = Set(knownKeys)

    static func parse(_ text: String, path: String, marker: String) -> (TaskHeader, [Diagnostic]) {
        let bytes = text.utf8
        let markerBytes = Array(marker.utf8)
        var entries: [TaskHeader.Entry] = []
        var diagnostics: [Diagnostic] = []
        var shebang: Substring?
        var bodyStart = bytes.startIndex
        var bodyLine = 1
        var bodyOffset = 0
        var line = 0
        var offset = 0
        var lineStart = bytes.startIndex
        while lineStart < bytes.endIndex {
            line += 1
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            let next = lineEnd == bytes.endIndex ? lineEnd : bytes.index(after: lineEnd)
            let content = text[lineStart..<lineEnd]
            let lineLength = bytes.distance(from: lineStart, to: next)
            defer {
                offset += lineLength
                lineStart = next
            }
            if line == 1, marker == "#", content.utf8.starts(with: "#!".utf8) {
                shebang = content
                bodyStart = next
                bodyLine = 2
                bodyOffset = lineLength
                continue
            }
            let firstVisible = content.utf8.firstIndex { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
            guard let firstVisible, content.utf8[firstVisible] != UInt8(ascii: "\r") else { continue }
            guard content.utf8[firstVisible...].starts(with: markerBytes) else { break }
            let afterMarker = content.utf8.index(firstVisible, offsetBy: markerBytes.count)
            guard let entry = splitEntry(content, after: afterMarker) else { continue }
            let keyRange = range(path, line, entry.keyColumn, entry.key.count, offset)
            if knownKeySet.contains(entry.key) {
                let valueRange = range(path, line, entry.valueColumn, entry.value.count, offset)
                entries.append(.init(key: Located(entry.key, at: keyRange), value: Located(entry.value, at: valueRange)))
                bodyStart = next
                bodyLine = line + 1
                bodyOffset = offset + lineLength
            } else if let suggestion = NameSuggestion.closest(to: entry.key, in: knownKeys) {
                diagnostics.append(Diagnostic(.error, "DF102", "unknown header key '\(entry.key)'; did you mean '\(suggestion)'?",
                                              hint: "Header keys: \(knownKeys.joined(separator: ", ")).", at: keyRange))
            }
        }
        var body = String(text[bodyStart...])
        if let shebang { body = shebang + "\n" + body }
        let start = SourceRange(path: path, start: SourceLocation(line: bodyLine, column: 1, offset: bodyOffset))
        return (TaskHeader(entries: entries, body: TaskText(body, start: start)), diagnostics)
    }

    private struct SplitEntry {
        var key: String
        var keyColumn: Int
        var value: String
        var valueColumn: Int
    }

    /// `key: value` after the comment marker of `line`; nil when the comment is not shaped so.
    private static func splitEntry(_ line: Substring, after markerEnd: String.Index) -> SplitEntry? {
        let bytes = line.utf8
        func skipBlanks(from index: String.Index) -> String.Index {
            bytes[index...].firstIndex { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") } ?? bytes.endIndex
        }
        let keyStart = skipBlanks(from: markerEnd)
        // Non-ASCII bytes are let through here and judged per character below.
        let keyEnd = bytes[keyStart...].firstIndex { byte in
            byte < 0x80 && !byte.isASCIINameCharacter
        } ?? bytes.endIndex
        let key = line[keyStart..<keyEnd]
        // ASCII bytes of the key were judged by the scan above; only other characters need a closer look.
        guard !key.isEmpty, key.utf8.allSatisfy({ $0 < 0x80 }) || key.allSatisfy(\.isNameCharacter),
              keyEnd < bytes.endIndex, bytes[keyEnd] == UInt8(ascii: ":")
        else { return nil }
        let valueStart = skipBlanks(from: bytes.index(after: keyEnd))
        return SplitEntry(key: key.utf8.contains(UInt8(ascii: "-")) ? String(key.map { $0 == "-" ? "_" : $0 }) : String(key),
                          keyColumn: column(of: keyStart, in: line),
                          value: trimmingTrailingWhitespace(line[valueStart...]),
                          valueColumn: column(of: valueStart, in: line))
    }

    /// 1-based character column of `index` in `line`.
    private static func column(of index: String.Index, in line: Substring) -> Int {
        let prefix = line.utf8[..<index]
        return (prefix.allSatisfy { $0 < 0x80 } ? prefix.count : line[..<index].count) + 1
    }

    private static func trimmingTrailingWhitespace(_ text: Substring) -> String {
        let bytes = text.utf8
        var byteEnd = bytes.endIndex
        while byteEnd > bytes.startIndex, Self.isASCIIWhitespace(bytes[bytes.index(before: byteEnd)]) {
            byteEnd = bytes.index(before: byteEnd)
        }
        // An ASCII character before the trailing ASCII blanks ends the value; others are judged per character.
        if byteEnd == bytes.startIndex || bytes[bytes.index(before: byteEnd)] < 0x80 { return String(text[..<byteEnd]) }
        var end = byteEnd
        while end > text.startIndex {
            let previous = text.index(before: end)
            guard text[previous].isWhitespace else { break }
            end = previous
        }
        return String(text[..<end])
    }

    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || (0x09...0x0D).contains(byte)
    }

    private static func range(_ path: String, _ line: Int, _ column: Int, _ length: Int, _ lineOffset: Int) -> SourceRange {
        SourceRange(path: path, start: SourceLocation(line: line, column: column, offset: lineOffset + column - 1),
                    end: SourceLocation(line: line, column: column + length, offset: lineOffset + column - 1 + length))
    }
}
