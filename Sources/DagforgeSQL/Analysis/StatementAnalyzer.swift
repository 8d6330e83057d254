/// A table name found in one statement, before the script-level rules (ordering, schemas) apply.
struct FoundTable {
    var name: String
    /// The alias after a table in a `FROM`/`JOIN`/`UPDATE` list, used to resolve multi-table targets.
    var alias: String?
    /// The token where the name starts.
    var tokenIndex: Int
    /// Parenthesis nesting inside the scanned range: 0 is the statement's own table list.
    var depth: Int
}

/// Finds the tables one statement reads and writes, by looking at the tokens around the places a table
/// can appear (after `FROM`, `JOIN`, `INSERT INTO`, `UPDATE`, ...) rather than by building a syntax tree.
///
/// One analyzer serves a whole script: call `analyze(_:)` per statement and read the results.
struct StatementAnalyzer {
    let tokens: UnsafeBufferPointer<Token>
    let text: TokenText
    let traits: DialectTraits

    var reads: [FoundTable] = []
    var writes: [FoundTable] = []
    /// The default schema a `USE` / `SET search_path` statement sets.
    var schemaChange: String?
    var warnings: [(offset: Int, message: String)] = []

    /// Matching parenthesis per token index (-1: none), valid inside the current statement.
    var partner: [Int]
    /// The `(` not yet closed while matching; kept between statements so it is allocated once.
    var openParentheses: [Int] = []
    /// Names of the current statement's common table expressions.
    var commonTableNames = NameSet()
    /// One past the current statement's last token.
    var end = 0
    var frames: [ScanFrame] = []
    /// The `(` a table-list position opened, so the scan treats it as a parenthesized join.
    var parenthesizedFactor = -1

    init(tokens: UnsafeBufferPointer<Token>, text: TokenText, traits: DialectTraits) {
        self.tokens = tokens
        self.text = text
        self.traits = traits
        self.partner = Array(repeating: -1, count: tokens.count)
    }

    mutating func analyze(_ range: Range<Int>) {
        reads.removeAll(keepingCapacity: true)
        writes.removeAll(keepingCapacity: true)
        warnings.removeAll(keepingCapacity: true)
        commonTableNames.removeAll()
        schemaChange = nil
        end = range.upperBound
        guard !range.isEmpty else { return }
        matchParentheses(range)
        var verb = range.lowerBound
        if let cteEnd = collectCommonTableNames(range) {
            scan(range.lowerBound..<cteEnd)
            verb = cteEnd
        }
        guard verb < end else { return }
        dispatch(verb)
        dropCommonTableReads()
    }

    private mutating func dispatch(_ verb: Int) {
        let token = tokens[verb]
        switch token.keyword {
        case .select, .values, .from, .insert, .with: scan(verb..<end)
        case .replace: scan(insertTarget(at: verb)..<end)
        case .update: analyzeUpdate(verb)
        case .delete: analyzeDelete(verb)
        case .merge: analyzeMerge(verb)
        case .create: analyzeCreate(verb)
        case .alter: analyzeAlter(verb)
        case .rename: analyzeRename(verb)
        case .load: analyzeLoad(verb)
        case .copy: analyzeCopy(verb)
        case .cache: analyzeCache(verb)
        case .use: analyzeUse(verb)
        case .set: analyzeSet(verb)
        case .table: readTable(at: verb + 1)
        case .do: warn("DO block skipped: its body is not analyzed", at: verb)
        case .explain, .drop, .analyze, .begin, .end, .delimiter: return
        default:
            if token.isPunctuation(ASCII.openParen) {
                scan(verb..<end)
            } else if text.word(token, is: "import") || text.word(token, is: "export") {
                analyzeImportExport(verb, isImport: text.word(token, is: "import"))
            } else if text.word(token, is: "call") || text.word(token, is: "exec") || text.word(token, is: "execute") {
                warn("procedure call: the tables it reads and writes are unknown", at: verb)
            } else if !isKnownStatementWithoutTables(token) {
                warn("unrecognized statement: no tables taken from it", at: verb)
            }
        }
    }

    mutating func warn(_ message: String, at tokenIndex: Int) {
        warnings.append((tokens[tokenIndex].start, message))
    }

    private mutating func dropCommonTableReads() {
        reads.removeAll { read in
            (read.name == "dual") || (!read.name.utf8.contains(UInt8(ascii: ".")) && commonTableNames.contains(read.name))
        }
    }

    /// Statements that touch no table data: `SHOW`, `TRUNCATE`, `MSCK`, `GRANT`, `COMMIT`, ...
    private func isKnownStatementWithoutTables(_ token: Token) -> Bool {
        let words: [StaticString] = [
            "show", "describe", "desc", "truncate", "msck", "grant", "revoke", "commit", "rollback", "vacuum",
            "pragma", "refresh", "invalidate", "compute", "optimize", "add", "declare", "start", "savepoint",
            "release", "lock", "unlock", "comment", "reindex", "checkpoint", "listen", "notify", "prepare",
            "deallocate", "reset", "discard", "abort", "attach", "detach", "repair", "check", "flush", "kill",
            "uncache", "clear", "list", "reload", "install", "help", "unset", "checksum", "purge", "cluster",
            "security", "go", "print", "raise", "perform", "return", "open", "close", "if", "while",
        ]
        return words.contains { text.word(token, is: $0) }
    }
}
