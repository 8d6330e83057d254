import DagforgeSQL
import Foundation
import Testing

/// Any bytes in, a sane lineage out: no trap, no hang, names that are real text from the input.
@Suite("Robustness on random and adversarial input")
struct RobustnessTests {
    static let adversarial: [String] = [
        "", ";", ";;;;", "'", "\"", "`", "[", "$$", "$tag$ never closed", "/* never closed", "-- only a comment",
        "${", "$[", "{{", "SELECT * FROM", "INSERT INTO", "UPDATE", "DELETE FROM", "MERGE INTO t USING",
        "CREATE TABLE", "ALTER TABLE t RENAME TO", "WITH a AS (", "WITH a AS (SELECT 1) , b AS", "FROM FROM FROM",
        "SELECT * FROM a JOIN", "SELECT * FROM (((((", ")))))) FROM a", "DELIMITER", "DELIMITER //\nSELECT 1",
        "BEGIN", "CASE END END END", "CREATE PROCEDURE p() BEGIN", "SET search_path TO", "USE", "COPY",
        "INSERT INTO t.", "SELECT * FROM a..", "SELECT * FROM a.`", "DELETE a, FROM", "UPDATE a SET a.",
        String(repeating: "(", count: 20_000) + "SELECT * FROM t" + String(repeating: ")", count: 20_000),
        String(repeating: "SELECT * FROM t JOIN ", count: 5_000),
        String(repeating: "WITH a AS (", count: 5_000),
        String(repeating: "'", count: 10_001),
        String(repeating: "INSERT INTO t SELECT * FROM s;", count: 5_000),
    ]

    @Test(arguments: SQLDialect.allCases)
    func adversarialInputTerminatesWithSaneOutput(_ dialect: SQLDialect) {
        for script in Self.adversarial {
            checkSanity(script, dialect)
        }
    }

    @Test func deepParenthesesStillFindTheTable() {
        let script = String(repeating: "(", count: 20_000) + "SELECT * FROM t" + String(repeating: ")", count: 20_000)
        #expect(SQLAnalyzer.analyze(script, dialect: .generic).reads.map(\.name) == ["t"])
    }

    @Test(arguments: SQLDialect.allCases)
    func randomBytesTerminateWithSaneOutput(_ dialect: SQLDialect) {
        var generator = SplitMix64(seed: 0x5EED_0000 + UInt64(dialect.rawValue.utf8.count))
        let alphabet = Array("selct frominsertjoA()`'\"[];.,$#{}-/*\n\\ 0".utf8)
        for round in 0..<300 {
            let length = Int(generator.next() % 400)
            let bytes: [UInt8] = (0..<length).map { _ in
                round.isMultiple(of: 2) ? UInt8(truncatingIfNeeded: generator.next())
                    : alphabet[Int(generator.next() % UInt64(alphabet.count))]
            }
            checkSanity(bytes, dialect)
        }
    }

    private func checkSanity(_ script: String, _ dialect: SQLDialect) {
        checkSanity(Array(script.utf8), dialect)
    }

    private func checkSanity(_ bytes: [UInt8], _ dialect: SQLDialect) {
        let lineage = SQLAnalyzer.analyze(bytes, dialect: dialect)
        let lineCount = bytes.count(where: { $0 == 0x0A }) + 1
        for reference in lineage.reads + lineage.writes {
            #expect(!reference.name.isEmpty)
            #expect(reference.offset >= 0 && reference.offset < bytes.count)
            #expect(reference.line >= 1 && reference.line <= lineCount && reference.column >= 1)
        }
        for warning in lineage.warnings {
            #expect(warning.offset >= 0 && warning.offset <= bytes.count)
        }
        let names = lineage.reads.map(\.name)
        #expect(names == names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }
}

/// A small deterministic generator, so a failure reproduces.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
