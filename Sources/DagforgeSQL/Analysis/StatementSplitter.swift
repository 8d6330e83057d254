/// Cuts a token stream into statements at top-level `;` tokens.
///
/// A stored-program body (`CREATE PROCEDURE ... BEGIN ... END`, an anonymous `BEGIN ... END` block) holds
/// semicolons of its own: the splitter skips the whole program as one statement and reports it, because
/// its effects depend on control flow the analyzer does not model.
struct StatementSplitter {
    struct Statement {
        var range: Range<Int>
        var isSkippedProgram: Bool
    }

    let tokens: UnsafeBufferPointer<Token>

    func statements() -> [Statement] {
        var result: [Statement] = []
        var start = 0
        while start < tokens.count {
            if tokens[start].isPunctuation(ASCII.semicolon) {
                start += 1
                continue
            }
            if let blockStart = programBlockStart(statementStart: start) {
                let end = endOfBlock(from: blockStart)
                result.append(Statement(range: start..<end, isSkippedProgram: true))
                start = end
                continue
            }
            var end = start
            while end < tokens.count && !tokens[end].isPunctuation(ASCII.semicolon) { end += 1 }
            result.append(Statement(range: start..<end, isSkippedProgram: false))
            start = end
        }
        return result
    }

    /// The index of the `BEGIN` that opens a stored-program body for the statement at `start`, if any.
    private func programBlockStart(statementStart start: Int) -> Int? {
        switch tokens[start].keyword {
        case .begin:
            let next = start + 1 < tokens.count ? tokens[start + 1] : nil
            guard let next, !next.isPunctuation(ASCII.semicolon) else { return nil }
            switch next.keyword {
            case .transaction, .work, .deferred, .immediate, .exclusive: return nil
            default: return start
            }
        case .create:
            var index = start + 1
            var isProgram = false
            while index < tokens.count && index < start + 16 && !tokens[index].isPunctuation(ASCII.semicolon) {
                switch tokens[index].keyword {
                case .procedure, .function, .trigger, .event: isProgram = true
                case .begin where isProgram: return index
                default: break
                }
                if isProgram && index > start + 3 { break }
                index += 1
            }
            guard isProgram else { return nil }
            while index < tokens.count && !tokens[index].isPunctuation(ASCII.semicolon) {
                if tokens[index].keyword == .begin { return index }
                index += 1
            }
            return nil
        default:
            return nil
        }
    }

    /// One past the `;` after the `END` matching the `BEGIN` at `start` (or the end of the script).
    /// `CASE` opens a level too; `END IF`, `END LOOP`, `END WHILE` and `END REPEAT` close nothing counted.
    private func endOfBlock(from start: Int) -> Int {
        var depth = 0
        var index = start
        while index < tokens.count {
            let token = tokens[index]
            switch token.keyword {
            case .begin:
                depth += 1
            case .case where index == 0 || tokens[index - 1].keyword != .end:
                depth += 1
            case .end:
                let next = index + 1 < tokens.count ? tokens[index + 1].keyword : nil
                if next != .if && next != .loop && next != .while && next != .repeat { depth -= 1 }
            default:
                break
            }
            index += 1
            if depth <= 0 { break }
        }
        while index < tokens.count && !tokens[index].isPunctuation(ASCII.semicolon) { index += 1 }
        return min(index + 1, tokens.count)
    }
}
