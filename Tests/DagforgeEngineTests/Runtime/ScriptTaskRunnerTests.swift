import DagforgeWire
import Foundation
import Testing
@testable import DagforgeEngine

@Suite("SHELL and PYTHON runners (real processes)")
struct ScriptTaskRunnerTests {
    @Test("a shell script sees rendered parameters, logs its output and publishes OUT parameters")
    func shellSuccess() async throws {
        let dir = try temporaryDirectory()
        let run = try makeRun(TaskType.shell, script("""
            echo "hello ${who} on ${system.biz.date} $[yyyy-MM-dd]"
            echo '${setValue(count=42)}'
            echo 'to stderr' >&2
            """), in: dir, localParams: [Property(prop: "who", value: "dagforge"),
                                         Property(prop: "count", direct: .OUT, type: .INTEGER, value: "")])
        let outcome = await ShellTaskRunner().run(run)
        #expect(outcome.status == .SUCCESS)
        #expect(outcome.exitCode == 0)
        #expect(outcome.varPool == [Property(prop: "count", direct: .OUT, type: .INTEGER, value: "42")])
        let log = try logText(run)
        #expect(log.contains("hello dagforge on 20240229 2024-03-01"))
        #expect(log.contains("to stderr"))
    }

    @Test("the script runs from a file in the task's own working directory (made with its parents), removed afterwards")
    func workingDirectory() async throws {
        let dir = try temporaryDirectory()
        var run = try makeRun(TaskType.shell, script(#"echo "cwd=$(pwd)"; echo "script=$0"; ls"#), in: dir)
        run.workingDirectory = dir.appendingPathComponent("exec/7/42")
        run.log = try TaskLogWriter(path: dir.appendingPathComponent("logs/7/42.log"))
        let outcome = await ShellTaskRunner().run(run)
        #expect(outcome.status == .SUCCESS)
        let lines = try logText(run).split(separator: "\n").map(String.init)
        let workPath = run.workingDirectory.resolvingSymlinksInPath().path
        #expect(lines.contains("cwd=\(workPath)"))
        let scriptLine = try #require(lines.first { $0.hasPrefix("script=") })
        #expect(scriptLine.hasPrefix("script=\(run.workingDirectory.path)/"))
        #expect(scriptLine.hasSuffix("_node.sh"))
        #expect(lines.contains { $0.hasSuffix("_node.sh") && !$0.hasPrefix("script=") }, "ls in the task shows its script")
        #expect(try FileManager.default.contentsOfDirectory(atPath: run.workingDirectory.path).isEmpty)
    }

    @Test("a non-zero exit fails the task with the exit code")
    func exitCode() async throws {
        let outcome = await ShellTaskRunner().run(try makeRun(TaskType.shell, script("echo bad; exit 3"), in: try temporaryDirectory()))
        #expect(outcome.status == .FAILURE)
        #expect(outcome.exitCode == 3)
        #expect(outcome.message.contains("status 3"))
    }

    @Test("a failing timeout kills the whole process group, grandchildren included")
    func timeoutKillsGroup() async throws {
        let dir = try temporaryDirectory()
        let run = try makeRun(TaskType.shell, script("sleep 300 & echo $! > grandchild.pid; wait"), in: dir,
                              timeout: TaskTimeout(limit: .seconds(1), strategy: .FAILED))
        let started = ContinuousClock.now
        let outcome = await ShellTaskRunner().run(run)
        #expect(outcome.status == .FAILURE)
        #expect(outcome.message == "timed out")
        #expect(ContinuousClock.now - started < .seconds(20))
        let pidText = try String(contentsOf: run.workingDirectory.appendingPathComponent("grandchild.pid"), encoding: .utf8)
        let grandchild = try #require(Int32(pidText.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(await eventually { processIsGone(grandchild) })
    }

    @Test("a warn-only timeout logs and lets the task finish")
    func warnTimeout() async throws {
        // The task outlasts the limit by seconds, so the warning comes in time even on a loaded machine.
        let run = try makeRun(TaskType.shell, script("sleep 4; echo done"), in: try temporaryDirectory(),
                              timeout: TaskTimeout(limit: .milliseconds(300), strategy: .WARN))
        let outcome = await ShellTaskRunner().run(run)
        #expect(outcome.status == .SUCCESS)
        #expect(try logText(run).contains("timed out"))
    }

    @Test("output is in the log while the task still runs; stopping kills it and yields KILL")
    func streamingAndStop() async throws {
        let started = StartedProcess()
        let run = try makeRun(TaskType.shell, script("echo first-line; sleep 300"), in: try temporaryDirectory(),
                              processStarted: started.report)
        let running = Task { await ShellTaskRunner().run(run) }
        #expect(try await eventually { try logText(run).contains("first-line") })
        let pid = try #require(started.pid)
        running.cancel()
        let outcome = await running.value
        #expect(outcome.status == .KILL)
        #expect(await eventually { processIsGone(pid) })
    }

    @Test("a restarted engine kills the process group a crashed one left, and only one carrying its mark")
    func orphanedProcess() async throws {
        let started = StartedProcess()
        var run = try makeRun(TaskType.shell, script("sleep 300"), in: try temporaryDirectory(), processStarted: started.report)
        run.environment[OrphanedTaskProcess.markVariable] = "instance-41"
        let running = Task { await ShellTaskRunner().run(run) }
        #expect(await eventually { started.pid != nil })
        let pid = try #require(started.pid)
        #expect(!OrphanedTaskProcess.kill(processGroup: pid, mark: "instance-42"))
        #expect(!processIsGone(pid))
        // Right after spawn the shell may still be exec'ing, when /proc/<pid>/environ reads empty: wait for it.
        #expect(await eventually { OrphanedTaskProcess.kill(processGroup: pid, mark: "instance-41") })
        let outcome = await running.value
        #expect(outcome.status == .FAILURE)
        #expect(await eventually { processIsGone(pid) })
    }

    @Test("a process killed from outside fails the task")
    func killedFromOutside() async throws {
        let outcome = await ShellTaskRunner().run(try makeRun(TaskType.shell, script("kill -9 $$"), in: try temporaryDirectory()))
        #expect(outcome.status == .FAILURE)
        #expect(outcome.message == "process killed by signal 9")
    }

    @Test("a background child holding the output open does not keep the task running")
    func backgroundChild() async throws {
        let started = ContinuousClock.now
        let process = StartedProcess()
        let run = try makeRun(TaskType.shell, script("(sleep 30; echo late) & echo main-done"), in: try temporaryDirectory(),
                              processStarted: process.report)
        let outcome = await ShellTaskRunner().run(run)
        #expect(outcome.status == .SUCCESS)
        #expect(ContinuousClock.now - started < .seconds(15))
        // The background child stays, as under DolphinScheduler; clean it up here.
        if let pid = process.pid { kill(-pid, SIGKILL) }
    }

    @Test("python3 runs PYTHON tasks, with OUT parameters")
    func python() async throws {
        let run = try makeRun(TaskType.python, script("""
            import sys
            print("py ${system.biz.curdate}")
            print("${setValue(answer=%d)}" % (6 * 7))
            sys.exit(0)
            """), in: try temporaryDirectory(), localParams: [Property(prop: "answer", direct: .OUT, value: "")])
        let outcome = await PythonTaskRunner().run(run)
        #expect(outcome.status == .SUCCESS)
        #expect(outcome.varPool.first?.value == "42")
        #expect(try logText(run).contains("py 20240301"))
    }

    @Test("a parameter error fails the task before anything runs")
    func parameterError() async throws {
        let run = try makeRun(TaskType.shell, script("echo $[bogus_format]"), in: try temporaryDirectory())
        let outcome = await ShellTaskRunner().run(run)
        #expect(outcome.status == .FAILURE)
        #expect(outcome.message.contains("$[bogus_format]"))
    }

    @Test("other task types fail with a pointer to a DolphinScheduler cluster")
    func unsupported() async throws {
        let runners = TaskRunners(sqlConnection: { _, _ in .sqlite(path: "/nonexistent") })
        let run = try makeRun("SPARK", .object([:]), in: try temporaryDirectory())
        let outcome = await runners.runner(for: "SPARK").run(run)
        #expect(outcome.status == .FAILURE)
        #expect(outcome.message.contains("SPARK"))
        #expect(outcome.message.contains("DolphinScheduler cluster"))
    }
}
