import Foundation

/// What a finished subprocess left behind.
public struct ProcessResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public var succeeded: Bool { status == 0 }
}

/// Runs real subprocesses for end-to-end tests.
public enum ProcessRunner {
    /// Runs `executable` with `arguments` to completion. Output is collected through temp files, so a
    /// chatty process can never block on a full pipe.
    public static func run(
        _ executable: String, _ arguments: [String], in directory: String? = nil,
        environment: [String: String] = [:], input: String? = nil
    ) throws -> ProcessResult {
        let scratch = try TemporaryDirectory(prefix: "dagforge-proc")
        defer { scratch.remove() }
        let outURL = scratch.url.appendingPathComponent("out")
        let errURL = scratch.url.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardOutput = outHandle
        process.standardError = errHandle
        let inputPipe = Pipe()
        process.standardInput = inputPipe
        try process.run()
        if let input { inputPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try? inputPipe.fileHandleForWriting.close()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return ProcessResult(
            status: process.terminationStatus,
            stdout: try String(contentsOf: outURL, encoding: .utf8),
            stderr: try String(contentsOf: errURL, encoding: .utf8)
        )
    }

    /// Runs a command found on PATH (e.g. `git`, `python3`).
    public static func run(
        command: String, _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:]
    ) throws -> ProcessResult {
        try run("/usr/bin/env", [command] + arguments, in: directory, environment: environment)
    }
}
