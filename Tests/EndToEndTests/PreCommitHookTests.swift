import Foundation
import Testing

/// The shipped `.pre-commit-hooks.yaml`, run by the real pre-commit framework (from PyPI, in a venv under
/// /tmp) with the built `dagforge` on PATH, against a git copy of the example spec repository: it passes
/// there, and fails with the diagnostic's location once a broken task is added.
@Suite(.serialized) struct PreCommitHookTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let binDirectory = packageRoot.appendingPathComponent(".build/debug")
    static let venv = URL(fileURLWithPath: "/tmp/dagforge-test-pre-commit-venv")

    @Test func hookPassesOnTheExampleAndFailsOnABrokenTask() throws {
        let dagforge = Self.binDirectory.appendingPathComponent("dagforge")
        try #require(FileManager.default.isExecutableFile(atPath: dagforge.path), "build dagforge first: swift build")
        let preCommit = try Self.installPreCommit()
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("dagforge-pre-commit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let hooks = try Self.hookRepository(in: work.appendingPathComponent("hooks"))
        let specs = try Self.exampleRepository(in: work.appendingPathComponent("specs"), hooks: hooks)
        let environment = [
            "PATH": "\(Self.binDirectory.path):\(ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")",
            "PRE_COMMIT_HOME": work.appendingPathComponent("cache").path,
        ]

        let passing = try Self.run([preCommit.path, "run", "--all-files"], in: specs, environment: environment)
        #expect(passing.status == 0, "\(passing.output)")
        #expect(passing.output.contains("dagforge validate"))

        let workflow = try #require(try FileManager.default.contentsOfDirectory(atPath: specs.appendingPathComponent("workflows").path)
            .filter { !$0.hasPrefix(".") }.sorted().first)
        let broken = "workflows/\(workflow)/broken_task.sql"
        try "-- upstream: no_such_task\nselect 1;\n".write(to: specs.appendingPathComponent(broken), atomically: true, encoding: .utf8)
        try Self.git(["add", "-A"], in: specs)
        let failing = try Self.run([preCommit.path, "run", "--all-files"], in: specs, environment: environment)
        #expect(failing.status == 1, "\(failing.output)")
        #expect(failing.output.contains("\(broken):1:"))
        #expect(failing.output.contains("error[DF201]"))
    }

    /// pre-commit from PyPI in a venv shared by test runs (created once).
    static func installPreCommit() throws -> URL {
        let preCommit = venv.appendingPathComponent("bin/pre-commit")
        if !FileManager.default.isExecutableFile(atPath: preCommit.path) {
            try require(run(["python3", "-m", "venv", venv.path], in: FileManager.default.temporaryDirectory))
            try require(run([venv.appendingPathComponent("bin/pip").path, "install", "-q", "pre-commit"],
                            in: FileManager.default.temporaryDirectory))
        }
        return preCommit
    }

    /// A git repository holding the project's `.pre-commit-hooks.yaml`, as a team's dagforge checkout would.
    static func hookRepository(in directory: URL) throws -> (url: URL, revision: String) {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: packageRoot.appendingPathComponent(".pre-commit-hooks.yaml"),
            to: directory.appendingPathComponent(".pre-commit-hooks.yaml")
        )
        try git(["init", "-q"], in: directory)
        try git(["add", "-A"], in: directory)
        try git(["commit", "-q", "-m", "hooks"], in: directory)
        let revision = try run(["git", "rev-parse", "HEAD"], in: directory).output.trimmingCharacters(in: .whitespacesAndNewlines)
        return (directory, revision)
    }

    /// A git copy of the example spec repository whose pre-commit config uses the hook repository.
    static func exampleRepository(in directory: URL, hooks: (url: URL, revision: String)) throws -> URL {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for item in ["workflows", "environments", "dagforge.yaml"] {
            let source = packageRoot.appendingPathComponent(item)
            if FileManager.default.fileExists(atPath: source.path) {
                try FileManager.default.copyItem(at: source, to: directory.appendingPathComponent(item))
            }
        }
        try """
            repos:
              - repo: \(hooks.url.path)
                rev: \(hooks.revision)
                hooks:
                  - id: dagforge-validate

            """.write(to: directory.appendingPathComponent(".pre-commit-config.yaml"), atomically: true, encoding: .utf8)
        try git(["init", "-q"], in: directory)
        try git(["add", "-A"], in: directory)
        try git(["commit", "-q", "-m", "specs"], in: directory)
        return directory
    }

    static func git(_ arguments: [String], in directory: URL) throws {
        try require(run(["git", "-c", "user.name=dagforge-test", "-c", "user.email=test@dagforge.invalid"] + arguments, in: directory))
    }

    static func require(_ result: (status: Int32, output: String)) throws {
        if result.status != 0 { throw CommandFailure(output: result.output) }
    }

    struct CommandFailure: Error, CustomStringConvertible {
        let output: String
        var description: String { "command failed:\n\(output)" }
    }

    static func run(
        _ arguments: [String], in directory: URL, environment: [String: String] = [:]
    ) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
