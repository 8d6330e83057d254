import DagforgeSpec
import DagforgeTestSupport
import Foundation
import Testing

/// `ChangedFiles.since` against real git repositories: committed, staged, unstaged, untracked, renamed
/// and deleted spec files count; files outside the spec format do not.
struct ChangedFilesTests {
    @Test func everyKindOfChangeSinceARevision() throws {
        let sandbox = try GitRepository()
        defer { sandbox.remove() }
        try sandbox.write("workflows/a/one.sql", "SELECT 1;\n")
        try sandbox.write("workflows/b/two.sql", "SELECT 2;\n")
        try sandbox.write("workflows/c/three.sql", "SELECT 3;\n")
        try sandbox.write("workflows/d/four.sql", "SELECT 4;\n")
        try sandbox.write("workflows/e/five.sql", "SELECT 5;\n")
        try sandbox.write("workflows/f/six.sql", "SELECT 6;\n")
        try sandbox.write("README.md", "specs\n")
        try sandbox.commitAll("base")
        try sandbox.tag("base")
        #expect(try ChangedFiles.since("base", root: sandbox.path).isEmpty)

        try sandbox.write("workflows/a/one.sql", "SELECT 10;\n")
        try sandbox.commitAll("committed change")
        try sandbox.write("workflows/b/two.sql", "SELECT 20;\n")
        try sandbox.git("add", "workflows/b/two.sql")
        try sandbox.write("workflows/c/three.sql", "SELECT 30;\n")
        try sandbox.write("workflows/g/new.sql", "SELECT 7;\n")
        try FileManager.default.createDirectory(atPath: sandbox.path + "/workflows/h", withIntermediateDirectories: true)
        try sandbox.git("mv", "workflows/d/four.sql", "workflows/h/four.sql")
        try sandbox.git("rm", "-q", "workflows/e/five.sql")
        try sandbox.write("README.md", "changed, but not a spec\n")

        let changed = try ChangedFiles.since("base", root: sandbox.path)
        #expect(changed == [
            "workflows/a/one.sql", "workflows/b/two.sql", "workflows/c/three.sql", "workflows/g/new.sql",
            "workflows/d/four.sql", "workflows/h/four.sql", "workflows/e/five.sql",
        ])
        #expect(try ChangedFiles.since("HEAD", root: sandbox.path).contains("workflows/a/one.sql") == false)
    }

    @Test func pathsAreRelativeToASpecRootInsideTheCheckout() throws {
        let sandbox = try GitRepository()
        defer { sandbox.remove() }
        try sandbox.write("specs/workflows/a/one.sql", "SELECT 1;\n")
        try sandbox.write("other/workflows/x/ignored.sql", "SELECT 1;\n")
        try sandbox.commitAll("base")
        try sandbox.write("specs/environments/prod.yaml", "variables: {}\n")
        try sandbox.write("other/workflows/x/ignored.sql", "SELECT 2;\n")
        #expect(try ChangedFiles.since("HEAD", root: sandbox.path + "/specs") == ["environments/prod.yaml"])
    }

    @Test func anUnknownRevisionIsAnErrorThatNamesIt() throws {
        let sandbox = try GitRepository()
        defer { sandbox.remove() }
        try sandbox.write("workflows/a/one.sql", "SELECT 1;\n")
        try sandbox.commitAll("base")
        #expect {
            try ChangedFiles.since("no-such-branch", root: sandbox.path)
        } throws: { error in
            (error as? SpecSourceError)?.description.contains("revision 'no-such-branch' not found") == true
        }
    }
}
