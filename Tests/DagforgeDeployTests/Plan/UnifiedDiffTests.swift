@testable import DagforgeDeploy
import Foundation
import Testing

/// Hunks are checked against GNU `diff -u` run on the same texts.
@Suite struct UnifiedDiffTests {
    static let cases: [(String, String)] = [
        ("a\nb\nc\n", "a\nB\nc\n"),
        ("", "one\ntwo\n"),
        ("one\ntwo\n", ""),
        ("select 1\n", "select 1"),
        ((1...30).map { "line \($0)" }.joined(separator: "\n") + "\n",
         (1...30).map { $0 == 3 ? "changed 3" : $0 == 25 ? "changed 25" : "line \($0)" }.joined(separator: "\n") + "\n"),
        ((1...12).map { "l\($0)" }.joined(separator: "\n") + "\n",
         (1...12).map { $0 == 5 ? "x" : "l\($0)" }.joined(separator: "\n") + "\nextra\n"),
        ("insert into t\nselect a\nfrom s;\n", "-- header\ninsert into t\nselect a, b\nfrom s\nwhere ok;\n"),
    ]

    @Test(arguments: cases.indices) func matchesGNUDiff(index: Int) throws {
        let (old, new) = Self.cases[index]
        #expect(UnifiedDiff.hunks(old: old, new: new) == (try Self.gnuDiff(old, new)))
    }

    @Test func equalTextsHaveNoHunks() {
        #expect(UnifiedDiff.hunks(old: "same\n", new: "same\n") == "")
    }

    @Test func editScriptIsMinimal() {
        let a = UnifiedDiff.lines("a\nb\nc\na\nb\nb\na\n"), b = UnifiedDiff.lines("c\nb\na\nb\na\nc\n")
        let changes = UnifiedDiff.edits(a, b).filter { if case .equal = $0 { false } else { true } }
        #expect(changes.count == 5)  // Myers' paper example: D = 5
    }

    static func gnuDiff(_ old: String, _ new: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dagforge-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let a = directory.appendingPathComponent("a"), b = directory.appendingPathComponent("b")
        try Data(old.utf8).write(to: a)
        try Data(new.utf8).write(to: b)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/diff")
        process.arguments = ["-u", a.path, b.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = String(decoding: output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        return lines.dropFirst(2).joined(separator: "\n")
    }
}
