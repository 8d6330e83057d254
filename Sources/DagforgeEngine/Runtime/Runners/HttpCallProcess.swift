import DagforgeHttpCall
import Foundation
import Glibc

/// Sends an HTTP task's request through `dagforge-http-task`, a process of its own beside the engine's
/// executable: URLSession needs libcurl, whose ~25 libraries would otherwise stay mapped in the idle engine
/// (docs/architecture.md). The request goes in a file in the task's working directory; the child writes the
/// response body to a second file and its status (or error) to its output.
struct HttpCallProcess {
    static let executableName = "dagforge-http-task"

    /// `dagforge-http-task` in the directory of the running executable (`dagforge-engine`, or the test runner
    /// in `.build`).
    static let executable: String = {
        let own = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: own).deletingLastPathComponent().appendingPathComponent(executableName).path
    }()

    struct Failure: Error, CustomStringConvertible, LocalizedError {
        let description: String

        var errorDescription: String? { description }
    }

    let task: TaskRun

    /// The response's status code and body; throws ``Failure`` with the request's error, or `CancellationError`
    /// when the calling task was cancelled (the child is killed then).
    func send(_ call: HttpCall) async throws -> (Int, String) {
        let directory = task.workingDirectory
        let name = UUID().uuidString
        let requestFile = directory.appendingPathComponent("\(name)_http_request.json")
        let responseFile = directory.appendingPathComponent("\(name)_http_response")
        defer {
            unlink(requestFile.path)
            unlink(responseFile.path)
        }
        let process: SpawnedProcess
        do {
            try TaskFiles.makeDirectory(directory)
            try TaskFiles.writeNew(String(decoding: try JSONEncoder().encode(call), as: UTF8.self), to: requestFile)
            process = try SpawnedProcess(arguments: [Self.executable, requestFile.path, responseFile.path],
                                         environment: ProcessEnvironment(), directory: directory.path)
        } catch {
            throw Failure(description: "\(error)")
        }
        task.processStarted(process.pid)
        let output = LockedValue<[String]>([])
        // The task's timeout cancels this call (`HttpTaskRunner`), which kills the child.
        let status = await withTaskCancellationHandler {
            await process.watch(limit: nil, grace: ProcessTaskExecution.outputGrace, timedOut: {}) { line in
                output.withLock { $0.append(line) }
            }.status
        } onCancel: {
            process.signalGroup()
        }
        try Task.checkCancellation()
        let lines = output.withLock { $0 }
        let result = lines.last.flatMap { try? JSONDecoder().decode(HttpCallResult.self, from: Data($0.utf8)) }
        if let code = result?.status, status == 0 {
            return (code, String(decoding: try Data(contentsOf: responseFile), as: UTF8.self))
        }
        throw Failure(description: result?.error ?? Self.exitText(status, output: lines))
    }

    private static func exitText(_ status: Int32, output: [String]) -> String {
        let signal = status & 0x7f
        let exit = signal == 0 ? "exited with status \((status >> 8) & 0xff)" : "was killed by signal \(signal)"
        return "\(executableName) \(exit)" + (output.isEmpty ? "" : ": " + output.joined(separator: " "))
    }
}
