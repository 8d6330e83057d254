import Foundation

/// A real git repository in a temp directory, driven through the git CLI.
public struct GitRepository: Sendable {
    public let directory: TemporaryDirectory

    public var path: String { directory.path }

    /// `git init` with a deterministic identity and `main` as the first branch.
    public init() throws {
        directory = try TemporaryDirectory(prefix: "dagforge-repo")
        try git("init", "-q", "-b", "main")
        try git("config", "user.email", "test@dagforge.invalid")
        try git("config", "user.name", "dagforge tests")
        try git("config", "commit.gpgsign", "false")
    }

    @discardableResult
    public func write(_ relativePath: String, _ contents: String) throws -> URL {
        try directory.write(relativePath, contents)
    }

    /// Copies a folder (e.g. a fixture or the example's `workflows/`) into the repository.
    public func copy(_ source: URL, to relativePath: String) throws {
        let target = directory.url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        if FileManager.default.fileExists(atPath: target.path) { try FileManager.default.removeItem(at: target) }
        try FileManager.default.copyItem(at: source, to: target)
    }

    /// Stages everything and commits; returns the new commit's SHA.
    @discardableResult
    public func commitAll(_ message: String) throws -> String {
        try git("add", "-A")
        try git("commit", "-q", "--allow-empty", "-m", message)
        return try head()
    }

    public func head() throws -> String {
        try git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public func tag(_ name: String) throws {
        try git("tag", name)
    }

    @discardableResult
    public func git(_ arguments: String...) throws -> String {
        let result = try ProcessRunner.run(command: "git", arguments, in: path)
        guard result.succeeded else {
            throw GitCommandError(arguments: arguments, stderr: result.stderr)
        }
        return result.stdout
    }

    public func remove() { directory.remove() }
}

public struct GitCommandError: Error, CustomStringConvertible {
    public var arguments: [String]
    public var stderr: String
    public var description: String { "git \(arguments.joined(separator: " ")) failed: \(stderr)" }
}
