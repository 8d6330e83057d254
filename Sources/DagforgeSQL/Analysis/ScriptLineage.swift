import Glibc

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
    private var written = NameSet()
    private var schema: String?
    private var defaultSchemas: [String] = []

    mutating func add(_ statementReads: [FoundTable], _ statementWrites: [FoundTable], tokens: UnsafeBufferPointer<Token>) {
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
        let uniqueReads = unique(reads), uniqueWrites = unique(writes)
        let sortedWarnings = warnings.sorted { $0.offset < $1.offset }
        // One pass over the script locates every position.
        let located = positions.locate(uniqueReads.map { reads[$0].offset } + uniqueWrites.map { writes[$0].offset }
                                           + sortedWarnings.map(\.offset))
        var next = located.makeIterator()
        return SQLLineage(
            reads: uniqueReads.map { reference(reads[$0], at: next.next()!) },
            writes: uniqueWrites.map { reference(writes[$0], at: next.next()!) },
            warnings: sortedWarnings.map { warning in
                let position = next.next()!
                return SQLWarning(message: warning.message, line: position.line, column: position.column,
                                  offset: warning.offset)
            },
            defaultSchemas: defaultSchemas
        )
    }

    private func reference(_ entry: Entry, at position: (line: Int, column: Int)) -> TableReference {
        TableReference(name: entry.name, schemaInEffect: entry.schema, line: position.line, column: position.column,
                       offset: entry.offset)
    }

    /// The indices of `entries` to report: de-duplicated by name and schema (first occurrence wins), sorted
    /// by the name's bytes, then the schema's. Sorting the indices and keeping the first of each run
    /// replaces hashing every name.
    private func unique(_ entries: [Entry]) -> [Int] {
        let order = entries.indices.sorted { lhs, rhs in
            switch compareBytes(entries[lhs].name, entries[rhs].name) {
            case .less: return true
            case .greater: return false
            case .equal:
                let schemas = compareBytes(entries[lhs].schema ?? "", entries[rhs].schema ?? "")
                return schemas == .equal ? lhs < rhs : schemas == .less
            }
        }
        var unique: [Int] = []
        unique.reserveCapacity(order.count)
        var runStart = 0
        for index in order {
            let entry = entries[index]
            // Within a run of equal name and schema text, a nil schema and an empty one are different keys.
            if let last = unique.last.map({ entries[$0] }),
               compareBytes(last.name, entry.name) != .equal
                || compareBytes(last.schema ?? "", entry.schema ?? "") != .equal {
                runStart = unique.count
            }
            let seen = unique[runStart...].contains { (entries[$0].schema == nil) == (entry.schema == nil) }
            if !seen { unique.append(index) }
        }
        return unique
    }
}

/// The order of two strings' UTF-8 bytes.
private func compareBytes(_ lhs: String, _ rhs: String) -> ByteOrder {
    var lhs = lhs, rhs = rhs
    return lhs.withUTF8 { left in
        rhs.withUTF8 { right in
            let shared = min(left.count, right.count)
            let order = shared == 0 ? 0 : memcmp(left.baseAddress!, right.baseAddress!, shared)
            if order != 0 { return order < 0 ? .less : .greater }
            return left.count == right.count ? .equal : (left.count < right.count ? .less : .greater)
        }
    }
}

private enum ByteOrder {
    case less, equal, greater
}
