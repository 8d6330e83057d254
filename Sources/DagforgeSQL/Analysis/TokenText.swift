/// Reads the text behind tokens: normalized identifier names and case-insensitive word comparisons.
/// The only place that builds `String`s from the script, and only for names the analyzer keeps.
struct TokenText {
    let bytes: UnsafeBufferPointer<UInt8>

    /// The identifier a word or quoted-identifier token spells: unquoted, ASCII-lowercased, with
    /// `${...}`, `$[...]` and `{{ ... }}` placeholders copied verbatim.
    func identifier(_ token: Token) -> String {
        String(unsafeUninitializedCapacity: identifierCapacity(token)) { buffer in
            var writer = ByteWriter(buffer)
            writeIdentifier(token, to: &writer)
            return writer.count
        }
    }

    /// Bytes enough for `writeIdentifier(token)`: unquoting and copying never make a name longer than its token.
    func identifierCapacity(_ token: Token) -> Int { max(token.end - token.start, 1) }

    /// Writes `identifier(token)`'s bytes: names are built straight into their `String`'s storage.
    func writeIdentifier(_ token: Token, to writer: inout ByteWriter) {
        if token.kind == .quotedIdentifier {
            let close = token.byte == ASCII.openBracket ? ASCII.closeBracket : token.byte
            var index = token.start + 1
            let terminated = token.end - token.start >= 2 && bytes[token.end - 1] == close
            let end = terminated ? token.end - 1 : token.end
            while index < end {
                writer.append(ASCII.lowercased(bytes[index]))
                index += bytes[index] == close && index + 1 < end && bytes[index + 1] == close ? 2 : 1
            }
            return
        }
        var index = token.start
        while index < token.end {
            let current = bytes[index]
            if current == ASCII.dollar || current == ASCII.openBrace {
                let next = index + 1 < token.end ? bytes[index + 1] : 0
                if current == ASCII.dollar && (next == ASCII.openBrace || next == ASCII.openBracket) {
                    index = copyBalanced(from: index + 1, open: next, end: token.end, to: &writer, prefix: current)
                    continue
                }
                if current == ASCII.openBrace && next == ASCII.openBrace {
                    index = copyTemplate(from: index, end: token.end, to: &writer)
                    continue
                }
            }
            writer.append(ASCII.lowercased(current))
            index += 1
        }
    }

    /// Copies `prefix` and a bracketed run starting at `start` (the opening bracket) verbatim.
    private func copyBalanced(from start: Int, open: UInt8, end: Int, to writer: inout ByteWriter, prefix: UInt8) -> Int {
        let close = open == ASCII.openBrace ? ASCII.closeBrace : ASCII.closeBracket
        writer.append(prefix)
        var depth = 0
        var index = start
        while index < end {
            let current = bytes[index]
            writer.append(current)
            index += 1
            if current == open {
                depth += 1
            } else if current == close {
                depth -= 1
                if depth == 0 { break }
            }
        }
        return index
    }

    /// Copies `{{ ... }}` verbatim.
    private func copyTemplate(from start: Int, end: Int, to writer: inout ByteWriter) -> Int {
        var index = start
        while index < end {
            writer.append(bytes[index])
            index += 1
            if index - start > 2 && bytes[index - 1] == ASCII.closeBrace && bytes[index - 2] == ASCII.closeBrace {
                break
            }
        }
        return index
    }

    /// The content of a string literal token, lowercased (for `SET search_path = 'dw'`).
    func stringContent(_ token: Token) -> String {
        guard token.end - token.start >= 2 else { return "" }
        var buffer: [UInt8] = []
        for index in (token.start + 1)..<(token.end - 1) { buffer.append(ASCII.lowercased(bytes[index])) }
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Whether a word token spells `lowercaseWord` (given in lowercase ASCII), ignoring case.
    func word(_ token: Token, is lowercaseWord: StaticString) -> Bool {
        guard token.kind == .word, token.end - token.start == lowercaseWord.utf8CodeUnitCount else { return false }
        let expected = lowercaseWord.utf8Start
        for offset in 0..<lowercaseWord.utf8CodeUnitCount
        where ASCII.lowercased(bytes[token.start + offset]) != expected[offset] {
            return false
        }
        return true
    }
}

/// Appends bytes into memory sized beforehand (a `String`'s uninitialized storage).
struct ByteWriter {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    mutating func append(_ byte: UInt8) {
        buffer[count] = byte
        count += 1
    }
}
