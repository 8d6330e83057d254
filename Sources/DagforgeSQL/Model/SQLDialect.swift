/// The SQL dialects whose lexical rules the analyzer knows.
///
/// The dialect decides how quotes, comments and escapes are read; the statement rules are shared.
public enum SQLDialect: String, CaseIterable, Sendable {
    case hive, spark, mysql, postgres, sqlite, generic
}

/// Lexical switches that differ between dialects.
struct DialectTraits: Sendable {
    /// `` `name` `` is a quoted identifier.
    let backtickIdentifiers: Bool
    /// `"name"` is a quoted identifier (otherwise a string literal).
    let doubleQuotedIdentifiers: Bool
    /// `[name]` is a quoted identifier.
    let bracketIdentifiers: Bool
    /// `\'` escapes a quote inside every string literal.
    let backslashEscapes: Bool
    /// `#` starts a line comment.
    let hashComments: Bool
    /// `$$ ... $$` and `$tag$ ... $tag$` are string literals.
    let dollarQuotedStrings: Bool
    /// `/* /* */ */` nests.
    let nestedBlockComments: Bool
    /// `SELECT ... INTO name` creates a table.
    let selectIntoCreatesTable: Bool

    init(_ dialect: SQLDialect) {
        switch dialect {
        case .hive, .spark:
            self.init(backtick: true, doubleQuoted: false, bracket: false, backslash: true,
                      hash: false, dollar: false, nested: false, selectInto: false)
        case .mysql:
            self.init(backtick: true, doubleQuoted: false, bracket: false, backslash: true,
                      hash: true, dollar: false, nested: false, selectInto: false)
        case .postgres:
            self.init(backtick: false, doubleQuoted: true, bracket: false, backslash: false,
                      hash: false, dollar: true, nested: true, selectInto: true)
        case .sqlite:
            self.init(backtick: true, doubleQuoted: true, bracket: true, backslash: false,
                      hash: false, dollar: false, nested: false, selectInto: false)
        case .generic:
            self.init(backtick: true, doubleQuoted: true, bracket: true, backslash: false,
                      hash: false, dollar: true, nested: false, selectInto: true)
        }
    }

    private init(backtick: Bool, doubleQuoted: Bool, bracket: Bool, backslash: Bool,
                 hash: Bool, dollar: Bool, nested: Bool, selectInto: Bool) {
        backtickIdentifiers = backtick
        doubleQuotedIdentifiers = doubleQuoted
        bracketIdentifiers = bracket
        backslashEscapes = backslash
        hashComments = hash
        dollarQuotedStrings = dollar
        nestedBlockComments = nested
        selectIntoCreatesTable = selectInto
    }
}
