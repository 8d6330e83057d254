import DagforgeWire
import Foundation
import Glibc

/// Runs one command for a task: streams its output into the task log and the OUT-parameter parser, applies the
/// timeout, kills the whole process group on timeout or cancellation, and maps the exit to a task state.
struct ProcessTaskExecution {
    /// How long to keep reading output after the task's process exited while background children still hold
    /// the pipe open.
    static let outputGrace: Duration = .seconds(2)

    let task: TaskRun
    let arguments: [String]

    func run() async -> TaskOutcome {
        let log = task.log
        let process: SpawnedProcess
        do {
            try TaskFiles.makeDirectory(task.workingDirectory)
            process = try SpawnedProcess(arguments: arguments, environment: ProcessEnvironment(task.environment),
                                         directory: task.workingDirectory.path)
        } catch {
            log.error("\(error)")
            return .failure("\(error)", varPool: task.varPool)
        }
        task.processStarted(process.pid)
        log.info("process \(process.pid) started: \(arguments.joined(separator: " "))")

        let parser = LockedValue(OutputParameterParser())
        let timeout = task.timeout
        let exit = await withTaskCancellationHandler {
            await process.watch(limit: timeout?.limit, grace: Self.outputGrace, timedOut: {
                guard let timeout else { return }
                log.info("task timed out after \(timeout.limit) (timeout strategy \(timeout.strategy.rawValue))")
                if timeout.fails { process.signalGroup() }
            }) { line in
                log.output(line)
                parser.withLock { $0.consume(line: line) }
            }
        } onCancel: {
            process.signalGroup()
        }
        let varPool = VarPool.merge([task.varPool, parser.withLock { $0.outParameters(declaredIn: task.localParams) }])
        return Self.outcome(status: exit.status, timedOut: exit.timedOut && timeout?.fails == true,
                            cancelled: Task.isCancelled, varPool: varPool, log: log)
    }

    private static func outcome(status: Int32, timedOut: Bool, cancelled: Bool, varPool: [Property],
                                log: TaskLogWriter) -> TaskOutcome {
        // Wait status: low 7 bits = terminating signal, else exit code in bits 8-15.
        let signal = status & 0x7f
        let exitCode = signal == 0 ? (status >> 8) & 0xff : 128 + signal
        if cancelled {
            log.info("task stopped; process group killed")
            return TaskOutcome(status: .KILL, varPool: varPool, exitCode: exitCode, message: "stopped")
        }
        if timedOut {
            log.error("task failed: timeout; process group killed")
            return TaskOutcome(status: .FAILURE, varPool: varPool, exitCode: exitCode, message: "timed out")
        }
        if signal != 0 {
            let message = "process killed by signal \(signal)"
            log.error("task failed: \(message)")
            return TaskOutcome(status: .FAILURE, varPool: varPool, exitCode: exitCode, message: message)
        }
        log.info("process exited with status \(exitCode)")
        guard exitCode == 0 else {
            return TaskOutcome(status: .FAILURE, varPool: varPool, exitCode: exitCode,
                               message: "process exited with status \(exitCode)")
        }
        return TaskOutcome(status: .SUCCESS, varPool: varPool, exitCode: 0)
    }
}
