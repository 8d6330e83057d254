/// The general scan: walks a range of tokens and records every table in a source position.
extension StatementAnalyzer {
    func keyword(at index: Int) -> Keyword? { index < end ? tokens[index].keyword : nil }

    func isPunctuation(_ byte: UInt8, at index: Int) -> Bool { index < end && tokens[index].isPunctuation(byte) }

    func isIdentifier(at index: Int) -> Bool { index < end && tokens[index].isIdentifier }

    mutating func matchParentheses(_ range: Range<Int>) {
        openParentheses.removeAll(keepingCapacity: true)
        for index in range {
            // Only parentheses are reset: every lookup of `partner` is at a `(`.
            let token = tokens[index]
            guard token.kind == .punctuation, token.byte == ASCII.openParen || token.byte == ASCII.closeParen else {
                continue
            }
            partner[index] = -1
            if token.byte == ASCII.openParen {
                openParentheses.append(index)
            } else if token.byte == ASCII.closeParen, let opening = openParentheses.popLast() {
                partner[opening] = index
                partner[index] = opening
            }
        }
    }

    /// Records the names of every `WITH name [(columns)] AS (...)` in the statement. When the statement
    /// starts with such a list, returns the index of the token after it (the main verb).
    mutating func collectCommonTableNames(_ range: Range<Int>) -> Int? {
        var leadingEnd: Int?
        for index in range where tokens[index].keyword == .with {
            var cursor = index + 1
            if keyword(at: cursor) == .recursive { cursor += 1 }
            var listEnd: Int?
            while cursor < end, tokens[cursor].kind == .word || tokens[cursor].kind == .quotedIdentifier {
                var bodyStart = cursor + 1
                if isPunctuation(ASCII.openParen, at: bodyStart), partner[bodyStart] > 0 { bodyStart = partner[bodyStart] + 1 }
                guard keyword(at: bodyStart) == .as else { break }
                bodyStart += 1
                while keyword(at: bodyStart) == .not || keyword(at: bodyStart) == .materialized { bodyStart += 1 }
                guard isPunctuation(ASCII.openParen, at: bodyStart), partner[bodyStart] > 0 else { break }
                commonTableNames.insert(text.identifier(tokens[cursor]))
                let bodyEnd = partner[bodyStart]
                listEnd = bodyEnd + 1
                guard isPunctuation(ASCII.comma, at: bodyEnd + 1) else { break }
                cursor = bodyEnd + 2
            }
            if index == range.lowerBound { leadingEnd = listEnd }
        }
        return leadingEnd
    }

    /// Walks `range`, recording tables after `FROM`, `JOIN`, commas of a table list, `INSERT` targets and
    /// (when asked) `USING`. `startInTableList`: the range begins with a table list (`UPDATE a, b SET`).
    /// `topLevelFromIsTable: false` keeps `COPY t FROM 'file'` from reading `'file'`.
    mutating func scan(_ range: Range<Int>, startInTableList: Bool = false, usingStartsTableList: Bool = false,
                       topLevelFromIsTable: Bool = true) {
        frames.removeAll(keepingCapacity: true)
        frames.append(ScanFrame(inTableList: startInTableList))
        var index = range.lowerBound
        if startInTableList { index = tableFactor(at: index) }
        while index < range.upperBound {
            let token = tokens[index]
            let top = frames.count - 1
            if token.kind == .punctuation {
                switch token.byte {
                case ASCII.openParen:
                    let previous = index > range.lowerBound ? tokens[index - 1] : nil
                    let isCall = previous.map { $0.kind == .word && ($0.keyword?.isFunctionName ?? true) } ?? false
                    frames.append(ScanFrame(isFunctionCall: isCall))
                    if index == parenthesizedFactor {
                        frames[frames.count - 1].inTableList = true
                        index = tableFactor(at: index + 1)
                        continue
                    }
                case ASCII.closeParen:
                    if frames.count > 1 { frames.removeLast() }
                case ASCII.comma where frames[top].inTableList:
                    index = tableFactor(at: index + 1)
                    continue
                default:
                    break
                }
                index += 1
                continue
            }
            guard token.kind == .word, let keyword = token.keyword else {
                index += 1
                continue
            }
            switch keyword {
            case .select:
                frames[top].sawSelect = true
                frames[top].inTableList = false
            case .from:
                let isExpression = (frames[top].isFunctionCall && !frames[top].sawSelect)
                    || (index > range.lowerBound && tokens[index - 1].keyword == .distinct)
                    || (!topLevelFromIsTable && frames.count == 1)
                if !isExpression {
                    frames[top].inTableList = true
                    index = tableFactor(at: index + 1)
                    continue
                }
            case .join, .straight_join, .apply:
                index = tableFactor(at: index + 1)
                continue
            case .using where usingStartsTableList && frames.count == 1:
                frames[top].inTableList = true
                index = tableFactor(at: index + 1)
                continue
            case .insert:
                frames[top].inTableList = false
                index = insertTarget(at: index)
                continue
            case .into where traits.selectIntoCreatesTable && frames[top].sawSelect:
                index = selectIntoTarget(at: index)
                continue
            case .update where index > range.lowerBound && tokens[index - 1].isPunctuation(ASCII.openParen):
                index = writeTable(at: self.keyword(at: index + 1) == .only ? index + 2 : index + 1)
                continue
            case .delete where index > range.lowerBound && tokens[index - 1].isPunctuation(ASCII.openParen):
                index = writeTable(at: self.keyword(at: index + 1) == .from ? index + 2 : index + 1)
                continue
            default:
                if keyword.endsTableList { frames[top].inTableList = false }
            }
            index += 1
        }
    }

