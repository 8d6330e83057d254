/// CREATE, ALTER, RENAME, LOAD, COPY, CACHE, USE and SET.
extension StatementAnalyzer {
    /// `CREATE [OR REPLACE] [TEMPORARY|EXTERNAL|...] TABLE [IF NOT EXISTS] t (... | AS SELECT | LIKE s)`
    /// and `CREATE [MATERIALIZED] VIEW v AS ...` write `t` / `v`; `LIKE s` and `CLONE s` read `s`.
    /// Other CREATEs (index, database, function) touch no table; a stored-program body is reported.
    mutating func analyzeCreate(_ verb: Int) {
        var index = verb + 1
        var object: Keyword?
        while index < end && index < verb + 12 {
            let token = tokens[index]
            if token.isPunctuation(ASCII.openParen) || token.keyword == .as || token.keyword == .on { break }
            if let word = token.keyword, [.table, .view, .procedure, .function, .trigger, .event].contains(word) {
                object = word
                break
            }
            index += 1
        }
        switch object {
        case .table?, .view?:
            index += 1
            if keyword(at: index) == .if { index += 3 }
            var rest = writeTable(at: index)
            if keyword(at: rest) == .like {
                rest = readTable(at: rest + 1)
            } else if isPunctuation(ASCII.openParen, at: rest) && keyword(at: rest + 1) == .like {
                readTable(at: rest + 2)
            } else if let clone = cloneSource(at: rest) {
                rest = readTable(at: clone)
            }
            scan(rest..<end)
        case .procedure?, .function?, .trigger?, .event?:
            let hasBody = (verb..<end).contains { tokens[$0].kind == .string && tokens[$0].byte == ASCII.dollar }
            if hasBody { warn("stored program body skipped: its statements are not analyzed", at: verb) }
        default:
            return
        }
    }

    /// `[SHALLOW|DEEP] CLONE source` after a CREATE TABLE name: the index of `source`.
    private func cloneSource(at index: Int) -> Int? {
        if keyword(at: index) == .clone { return index + 1 }
        let isDepth = index < end && (text.word(tokens[index], is: "shallow") || text.word(tokens[index], is: "deep"))
        return isDepth && keyword(at: index + 1) == .clone ? index + 2 : nil
    }

    /// `ALTER TABLE a RENAME TO b` writes `b`; Hive `ALTER TABLE t EXCHANGE PARTITION (...) WITH TABLE s`
    /// writes `t` and reads `s`. Every other ALTER touches no table data.
    mutating func analyzeAlter(_ verb: Int) {
        var index = verb + 1
        if keyword(at: index) == .materialized { index += 1 }
        guard keyword(at: index) == .table || keyword(at: index) == .view else { return }
        index += 1
        if keyword(at: index) == .if { index += 2 }
        if keyword(at: index) == .only { index += 1 }
        guard isIdentifier(at: index) else { return }
        let table = index
        var cursor = qualifiedName(at: index).end
        while cursor < end {
            if isPunctuation(ASCII.openParen, at: cursor), partner[cursor] > cursor {
                cursor = partner[cursor] + 1
                continue
            }
            if keyword(at: cursor) == .rename, keyword(at: cursor + 1) == .to || keyword(at: cursor + 1) == .as {
                writeTable(at: cursor + 2)
                return
            }
            if keyword(at: cursor) == .exchange, keyword(at: cursor + 1) == .partition {
                writeTable(at: table)
                if let with = topLevelIndex(of: .with, from: cursor), keyword(at: with + 1) == .table {
                    readTable(at: with + 2)
                }
                return
            }
            cursor += 1
        }
    }

    /// MySQL `RENAME TABLE a TO b, c TO d` writes `b` and `d`.
    mutating func analyzeRename(_ verb: Int) {
        for index in (verb + 1)..<end where keyword(at: index) == .to {
            writeTable(at: index + 1)
        }
    }

