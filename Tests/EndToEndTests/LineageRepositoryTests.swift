import DagforgeTestSupport
import Foundation
import Testing

/// `dagforge lineage` without files, `--files-from`, and inference seen by `validate` and `graph`, all
/// through the built binary on real git repositories.
struct LineageRepositoryTests {
    private static let fixtures = DagforgeBinary.packageRoot.appendingPathComponent("Tests/Fixtures/specs").path

    /// A git repository holding the fixture scenario `name`, committed.
    private func repository(_ name: String) throws -> GitRepository {
        let sandbox = try GitRepository()
        let folder = Self.fixtures + "/" + name
        for entry in try FileManager.default.contentsOfDirectory(atPath: folder) {
            try sandbox.copy(URL(fileURLWithPath: folder + "/" + entry), to: entry)
        }
        _ = try sandbox.commitAll(name)
        return sandbox
    }

    @Test func tableMapListsWritersReadersAndExternalSources() throws {
        let sandbox = try repository("lineage_from_sql")
        defer { sandbox.remove() }
        let text = try DagforgeBinary.run(["lineage"], in: sandbox.path)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("""
            ods.orders
              written by  ods/load_orders  (workflows/ods/load_orders.sql:4:24)
              read by     dw/stage_orders  (workflows/dw/stage_orders.sql:6:27)
            """))
        #expect(text.stdout.contains("external sources (read, written by no task):\n  src.raw_customers\n"))

        let json = try DagforgeBinary.run(["lineage", "--format", "json", "--repo", sandbox.path])
        let document = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(document["external_sources"] as? [String] == ["src.raw_customers", "src.raw_orders"])
        let tables = try #require(document["tables"] as? [[String: Any]])
        let fact = try #require(tables.first { $0["name"] as? String == "dw.fact_orders" })
        #expect((fact["writers"] as? [[String: String]])?.map { $0["task"] } == ["dw/stage_orders"])
        #expect((fact["readers"] as? [[String: String]])?.map { $0["at"] } == ["workflows/dw/daily_summary.sql:3:30"])
        #expect(!tables.contains { $0["name"] as? String == "dw.tmp_orders" && ($0["readers"] as? [Any])?.isEmpty == false },
                "a staging table written earlier in the same script is not a read")
    }

    @Test func tableMapReadsAGitRevision() throws {
        let sandbox = try repository("lineage_from_sql")
        defer { sandbox.remove() }
        try FileManager.default.removeItem(atPath: sandbox.path + "/workflows/dw/daily_summary.sql")
        let working = try DagforgeBinary.run(["lineage"], in: sandbox.path)
        let committed = try DagforgeBinary.run(["lineage", "--rev", "HEAD"], in: sandbox.path)
        #expect(!working.stdout.contains("dw/daily_summary"))
        #expect(committed.stdout.contains("read by     dw/daily_summary"), "\(committed.stderr)")
    }

    @Test func validateAndGraphSeeInferredEdges() throws {
        let sandbox = try repository("lineage_from_sql")
        defer { sandbox.remove() }
        let validate = try DagforgeBinary.run(["validate"], in: sandbox.path)
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        let graph = try DagforgeBinary.run(["graph", "--format", "dot"], in: sandbox.path)
        #expect(graph.stdout.contains(#""ods/load_orders" -> "dw/stage_orders" [label="inferred: ods.orders", style=dashed];"#),
                "\(graph.stdout)")
        #expect(graph.stdout.contains(#""dw/stage_orders" -> "dw/daily_summary" [label="inferred: dw.fact_orders", style=dashed];"#))
        let compile = try DagforgeBinary.run(["compile", "--env", "test", "--workflow", "dw"], in: sandbox.path)
        #expect(compile.stdout.contains(#""name" : "wait.ods.load_orders""#), "\(compile.stderr)")
    }

    @Test func ambiguousWriterAndInferredCycleFailValidation() throws {
        let ambiguous = try repository("lineage_ambiguous_writer")
        defer { ambiguous.remove() }
        let first = try DagforgeBinary.run(["validate"], in: ambiguous.path)
        #expect(first.status == 1)
        #expect(first.stdout.contains("workflows/sales/report.sql:3:22: error[DF501]: table 'dw.sales' read by sales/report is written "
            + "by 2 tasks: sales/load_shop (workflows/sales/load_shop.sql:2:13), sales/load_web (workflows/sales/load_web.sql:2:13)"),
                "\(first.stdout)")

        let cyclic = try repository("lineage_inferred_cycle")
        defer { cyclic.remove() }
        let second = try DagforgeBinary.run(["validate"], in: cyclic.path)
        #expect(second.status == 1)
        #expect(second.stdout.contains("error[DF502]: dependency cycle: "), "\(second.stdout)")
        #expect(second.stdout.contains("(inferred from table 'dw.t1', 'dw.t2')"))
    }

    @Test func filesFromReadsPathsFromAFileOrStandardInput() throws {
        let directory = try TemporaryDirectory(prefix: "dagforge-files-from")
        defer { directory.remove() }
        for (name, sql) in [("a.sql", "insert into x select * from y;"), ("b.sql", "select * from z;")] {
            try sql.write(toFile: directory.path + "/" + name, atomically: true, encoding: .utf8)
        }
        try "a.sql\n\nb.sql\n".write(toFile: directory.path + "/list.txt", atomically: true, encoding: .utf8)
        let expected = #"{"file": "a.sql", "reads": ["y"], "writes": ["x"]}"# + "\n"
            + #"{"file": "b.sql", "reads": ["z"], "writes": []}"# + "\n"
        let fromFile = try DagforgeBinary.run(["lineage", "--format", "json", "--files-from", "list.txt"], in: directory.path)
        #expect(fromFile.stdout == expected, "\(fromFile.stderr)")
        let fromStdin = try DagforgeBinary.run(["lineage", "--format", "json", "--files-from", "-"], in: directory.path,
                                               input: "a.sql\nb.sql\n")
        #expect(fromStdin.stdout == expected)
        let missing = try DagforgeBinary.run(["lineage", "--files-from", "nope.txt"], in: directory.path)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("cannot read --files-from nope.txt"))
        let dialectWithoutFiles = try DagforgeBinary.run(["lineage", "--dialect", "hive"], in: directory.path)
        #expect(dialectWithoutFiles.status != 0)
        #expect(dialectWithoutFiles.stderr.contains("dagforge.yaml"))
    }
}
