import DagforgeSQL
import Foundation
import Testing

/// Real-world-style scripts in Tests/Fixtures/sql/corpus, each with a hand-checked `<name>.expected.json`.
/// The dialect is the file name's prefix (`hive_`, `spark_`, `mysql_`, `postgres_`, `sqlite_`, `generic_`).
@Suite("Quality corpus")
struct CorpusTests {
    struct Expected: Decodable {
        var reads: [String]
        var writes: [String]
    }

    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/sql/corpus")

    @Test func atLeast95PercentOfFilesMatchExactly() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
            .filter { $0.hasSuffix(".sql") }.sorted()
        #expect(files.count >= 60)
        var misses: [String] = []
        for file in files {
            let url = Self.directory.appendingPathComponent(file)
            let prefix = String(file.prefix { $0 != "_" })
            let dialect = try #require(SQLDialect(rawValue: prefix), "\(file): unknown dialect prefix")
            let expectedURL = url.deletingPathExtension().appendingPathExtension("expected.json")
            let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: expectedURL))
            let lineage = SQLAnalyzer.analyze(try Data(contentsOf: url), dialect: dialect)
            let reads = lineage.reads.map(\.name), writes = lineage.writes.map(\.name)
            if Set(reads) != Set(expected.reads) || Set(writes) != Set(expected.writes)
                || reads.count != expected.reads.count || writes.count != expected.writes.count {
                misses.append("\(file): got reads \(reads) writes \(writes); expected reads "
                    + "\(expected.reads.sorted()) writes \(expected.writes.sorted())")
            }
        }
        let matched = Double(files.count - misses.count) / Double(max(files.count, 1))
        print("SQL lineage corpus: \(files.count - misses.count)/\(files.count) files exact")
        for miss in misses { print("  miss: \(miss)") }
        #expect(matched >= 0.95, "\(misses.joined(separator: "\n"))")
    }
}
