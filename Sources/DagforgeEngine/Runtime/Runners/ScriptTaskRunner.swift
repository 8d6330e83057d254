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
            let parameters = try task.taskParams.decode(as: ScriptParameters.self)
            guard !parameters.rawScript.isEmpty else {
                return fail(task, "rawScript is empty; a \(task.taskType) task needs a script")
            }
            script = try task.parameters.render(parameters.rawScript.replacingOccurrences(of: "\r\n", with: "\n"))
        } catch let error as ParameterError {
            return fail(task, "parameter error: \(error.message)")
        } catch {
            return fail(task, "taskParams of a \(task.taskType) task cannot be read: \(error)")
        }
        let file = task.workingDirectory.appendingPathComponent("\(UUID().uuidString)_node.\(`extension`)",
                                                            isDirectory: false)
        do {
            try TaskFiles.makeDirectory(task.workingDirectory)
            try TaskFiles.writeNew(script, to: file)
        } catch {
            return fail(task, "cannot write the script to \(file.path): \(error)")
        }
        defer { unlink(file.path) }
        return await ProcessTaskExecution(task: task, arguments: command(file.path)).run()
    }

    private func fail(_ task: TaskRun, _ message: String) -> TaskOutcome {
        task.log.error(message)
        return .failure(message, varPool: task.varPool)
    }
}