    /// Hive `LOAD DATA [LOCAL] INPATH '...' [OVERWRITE] INTO TABLE t`, MySQL `LOAD DATA INFILE ... INTO TABLE t`.
    mutating func analyzeLoad(_ verb: Int) {
        guard keyword(at: verb + 1) == .data, var index = topLevelIndex(of: .into, from: verb + 2) else { return }
        index += 1
        if keyword(at: index) == .table { index += 1 }
        writeTable(at: index)
    }

    /// `COPY t [(columns)] FROM ...` writes `t`; `COPY t TO ...` reads it; `COPY (SELECT ...) TO` reads the
    /// query's tables; `COPY INTO t FROM ...` (Spark SQL) writes `t`.
    mutating func analyzeCopy(_ verb: Int) {
        var index = verb + 1
        if keyword(at: index) == .into { index += 1 }
        guard isIdentifier(at: index) else {
            scan(index..<end, topLevelFromIsTable: false)
            return
        }
        let nameEnd = qualifiedName(at: index).end
        let from = topLevelIndex(of: .from, from: nameEnd)
        let to = topLevelIndex(of: .to, from: nameEnd)
        if let from, from < (to ?? end) {
            writeTable(at: index)
        } else if to != nil {
            readTable(at: index)
        }
        scan(nameEnd..<end, topLevelFromIsTable: false)
    }

    /// Spark `CACHE [LAZY] TABLE t [OPTIONS (...)] [AS] SELECT ...` writes `t`; caching an existing table
    /// writes nothing.
    mutating func analyzeCache(_ verb: Int) {
        var index = verb + 1
        if keyword(at: index) == .lazy { index += 1 }
        guard keyword(at: index) == .table, isIdentifier(at: index + 1) else { return }
        let nameEnd = qualifiedName(at: index + 1).end
        if topLevelIndex(of: .select, from: nameEnd) != nil || topLevelIndex(of: .with, from: nameEnd) != nil {
            writeTable(at: index + 1)
        }
        scan(nameEnd..<end)
    }

    /// `USE db`, `USE catalog.db`, `USE SCHEMA db`: the default schema for what follows.
    mutating func analyzeUse(_ verb: Int) {
        var index = verb + 1
        if (keyword(at: index) == .schema || keyword(at: index) == .database) && isIdentifier(at: index + 1) { index += 1 }
        guard isIdentifier(at: index) else { return }
        let name = qualifiedName(at: index).name
        if !name.isEmpty { schemaChange = name }
    }

    /// `SET [SESSION|LOCAL] search_path TO|= a, b` (first schema other than `$user`) and `SET SCHEMA 'a'`;
    /// any other SET only reads the tables of its subqueries.
    mutating func analyzeSet(_ verb: Int) {
        var index = verb + 1
        if keyword(at: index) == .local || (index < end && text.word(tokens[index], is: "session")) { index += 1 }
        guard keyword(at: index) == .search_path || keyword(at: index) == .schema else {
            scan(index..<end)  // `SET @n = (SELECT count(*) FROM t)` reads `t`
            return
        }
        index += 1
        if keyword(at: index) == .to || isPunctuation(ASCII.equals, at: index) { index += 1 }
        while index < end {
            let token = tokens[index]
            let value: String
            switch token.kind {
            case .string: value = text.stringContent(token)
            case .word, .quotedIdentifier: value = text.identifier(token)
            default:
                index += 1
                continue
            }
            if value != "$user" && !value.isEmpty {
                schemaChange = value
                return
            }
            index += 1
        }
    }

    /// Hive `IMPORT [EXTERNAL] TABLE t FROM 'path'` writes `t`; `EXPORT TABLE t TO 'path'` reads it.
    mutating func analyzeImportExport(_ verb: Int, isImport: Bool) {
        var index = verb + 1
        if keyword(at: index) == .external { index += 1 }
        guard keyword(at: index) == .table else { return }
        if isImport { writeTable(at: index + 1) } else { readTable(at: index + 1) }
    }
}