    /// A table in a source position at `index`: `[LATERAL|ONLY] name [[AS] alias]`, a parenthesized
    /// subquery or join, or a table function (`unnest(...)`, not a table). Returns where the scan resumes.
    mutating func tableFactor(at start: Int) -> Int {
        var index = start
        while keyword(at: index) == .lateral || keyword(at: index) == .only { index += 1 }
        guard index < end else { return index }
        if tokens[index].isPunctuation(ASCII.openParen) {
            parenthesizedFactor = index
            return index
        }
        guard tokens[index].isIdentifier else { return index }
        let (nameEnd, name) = qualifiedName(at: index)
        if isPunctuation(ASCII.openParen, at: nameEnd) { return nameEnd }
        let (aliasEnd, alias) = self.alias(at: nameEnd)
        guard !name.isEmpty else { return aliasEnd }
        reads.append(FoundTable(name: name, alias: alias, tokenIndex: index, depth: max(frames.count - 1, 0)))
        return aliasEnd
    }

    /// `part(.part)*` starting at an identifier; `db..t` keeps its empty part. Returns the end and the name.
    func qualifiedName(at start: Int) -> (end: Int, name: String) {
        // Find the parts first, so the name is written once into storage of the right size.
        var index = start + 1
        var capacity = text.identifierCapacity(tokens[start])
        while isPunctuation(ASCII.dot, at: index), index + 1 < end {
            let part = tokens[index + 1]
            if part.kind == .word || part.kind == .quotedIdentifier {
                capacity += 1 + text.identifierCapacity(part)
                index += 2
            } else if part.isPunctuation(ASCII.dot) {
                capacity += 1
                index += 1
            } else {
                break
            }
        }
        let nameEnd = index
        let name = String(unsafeUninitializedCapacity: capacity) { buffer in
            var writer = ByteWriter(buffer)
            text.writeIdentifier(tokens[start], to: &writer)
            var index = start + 1
            while index < nameEnd {
                // `index` is a dot; a part follows unless it is another dot (`db..t`).
                writer.append(ASCII.dot)
                if tokens[index + 1].isPunctuation(ASCII.dot) {
                    index += 1
                } else {
                    text.writeIdentifier(tokens[index + 1], to: &writer)
                    index += 2
                }
            }
            return writer.count
        }
        return (nameEnd, name)
    }

    /// `[AS] alias` at `index`, if present.
    func alias(at index: Int) -> (end: Int, alias: String?) {
        if keyword(at: index) == .as {
            guard index + 1 < end, tokens[index + 1].kind == .word || tokens[index + 1].kind == .quotedIdentifier else {
                return (index, nil)
            }
            return (index + 2, text.identifier(tokens[index + 1]))
        }
        if isIdentifier(at: index) { return (index + 1, text.identifier(tokens[index])) }
        return (index, nil)
    }

    /// Records the table named at `index` as written; returns the index after the name.
    @discardableResult
    mutating func writeTable(at index: Int) -> Int {
        guard isIdentifier(at: index) else { return index }
        let (nameEnd, name) = qualifiedName(at: index)
        guard !name.isEmpty else { return nameEnd }
        writes.append(FoundTable(name: name, alias: nil, tokenIndex: index, depth: 0))
        return nameEnd
    }

    /// Records the table named at `index` as read; returns the index after the name.
    @discardableResult
    mutating func readTable(at index: Int) -> Int {
        guard isIdentifier(at: index) else { return index }
        let (nameEnd, name) = qualifiedName(at: index)
        guard !name.isEmpty else { return nameEnd }
        reads.append(FoundTable(name: name, alias: nil, tokenIndex: index, depth: 0))
        return nameEnd
    }

    /// `INSERT [IGNORE] [INTO | OVERWRITE] [TABLE] name`, `REPLACE [INTO] name`, `INSERT OR REPLACE INTO name`.
    /// `INSERT OVERWRITE [LOCAL] DIRECTORY` and MERGE's `INSERT (columns)` write no table.
    mutating func insertTarget(at verb: Int) -> Int {
        var index = verb + 1
        while let word = keyword(at: index) {
            switch word {
            case .ignore, .low_priority, .high_priority, .delayed: index += 1
            case .or: index += 2
            case .into: index += 1
            case .overwrite:
                index += 1
                if keyword(at: index) == .local || keyword(at: index) == .directory { return index }
            case .table: index += 1
            default: return writeTable(at: index)
            }
        }
        return writeTable(at: index)
    }

    /// `SELECT ... INTO [TEMP|UNLOGGED] [TABLE] name` (PostgreSQL and generic SQL).
    private mutating func selectIntoTarget(at into: Int) -> Int {
        var index = into + 1
        while let word = keyword(at: index), word == .temp || word == .temporary || word == .unlogged || word == .table {
            index += 1
        }
        return writeTable(at: index)
    }
}
