import Foundation
import Testing

/// Runs the built `dagforge lineage` on temporary SQL files.
@Suite("dagforge lineage (end to end)")
struct LineageCommandTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let binary = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(".build/debug/dagforge")

    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("dagforge-lineage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    private func write(_ name: String, _ sql: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try sql.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    private func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["lineage"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    private func object(_ line: Substring) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func oneFilePrintsOneObjectWithBothKeys() throws {
        let file = try write("load.sql", """
        use dw;
        INSERT OVERWRITE TABLE `DW`.`Fact` SELECT * FROM ods.b JOIN ods.a ON a.id = b.id JOIN ods.a x;
        SELECT 1;
        """)
        let result = try run(["--dialect", "hive", "--format", "json", file])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let json = try object(lines[0])
        #expect(json["reads"] as? [String] == ["ods.a", "ods.b"])
        #expect(json["writes"] as? [String] == ["dw.fact"])
        #expect(json["file"] == nil)
        #expect(json["warnings"] == nil)

        let empty = try run(["--format", "json", try write("none.sql", "SELECT 1")])
        #expect(empty.stdout == "{\"reads\": [], \"writes\": []}\n")
    }

    @Test func severalFilesPrintOneObjectPerLineWithTheFile() throws {
        let first = try write("a.sql", "INSERT INTO t SELECT * FROM s")
        let second = try write("b.sql", "DELETE FROM u USING v WHERE u.id = v.id")
        let result = try run(["--dialect", "postgres", "--format", "json", first, second])
        #expect(result.status == 0)
        let objects = try result.stdout.split(separator: "\n").map(object)
        #expect(objects.map { $0["file"] as? String } == [first, second])
        #expect(objects.map { $0["reads"] as? [String] } == [["s"], ["v"]])
        #expect(objects.map { $0["writes"] as? [String] } == [["t"], ["u"]])
    }

    @Test func warningsAreReportedAndStrictFailsOnThem() throws {
        let file = try write("broken.sql", "INSERT INTO t SELECT * FROM s;\nSELECT 'unterminated FROM x")
        let lenient = try run(["--format", "json", file])
        #expect(lenient.status == 0)
        let json = try object(try #require(lenient.stdout.split(separator: "\n").first))
        #expect(json["writes"] as? [String] == ["t"])
        let warnings = try #require(json["warnings"] as? [[String: Any]])
        #expect(warnings.count == 1)
        #expect(warnings.first?["line"] as? Int == 2)

        let strict = try run(["--strict", "--format", "json", file])
        #expect(strict.status == 1)
        #expect(strict.stdout == lenient.stdout)
    }

    @Test func textFormatListsTablesAndWarningsWithPositions() throws {
        let file = try write("t.sql", "CREATE TABLE x AS SELECT * FROM y;\nCALL p()")
        let result = try run([file])
        #expect(result.status == 0)
        #expect(result.stdout.contains("reads   y  (1:33)"))
        #expect(result.stdout.contains("writes  x  (1:14)"))
        #expect(result.stdout.contains("\(file):2:1: warning:"))
    }

    @Test func badArgumentsAndMissingFilesFail() throws {
        let badDialect = try run(["--dialect", "oracle", try write("c.sql", "SELECT 1")])
        #expect(badDialect.status != 0)
        #expect(badDialect.stderr.contains("unknown dialect 'oracle'"))

        let missing = directory.appendingPathComponent("missing.sql").path
        let result = try run(["--format", "json", missing, try write("d.sql", "SELECT * FROM z")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("missing.sql: error: cannot read file"))
        #expect(result.stdout.contains("\"reads\": [\"z\"]"))
    }
}
