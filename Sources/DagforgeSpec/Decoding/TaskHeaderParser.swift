/// Reads the header of a task file: the leading run of comment and blank lines. Lines `-- key: value`
/// (SQL) or `# key: value` (shell, Python) with a known key are header entries; a near miss of a known
/// key (`-- upstrem:`) is an error; anything else is an ordinary comment. The body starts after the last
/// entry, and a shebang line stays in front of it.
enum TaskHeaderParser {
    static let knownKeys: [String] = ["name"] + TaskSettings.fields.map(\.key)

    static func parse(_ text: String, path: String, marker: String) -> (TaskHeader, [Diagnostic]) {
        var entries: [TaskHeader.Entry] = []
        var diagnostics: [Diagnostic] = []
        var shebang: Substring?
        var bodyStartIndex = text.startIndex
        var bodyLine = 1
        var bodyOffset = 0
        var line = 0
        var offset = 0
        var remaining = text[...]
        while !remaining.isEmpty {
            line += 1
            let lineEnd = remaining.firstIndex(of: "\n") ?? remaining.endIndex
            let content = remaining[..<lineEnd]
            let next = lineEnd == remaining.endIndex ? lineEnd : remaining.index(after: lineEnd)
            defer {
                offset += remaining[..<next].utf8.count
                remaining = remaining[next...]
            }
            if line == 1, marker == "#", content.hasPrefix("#!") {
                shebang = content
                bodyStartIndex = next
                bodyLine = 2
                bodyOffset = content.utf8.count + 1
                continue
            }
            let trimmed = content.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.hasPrefix("\r") { continue }
            guard trimmed.hasPrefix(marker) else { break }
            guard let (key, keyColumn, value, valueColumn) = splitEntry(content, marker: marker) else { continue }
            let keyRange = range(path, line, keyColumn, key.count, offset)
            if knownKeys.contains(key) {
                let valueRange = range(path, line, valueColumn, value.count, offset)
                entries.append(.init(key: Located(key, at: keyRange), value: Located(value, at: valueRange)))
                bodyStartIndex = next
                bodyLine = line + 1
                bodyOffset = offset + remaining[..<next].utf8.count
            } else if let suggestion = NameSuggestion.closest(to: key, in: knownKeys) {
                diagnostics.append(Diagnostic(.error, "DF102", "unknown header key '\(key)'; did you mean '\(suggestion)'?",
                                              hint: "Header keys: \(knownKeys.joined(separator: ", ")).", at: keyRange))
            }
        }
        var body = String(text[bodyStartIndex...])
        if let shebang { body = shebang + "\n" + body }
        let start = SourceRange(path: path, start: SourceLocation(line: bodyLine, column: 1, offset: bodyOffset))
        return (TaskHeader(entries: entries, body: TaskText(body, start: start)), diagnostics)
    }

    /// `-- key: value` → (key, its column, value, its column); nil when the comment is not shaped so.
    private static func splitEntry(_ line: Substring, marker: String) -> (String, Int, String, Int)? {
        var index = line.startIndex
        func skipSpaces() { while index < line.endIndex, line[index] == " " || line[index] == "\t" { index = line.index(after: index) } }
        skipSpaces()
        index = line.index(index, offsetBy: marker.count)
        skipSpaces()
        let keyStart = index
        while index < line.endIndex, line[index].isNameCharacter {
            index = line.index(after: index)
        }
        let key = String(line[keyStart..<index])
        guard !key.isEmpty, index < line.endIndex, line[index] == ":" else { return nil }
        index = line.index(after: index)
        skipSpaces()
        let value = String(line[index...]).trimmingTrailingWhitespace()
        let keyColumn = line.distance(from: line.startIndex, to: keyStart) + 1
        let valueColumn = line.distance(from: line.startIndex, to: index) + 1
        return (key.replacingHyphens(), keyColumn, value, valueColumn)
    }

    private static func range(_ path: String, _ line: Int, _ column: Int, _ length: Int, _ lineOffset: Int) -> SourceRange {
        SourceRange(path: path, start: SourceLocation(line: line, column: column, offset: lineOffset + column - 1),
                    end: SourceLocation(line: line, column: column + length, offset: lineOffset + column - 1 + length))
    }
}

private extension String {
    func trimmingTrailingWhitespace() -> String {
        var copy = self
        while let last = copy.last, last.isWhitespace { copy.removeLast() }
        return copy
    }

    /// DolphinScheduler users write `retry-interval`; the format's keys use `_`.
    func replacingHyphens() -> String { String(map { $0 == "-" ? "_" : $0 }) }
}
