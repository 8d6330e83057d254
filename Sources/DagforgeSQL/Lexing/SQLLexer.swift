/// Turns a script's UTF-8 bytes into tokens in one pass, without copying text.
///
/// Comments and whitespace are dropped. Quotes, comments and escapes follow the dialect's `DialectTraits`.
/// A MySQL `DELIMITER` block is skipped whole (with a warning) and ends in a `;` token.
/// Nothing here can fail: an unterminated quote or comment runs to the end of the script and is reported.
struct SQLLexer {
    let bytes: UnsafeBufferPointer<UInt8>
    private let traits: DialectTraits
    var index = 0
    private(set) var tokens: TokenList
    private(set) var warnings: [(offset: Int, message: String)] = []

    init(bytes: UnsafeBufferPointer<UInt8>, traits: DialectTraits) {
        self.bytes = bytes
        self.traits = traits
        tokens = TokenList(capacity: bytes.count / 4)
    }

    func byte(at position: Int) -> UInt8 { position < bytes.count ? bytes[position] : 0 }

    mutating func run() {
        while index < bytes.count {
            let current = bytes[index]
            // Spaces are the most common bytes between tokens.
            if current == ASCII.space {
                index &+= 1
                continue
            }
            switch current {
            case ASCII.space, ASCII.tab, ASCII.newline, ASCII.carriageReturn, 0x0B, 0x0C:
                index += 1
            case ASCII.minus where byte(at: index + 1) == ASCII.minus:
                skipLine()
            case ASCII.hash where traits.hashComments:
                skipLine()
            case ASCII.slash where byte(at: index + 1) == ASCII.star:
                skipBlockComment()
            case ASCII.singleQuote:
                lexQuoted(close: ASCII.singleQuote, kind: .string, from: index, backslash: traits.backslashEscapes)
            case ASCII.doubleQuote:
                if traits.doubleQuotedIdentifiers {
                    lexQuoted(close: ASCII.doubleQuote, kind: .quotedIdentifier, from: index, backslash: false)
                } else {
                    lexQuoted(close: ASCII.doubleQuote, kind: .string, from: index, backslash: traits.backslashEscapes)
                }
            case ASCII.backtick where traits.backtickIdentifiers:
                lexQuoted(close: ASCII.backtick, kind: .quotedIdentifier, from: index, backslash: false)
            case ASCII.openBracket where traits.bracketIdentifiers:
                lexQuoted(close: ASCII.closeBracket, kind: .quotedIdentifier, from: index, backslash: false)
            case ASCII.dollar:
                lexDollar()
            case ASCII.openBrace where byte(at: index + 1) == ASCII.openBrace:
                lexWord()
            case ASCII.at, ASCII.question:
                lexVariable()
            default:
                if ASCII.isDigit(current) {
                    lexNumber()
                } else if ASCII.isWordByte(current) {
                    lexWord()
                } else {
                    append(.punctuation, byte: current, start: index, end: index + 1)
                    index += 1
                }
            }
        }
    }

    mutating func append(_ kind: Token.Kind, keyword: Keyword? = nil, byte: UInt8 = 0, start: Int, end: Int) {
        tokens.append(Token(kind: kind, keyword: keyword, byte: byte, start: start, end: end))
    }

    mutating func warn(_ message: String, at offset: Int) {
        warnings.append((offset, message))
    }

    // MARK: Comments

    private mutating func skipLine() {
        while index < bytes.count && bytes[index] != ASCII.newline { index += 1 }
    }

    private mutating func skipBlockComment() {
        let start = index
        var depth = 0
        while index < bytes.count {
            let current = bytes[index], next = byte(at: index + 1)
            if current == ASCII.slash && next == ASCII.star && (depth == 0 || traits.nestedBlockComments) {
                depth += 1
                index += 2
            } else if current == ASCII.star && next == ASCII.slash {
                depth -= 1
                index += 2
                if depth == 0 { return }
            } else {
                index += 1
            }
        }
        warn("unterminated block comment: the rest of the script is a comment", at: start)
    }

    // MARK: Quotes

    /// A quoted run ending at `close`; a doubled `close` (and `\x` when `backslash`) stays inside.
    private mutating func lexQuoted(close: UInt8, kind: Token.Kind, from start: Int, backslash: Bool) {
        let open = bytes[index]
        index += 1
        while index < bytes.count {
            let current = bytes[index]
            if current == close {
                if byte(at: index + 1) == close {
                    index += 2
                    continue
                }
                index += 1
                append(kind, byte: open, start: start, end: index)
                return
            }
            index += backslash && current == ASCII.backslash ? 2 : 1
        }
        index = bytes.count
        let what = kind == .string ? "string literal" : "quoted identifier"
        warn("unterminated \(what): it runs to the end of the script", at: start)
        append(kind, byte: open, start: start, end: bytes.count)
    }

    /// `${x}` / `$[...]` start a word; `$$...$$` / `$tag$...$tag$` are strings where the dialect has them;
    /// `$1` is a bind parameter.
    private mutating func lexDollar() {
        let next = byte(at: index + 1)
        if next == ASCII.openBrace || next == ASCII.openBracket {
            lexWord()
        } else if traits.dollarQuotedStrings, let tagEnd = dollarTagEnd(from: index) {
            lexDollarString(tagStart: index, tagEnd: tagEnd)
        } else if ASCII.isDigit(next) {
            lexVariable()
        } else {
            lexWord()
        }
    }

