/// Splits SQL text into statements on `;`, dropping comments and empty statements; semicolons inside quotes,
/// quoted identifiers and PostgreSQL dollar-quoted bodies do not split (DolphinScheduler's
/// `splitAndRemoveComment`).
enum SqlStatementSplitter {
    static func split(_ sql: String) -> [String] {
        var statements: [String] = []
        var current = ""
        let characters = Array(sql)
        var index = 0
        func peek(_ offset: Int) -> Character? {
            index + offset < characters.count ? characters[index + offset] : nil
        }
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "-" where peek(1) == "-":
                while index < characters.count, characters[index] != "\n" { index += 1 }
                continue
            case "/" where peek(1) == "*":
                index += 2
                while index < characters.count, !(characters[index] == "*" && peek(1) == "/") { index += 1 }
                index += 2
                current.append(" ")
                continue
            case "'", "\"", "`":
                let end = closing(character, in: characters, from: index + 1)
                current.append(contentsOf: characters[index..<min(end, characters.count)])
                index = end
                continue
            case "$":
                if let tag = dollarTag(in: characters, at: index) {
                    let end = dollarClosing(tag, in: characters, from: index + tag.count)
                    current.append(contentsOf: characters[index..<min(end, characters.count)])
                    index = end
                    continue
                }
            case ";":
                append(current, to: &statements)
                current = ""
                index += 1
                continue
            default:
                break
            }
            current.append(character)
            index += 1
        }
        append(current, to: &statements)
        return statements
    }

    private static func append(_ statement: String, to statements: inout [String]) {
        let trimmed = statement.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.isEmpty { statements.append(trimmed) }
    }

    /// Index just past the quote closing a quoted run that starts at `from`; doubled quotes are escapes.
    private static func closing(_ quote: Character, in characters: [Character], from: Int) -> Int {
        var index = from
        while index < characters.count {
            if characters[index] == quote {
                if index + 1 < characters.count, characters[index + 1] == quote {
                    index += 2
                    continue
                }
                return index + 1
            }
            index += 1
        }
        return characters.count
    }

    /// A PostgreSQL dollar-quote opener (`$$` or `$tag$`) at `index`, if there is one.
    private static func dollarTag(in characters: [Character], at index: Int) -> [Character]? {
        var end = index + 1
        while end < characters.count, characters[end].isLetter || characters[end].isNumber || characters[end] == "_" {
            end += 1
        }
        guard end < characters.count, characters[end] == "$" else { return nil }
        // `$1` is a positional parameter, not a tag.
        if end > index + 1, characters[index + 1].isNumber { return nil }
        return Array(characters[index...end])
    }

    private static func dollarClosing(_ tag: [Character], in characters: [Character], from: Int) -> Int {
        var index = from
        while index + tag.count <= characters.count {
            if characters[index..<(index + tag.count)].elementsEqual(tag) { return index + tag.count }
            index += 1
        }
        return characters.count
    }
}
