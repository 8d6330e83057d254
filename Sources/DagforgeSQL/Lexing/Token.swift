/// One lexical token: a span of the script's bytes and what it is. Tokens never own text.
struct Token: Sendable {
    enum Kind: UInt8, Sendable {
        /// An unquoted word: keyword, identifier, or one holding `${x}` / `$[...]` placeholders.
        case word
        /// A quoted identifier: `` `x` ``, `"x"` or `[x]` depending on the dialect. The span includes the quotes.
        case quotedIdentifier
        /// A string literal, including dollar-quoted strings. Opaque.
        case string
        /// A numeric literal.
        case number
        /// `@x`, `@@x`, `:x`, `?`: a variable or bind parameter.
        case variable
        /// One punctuation byte, kept in `byte`: `(`, `)`, `,`, `.`, `;`, `=`, `*`, ...
        case punctuation
    }

    var kind: Kind
    /// The keyword a `.word` spells, if any.
    var keyword: Keyword?
    /// The punctuation byte for `.punctuation`, the opening quote for `.quotedIdentifier` and `.string`.
    var byte: UInt8
    /// Byte offset of the first byte.
    var start: Int
    /// Byte offset one past the last byte.
    var end: Int

    func isPunctuation(_ value: UInt8) -> Bool { kind == .punctuation && byte == value }

    /// A word or quoted identifier that may name a table or alias.
    var isIdentifier: Bool {
        switch kind {
        case .word: return !(keyword?.isReserved ?? false)
        case .quotedIdentifier: return true
        default: return false
        }
    }
}

/// ASCII byte constants used by the lexer and analyzer.
enum ASCII {
    static let tab: UInt8 = 0x09, newline: UInt8 = 0x0A, carriageReturn: UInt8 = 0x0D, space: UInt8 = 0x20
    static let doubleQuote: UInt8 = 0x22, hash: UInt8 = 0x23, dollar: UInt8 = 0x24, singleQuote: UInt8 = 0x27
    static let openParen: UInt8 = 0x28, closeParen: UInt8 = 0x29, star: UInt8 = 0x2A, comma: UInt8 = 0x2C
    static let minus: UInt8 = 0x2D, dot: UInt8 = 0x2E, slash: UInt8 = 0x2F, colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B, equals: UInt8 = 0x3D, question: UInt8 = 0x3F, at: UInt8 = 0x40
    static let openBracket: UInt8 = 0x5B, backslash: UInt8 = 0x5C, closeBracket: UInt8 = 0x5D
    static let backtick: UInt8 = 0x60, openBrace: UInt8 = 0x7B, closeBrace: UInt8 = 0x7D

    static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

    /// Bytes that may continue an unquoted identifier: letters, digits, `_`, `$` and any non-ASCII byte.
    static func isWordByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || byte == 0x5F || byte == dollar || byte >= 0x80
    }

    /// Letters, digits, `_` and any non-ASCII byte, tested with one bit of a 128-bit mask.
    static func isIdentifierByte(_ byte: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: return 0x03FF_0000_0000_0000 & bit != 0  // 0-9
        case 1: return 0x07FF_FFFE_87FF_FFFE & bit != 0  // A-Z, _, a-z
        default: return true
        }
    }

    static func lowercased(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }
}
