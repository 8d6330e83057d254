/// Applies the whole-script rules to each statement's tables, in order: the default schema in effect,
/// and "a table an earlier statement wrote is not a read".
struct ScriptLineage {
    private struct Entry {
        var name: String
        var schema: String?
        var offset: Int
    }

    private var reads: [Entry] = []
    private var writes: [Entry] = []
    private var written: Set<String> = []
    private var schema: String?
    private var defaultSchemas: [String] = []

    mutating func add(_ statementReads: [FoundTable], _ statementWrites: [FoundTable], tokens: [Token]) {
        for read in statementReads where !written.contains(key(read.name)) {
            reads.append(Entry(name: read.name, schema: schema, offset: tokens[read.tokenIndex].start))
        }
        for write in statementWrites {
            writes.append(Entry(name: write.name, schema: schema, offset: tokens[write.tokenIndex].start))
            written.insert(key(write.name))
        }
    }

    mutating func setDefaultSchema(_ name: String) {
        schema = name
        if !defaultSchemas.contains(name) { defaultSchemas.append(name) }
    }

    /// The name the ordering rule compares: qualified with the schema in effect when unqualified.
    private func key(_ name: String) -> String {
        guard let schema, !name.utf8.contains(UInt8(ascii: ".")) else { return name }
        return schema + "." + name
    }

    func lineage(warnings: [(offset: Int, message: String)], positions: LineIndex) -> SQLLineage {
        SQLLineage(
            reads: references(reads, positions),
            writes: references(writes, positions),
            warnings: sortedWarnings(warnings, positions),
            defaultSchemas: defaultSchemas
        )
    }

    /// De-duplicated by name and schema (first occurrence wins), sorted by the name's bytes.
    private func references(_ entries: [Entry], _ positions: LineIndex) -> [TableReference] {
        var seen: Set<NameInSchema> = []
        let unique = entries.filter { seen.insert(NameInSchema(name: $0.name, schema: $0.schema)).inserted }
        let located = positions.locate(unique.map(\.offset))
        let result = zip(unique, located).map { entry, position in
            TableReference(name: entry.name, schemaInEffect: entry.schema, line: position.line,
                           column: position.column, offset: entry.offset)
        }
        return result.sorted { lhs, rhs in
            lhs.name.utf8.lexicographicallyPrecedes(rhs.name.utf8)
                || (lhs.name == rhs.name && (lhs.schemaInEffect ?? "").utf8.lexicographicallyPrecedes((rhs.schemaInEffect ?? "").utf8))
        }
    }

    private func sortedWarnings(_ warnings: [(offset: Int, message: String)], _ positions: LineIndex) -> [SQLWarning] {
        let sorted = warnings.sorted { $0.offset < $1.offset }
        let located = positions.locate(sorted.map(\.offset))
        return zip(sorted, located).map { warning, position in
            SQLWarning(message: warning.message, line: position.line, column: position.column, offset: warning.offset)
        }
    }
}

/// A table name with the schema in effect where it was written.
private struct NameInSchema: Hashable {
    let name: String
    let schema: String?
}
