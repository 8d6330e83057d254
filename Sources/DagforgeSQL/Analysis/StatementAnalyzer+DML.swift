/// UPDATE, DELETE and MERGE: the written table is found among the statement's own table list.
extension StatementAnalyzer {
    /// `UPDATE [ONLY] t [AS a] SET ... [FROM ...]` writes `t`. In a MySQL multi-table
    /// `UPDATE a JOIN b ON ... SET a.x = b.y` the tables whose columns are SET are written, the rest read.
    /// In `UPDATE a SET ... FROM t a` (SQL Server) the alias resolves to `t`; `UPDATE t ... FROM t JOIN s` writes `t` only.
    mutating func analyzeUpdate(_ verb: Int) {
        var index = verb + 1
        while let word = keyword(at: index), word == .low_priority || word == .ignore || word == .only { index += 1 }
        if keyword(at: index) == .or { index += 2 }
        let setIndex = topLevelIndex(of: .set, from: index) ?? end
        let firstRead = reads.count
        scan(index..<end, startInTableList: true)
        let clause = (firstRead..<reads.count).filter { reads[$0].tokenIndex < setIndex && reads[$0].depth == 0 }
        guard let first = clause.first else { return }
        if clause.count == 1,
           let source = (firstRead..<reads.count).first(where: {
               reads[$0].tokenIndex > setIndex && reads[$0].depth == 0
                   && (reads[$0].alias ?? reads[$0].name) == reads[first].name
           }) {
            moveReadsToWrites([first, source], keeping: source)
            return
        }
        let qualifiers = Set(setQualifiers(after: setIndex))
        var targets = clause.filter { read in
            qualifiers.contains(reads[read].alias ?? "") || qualifiers.contains(reads[read].name)
                || qualifiers.contains(String(lastPart(reads[read].name)))
        }
        if targets.isEmpty { targets = [first] }
        moveReadsToWrites(targets, keeping: nil)
    }

    /// `DELETE FROM t [USING ...]`, `DELETE t1, t2 FROM t1 JOIN t2 ...`, `DELETE FROM t1 USING t1 JOIN t2`:
    /// the targets are written; when a target is an alias or repeats a table of the list, that table is
    /// the written one and not a read.
    mutating func analyzeDelete(_ verb: Int) {
        var index = verb + 1
        while let word = keyword(at: index), word == .low_priority || word == .quick || word == .ignore { index += 1 }
        var targets: [FoundTable] = []
        let firstRead = reads.count
        if keyword(at: index) == .from {
            index = deleteTargets(from: index + 1, into: &targets)
            if keyword(at: index) == .using {
                scan((index + 1)..<end, startInTableList: true)
            } else {
                scan(index..<end)
            }
        } else {
            index = deleteTargets(from: index, into: &targets)
            scan(index..<end)
        }
        var firstReadNamed: [String: Int] = [:]
        for index in firstRead..<reads.count where reads[index].depth == 0 {
            if let alias = reads[index].alias, firstReadNamed[alias] == nil { firstReadNamed[alias] = index }
            if firstReadNamed[reads[index].name] == nil { firstReadNamed[reads[index].name] = index }
        }
        var matched: Set<Int> = []
        for target in targets {
            if let match = firstReadNamed[target.name] {
                matched.insert(match)
            } else {
                writes.append(target)
            }
        }
        moveReadsToWrites(matched.sorted(), keeping: nil)
    }

    /// `MERGE [INTO] target [AS t] USING source ON ...`: the target is written, the source read.
    mutating func analyzeMerge(_ verb: Int) {
        var index = verb + 1
        if keyword(at: index) == .into { index += 1 }
        index = writeTable(at: index)
        scan(index..<end, usingStartsTableList: true)
    }

    /// `name [[AS] alias] [.*] [, ...]` as written after `DELETE` / `DELETE FROM`.
    private func deleteTargets(from start: Int, into targets: inout [FoundTable]) -> Int {
        var index = start
        while isIdentifier(at: index) {
            let (nameEnd, name) = qualifiedName(at: index)
            var next = nameEnd
            if isPunctuation(ASCII.dot, at: next) && isPunctuation(ASCII.star, at: next + 1) { next += 2 }
            let (aliasEnd, alias) = self.alias(at: next)
            if !name.isEmpty { targets.append(FoundTable(name: name, alias: alias, tokenIndex: index, depth: 0)) }
            guard isPunctuation(ASCII.comma, at: aliasEnd) else { return aliasEnd }
            index = aliasEnd + 1
        }
        return index
    }

    /// The qualifiers of `SET a.x = ..., b.y = ...` assignments.
    private func setQualifiers(after setIndex: Int) -> [String] {
        var qualifiers: [String] = []
        var index = setIndex + 1
        while index < end {
            let token = tokens[index]
            if token.isPunctuation(ASCII.openParen), partner[index] > index {
                index = partner[index] + 1
                continue
            }
            if let word = token.keyword, word == .where || word == .from || word == .returning || word == .order
                || word == .limit {
                break
            }
            if token.kind == .word || token.kind == .quotedIdentifier, isPunctuation(ASCII.dot, at: index + 1),
               isPunctuation(ASCII.equals, at: index + 3) {
                qualifiers.append(text.identifier(token))
            }
            index += 1
        }
        return qualifiers
    }

    /// Moves the reads at `indices` to the writes; only `keeping` (if given) is added to the writes,
    /// the others are dropped from the reads.
    private mutating func moveReadsToWrites(_ indices: [Int], keeping: Int?) {
        for index in indices where keeping == nil || index == keeping {
            writes.append(reads[index])
        }
        for index in indices.sorted(by: >) { reads.remove(at: index) }
    }

    /// The first `keyword` at parenthesis depth 0 from `start`.
    func topLevelIndex(of word: Keyword, from start: Int) -> Int? {
        var index = start
        while index < end {
            if tokens[index].isPunctuation(ASCII.openParen), partner[index] > index {
                index = partner[index] + 1
                continue
            }
            if tokens[index].keyword == word { return index }
            index += 1
        }
        return nil
    }

    private func lastPart(_ name: String) -> Substring {
        name.split(separator: ".").last ?? Substring(name)
    }
}
