extension SQLLexer {
    /// `DELIMITER //` (a MySQL client command) up to the next `DELIMITER ;` line is skipped: it wraps
    /// stored programs whose bodies are not analyzed. `DELIMITER ;` alone is a no-op.
    mutating func skipDelimiterBlock(from start: Int) {
        let lineEnd = endOfLine(from: index)
        var delimiterStart = index
        while delimiterStart < lineEnd && isBlank(byte(at: delimiterStart)) { delimiterStart += 1 }
        var delimiterEnd = delimiterStart
        while delimiterEnd < lineEnd && !isBlank(byte(at: delimiterEnd)) { delimiterEnd += 1 }
        index = lineEnd
        if delimiterEnd - delimiterStart == 1 && byte(at: delimiterStart) == ASCII.semicolon { return }
        warn("MySQL DELIMITER block skipped: statements up to `DELIMITER ;` are not analyzed", at: start)
        var lineStart = lineEnd + 1
        while lineStart < bytes.count {
            let end = endOfLine(from: lineStart)
            if lineStartsWithDelimiterCommand(lineStart, end) {
                index = end
                break
            }
            lineStart = end + 1
        }
        if lineStart >= bytes.count { index = bytes.count }
        append(.punctuation, byte: ASCII.semicolon, start: start, end: start)
    }

    private func isBlank(_ byte: UInt8) -> Bool {
        byte == ASCII.space || byte == ASCII.tab || byte == ASCII.carriageReturn || byte == ASCII.newline
    }

    private func endOfLine(from position: Int) -> Int {
        var end = position
        while end < bytes.count && byte(at: end) != ASCII.newline { end += 1 }
        return end
    }

    private func lineStartsWithDelimiterCommand(_ start: Int, _ end: Int) -> Bool {
        var position = start
        while position < end && isBlank(byte(at: position)) { position += 1 }
        let word = Array("delimiter".utf8)
        guard end - position > word.count else { return false }
        for (offset, expected) in word.enumerated() where ASCII.lowercased(byte(at: position + offset)) != expected {
            return false
        }
        return isBlank(byte(at: position + word.count))
    }
}
