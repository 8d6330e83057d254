import DagforgeSQL
import Testing

/// The names a script reads and writes, in output order.
struct Names: Equatable, CustomStringConvertible {
    var reads: [String]
    var writes: [String]

    init(reads: [String] = [], writes: [String] = []) {
        self.reads = reads
        self.writes = writes
    }

    init(_ script: String, _ dialect: SQLDialect = .generic) {
        let lineage = SQLAnalyzer.analyze(script, dialect: dialect)
        reads = lineage.reads.map(\.name)
        writes = lineage.writes.map(\.name)
    }

    var description: String { "reads \(reads) writes \(writes)" }
}

/// One script and the lineage it must produce.
struct Case: CustomTestStringConvertible, Sendable {
    var sql: String
    var dialect: SQLDialect
    var reads: [String]
    var writes: [String]

    init(_ sql: String, _ dialect: SQLDialect = .generic, reads: [String] = [], writes: [String] = []) {
        self.sql = sql
        self.dialect = dialect
        self.reads = reads
        self.writes = writes
    }

    var testDescription: String { "\(dialect): \(sql)" }
    var expected: Names { Names(reads: reads, writes: writes) }
    var actual: Names { Names(sql, dialect) }
}
