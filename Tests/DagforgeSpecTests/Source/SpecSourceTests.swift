import DagforgeSpec
import Foundation
import DagforgeTestSupport
import Testing

struct SpecSourceTests {
    private func sandboxWithHistory() throws -> (GitRepository, first: String, second: String) {
        let sandbox = try GitRepository()
        try sandbox.write("workflows/daily/extract.sql", "-- datasource: dw\nSELECT 1;\n")
        try sandbox.write("environments/test.yaml", "datasources: { dw: warehouse }\n")
        let first = try sandbox.commitAll("first")
        try sandbox.tag("v1")
        try sandbox.write("workflows/daily/load.sql", "-- upstream: extract\n-- datasource: dw\nSELECT 2;\n")
        let second = try sandbox.commitAll("second")
        return (sandbox, first, second)
    }

    @Test func workingTreeAndRevisionReadIdenticalSpecs() throws {
        let (sandbox, _, second) = try sandboxWithHistory()
        defer { sandbox.remove() }
        let fromTree = try SpecLoader.load(from: WorkingTreeSource(root: sandbox.path))
        let fromRevision = try SpecLoader.load(from: GitRevisionSource(root: sandbox.path, revision: "HEAD"))
        #expect(fromTree.workflows == fromRevision.workflows)
        #expect(fromTree.environments == fromRevision.environments)
        #expect(fromTree.diagnostics == fromRevision.diagnostics)
        #expect(fromTree.revision == SourceRevision(commit: second, isDirty: false, requested: "working tree"))
        #expect(fromRevision.revision.commit == second)
    }

    @Test func revisionsResolveBranchesTagsAndShortSHAs() throws {
        let (sandbox, first, second) = try sandboxWithHistory()
        defer { sandbox.remove() }
        for (revision, expected) in [("main", second), ("HEAD~1", first), ("v1", first), (String(first.prefix(7)), first), (second, second)] {
            let source = try GitRevisionSource(root: sandbox.path, revision: revision)
            #expect(source.revision.commit == expected, "\(revision)")
        }
        #expect(throws: SpecSourceError.self) { try GitRevisionSource(root: sandbox.path, revision: "no-such-branch") }
    }

    @Test func olderRevisionIgnoresNewerUncommittedWork() throws {
        let (sandbox, _, _) = try sandboxWithHistory()
        defer { sandbox.remove() }
        try sandbox.write("workflows/daily/report.sql", "-- upstream: load\n-- datasource: dw\nSELECT 3;\n")
        try sandbox.write("workflows/daily/extract.sql", "-- datasource: dw\nSELECT 'edited';\n")
        let tree = try WorkingTreeSource(root: sandbox.path)
        #expect(try tree.revision.isDirty)
        #expect(try SpecLoader.load(from: tree).workflows[0].tasks.map(\.name) == ["extract", "load", "report"])
        let older = try SpecLoader.load(from: GitRevisionSource(root: sandbox.path, revision: "HEAD~1"))
        #expect(older.workflows[0].tasks.map(\.name) == ["extract"])
        guard case .sql(let text)? = older.workflows[0].tasks.first?.kind else {
            Issue.record("extract is not a SQL task")
            return
        }
        #expect(text.text == "SELECT 1;\n")
        // Reading a revision touched neither the working tree nor the index.
        #expect(try sandbox.git("status", "--porcelain").contains("?? workflows/daily/report.sql"))
    }

    @Test func aPlainFolderIsAWorkingTreeWithoutRevision() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dagforge-plain-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/workflows/w", withIntermediateDirectories: true)
        try Data("SELECT 1;".utf8).write(to: URL(fileURLWithPath: folder + "/workflows/w/a.sql"))
        let repository = try SpecLoader.load(from: WorkingTreeSource(root: folder))
        #expect(repository.revision.commit == nil)
        #expect(repository.workflows.map(\.name) == ["w"])
        #expect(throws: SpecSourceError.self) { try GitRevisionSource(root: folder, revision: "HEAD") }
    }

    @Test func specRootInsideASubfolderReadsTheSameFromARevision() throws {
        let sandbox = try GitRepository()
        defer { sandbox.remove() }
        try sandbox.write("specs/workflows/w/a.sql", "SELECT 1;\n")
        try sandbox.write("README.md", "not a spec")
        try sandbox.commitAll("nested")
        let fromTree = try SpecLoader.load(from: WorkingTreeSource(root: sandbox.path + "/specs"))
        let fromRevision = try SpecLoader.load(from: GitRevisionSource(root: sandbox.path + "/specs", revision: "HEAD"))
        #expect(fromTree.workflows.map(\.name) == ["w"])
        #expect(fromTree.workflows == fromRevision.workflows)
    }
}
