import DagforgeWire
import Foundation
import Glibc

/// SHELL tasks: the rendered `rawScript` is written to a file in the working directory and run with bash.
public struct ShellTaskRunner: TaskRunner {
    public init() {}

    public func run(_ task: TaskRun) async -> TaskOutcome {
        await ScriptFile(extension: "sh").run(task) { script in ["/bin/bash", script] }
    }
}

/// PYTHON tasks: the rendered `rawScript` is written to a file and run by `$PYTHON_LAUNCHER` (from the task's
/// environment, as DolphinScheduler does), else `python3` from PATH.
public struct PythonTaskRunner: TaskRunner {
    public init() {}

    public func run(_ task: TaskRun) async -> TaskOutcome {
        await ScriptFile(extension: "py").run(task) { script in
            ["/bin/bash", "-c", #"exec "${PYTHON_LAUNCHER:-python3}" "$0""#, script]
        }
    }
}

/// Renders a script task's `rawScript`, writes it next to the task and runs it.
private struct ScriptFile {
    let `extension`: String

    func run(_ task: TaskRun, command: (String) -> [String]) async -> TaskOutcome {
        let script: String
        do {
            let rawScript = try Self.rawScript(of: task)
            guard !rawScript.isEmpty else {
                return fail(task, "rawScript is empty; a \(task.taskType) task needs a script")
            }
            script = try task.parameters.render(Self.unixLineEnds(rawScript))
        } catch let error as ParameterError {
            return fail(task, "parameter error: \(error.message)")
        } catch {
            return fail(task, "taskParams of a \(task.taskType) task cannot be read: \(error)")
        }
        // Joined as text: `appendingPathComponent` parses the URL again for every task.
        let directory = task.workingDirectory.path
        let file = "\(directory)/\(UUID().uuidString)_node.\(`extension`)"
        do {
            try TaskFiles.makeDirectory(path: directory)
            try TaskFiles.writeNew(script, toPath: file)
        } catch {
            return fail(task, "cannot write the script to \(file): \(error)")
        }
        defer { unlink(file) }
        return await ProcessTaskExecution(task: task, arguments: command(file)).run()
    }

    /// `taskParams.rawScript`. Read from the JSON value itself: decoding ``ScriptParameters`` from a `JSONValue`
    /// encodes it to JSON text and parses that again, for every task. Anything but a string there is decoded the
    /// long way, for its error message.
    private static func rawScript(of task: TaskRun) throws -> String {
        if let rawScript = task.taskParams["rawScript"]?.stringValue { return rawScript }
        return try task.taskParams.decode(as: ScriptParameters.self).rawScript
    }

    /// `text` with Windows line ends made Unix ones (bash reads `\r` as part of a command).
    private static func unixLineEnds(_ text: String) -> String {
        text.utf8.contains(UInt8(ascii: "\r")) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
    }

    private func fail(_ task: TaskRun, _ message: String) -> TaskOutcome {
        task.log.error(message)
        return .failure(message, varPool: task.varPool)
    }
}