    /// The end of a `$tag$` opening at `start`, or nil.
    private func dollarTagEnd(from start: Int) -> Int? {
        var position = start + 1
        while position < bytes.count {
            let current = bytes[position]
            if current == ASCII.dollar { return position + 1 }
            let allowed = ASCII.isLetter(current) || current == 0x5F || current >= 0x80
                || (position > start + 1 && ASCII.isDigit(current))
            if !allowed { return nil }
            position += 1
        }
        return nil
    }

    private mutating func lexDollarString(tagStart: Int, tagEnd: Int) {
        let tagLength = tagEnd - tagStart
        var position = tagEnd
        while position + tagLength <= bytes.count {
            if bytes[position] == ASCII.dollar && matchesTag(at: position, tagStart: tagStart, length: tagLength) {
                index = position + tagLength
                append(.string, byte: ASCII.dollar, start: tagStart, end: index)
                return
            }
            position += 1
        }
        index = bytes.count
        warn("unterminated dollar-quoted string: it runs to the end of the script", at: tagStart)
        append(.string, byte: ASCII.dollar, start: tagStart, end: index)
    }

    private func matchesTag(at position: Int, tagStart: Int, length: Int) -> Bool {
        for offset in 0..<length where bytes[position + offset] != bytes[tagStart + offset] { return false }
        return true
    }

    // MARK: Words, numbers, variables

    private mutating func lexVariable() {
        let start = index
        index += 1
        while index < bytes.count && (bytes[index] == ASCII.at || ASCII.isWordByte(bytes[index])) { index += 1 }
        append(.variable, start: start, end: index)
    }

    private mutating func lexNumber() {
        let start = index
        while index < bytes.count && ASCII.isDigit(bytes[index]) { index += 1 }
        if byte(at: index) == ASCII.dot && ASCII.isDigit(byte(at: index + 1)) {
            index += 1
            while index < bytes.count && ASCII.isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count && ASCII.isWordByte(bytes[index]) {
            index = start
            lexWord()
        } else {
            append(.number, start: start, end: index)
        }
    }

    /// An unquoted word; `${...}`, `$[...]` and `{{ ... }}` inside it are kept whole as opaque text.
    private mutating func lexWord() {
        let start = index
        let bytes = self.bytes
        // A local cursor: `index` is a property of `self`, which the loop would store and reload per byte.
        var position = index
        var hasPlaceholder = false
        while position < bytes.count {
            let current = bytes[position]
            // Letters, digits and `_` first: this loop runs for every byte of every word.
            if ASCII.isIdentifierByte(current) {
                position &+= 1
                continue
            }
            let next = position + 1 < bytes.count ? bytes[position + 1] : 0
            if current == ASCII.dollar && (next == ASCII.openBrace || next == ASCII.openBracket) {
                index = position
                skipPlaceholder(open: next, close: next == ASCII.openBrace ? ASCII.closeBrace : ASCII.closeBracket)
                position = index
                hasPlaceholder = true
            } else if current == ASCII.dollar {
                position += 1
            } else if current == ASCII.openBrace && next == ASCII.openBrace {
                index = position
                skipTemplate()
                position = index
                hasPlaceholder = true
            } else {
                break
            }
        }
        index = position
        let length = index - start
        if length == 1 && byte(at: index) == ASCII.singleQuote {
            // A prefixed string: E'...', N'...', X'...', B'...'. Only E'' reads backslash escapes.
            let escapes = traits.backslashEscapes || ASCII.lowercased(bytes[start]) == 0x65
            lexQuoted(close: ASCII.singleQuote, kind: .string, from: start, backslash: escapes)
            return
        }
        let keyword = hasPlaceholder ? nil : keyword(start: start, length: length)
        if keyword == .delimiter && isAtStatementStart {
            skipDelimiterBlock(from: start)
            return
        }
        append(.word, keyword: keyword, start: start, end: index)
    }

    /// The keyword the word at `start` spells, if it fits a `PackedWord`.
    private func keyword(start: Int, length: Int) -> Keyword? {
        guard length <= PackedWord.capacity else { return nil }
        let word = start + PackedWord.capacity <= bytes.count
            ? PackedWord(loadingFrom: UnsafeRawPointer(bytes.baseAddress! + start), length: length)
            : PackedWord(UnsafeBufferPointer(rebasing: bytes[start..<(start + length)]))
        return keywordsByPackedSpelling[word]
    }

    /// `${...}` or `$[...]`, nesting counted; an unterminated one stops at the end of its line.
    private mutating func skipPlaceholder(open: UInt8, close: UInt8) {
        let start = index
        index += 2
        var depth = 1
        while index < bytes.count && bytes[index] != ASCII.newline {
            if bytes[index] == open { depth += 1 }
            if bytes[index] == close {
                depth -= 1
                if depth == 0 {
                    index += 1
                    return
                }
            }
            index += 1
        }
        warn("unterminated placeholder", at: start)
    }

    /// `{{ ... }}`: a template expression rendered before deployment.
    private mutating func skipTemplate() {
        let start = index
        index += 2
        while index < bytes.count && bytes[index] != ASCII.newline {
            if bytes[index] == ASCII.closeBrace && byte(at: index + 1) == ASCII.closeBrace {
                index += 2
                return
            }
            index += 1
        }
        warn("unterminated template expression", at: start)
    }

    private var isAtStatementStart: Bool {
        tokens.last.map { $0.isPunctuation(ASCII.semicolon) } ?? true
    }
}
