import DagforgeWire
import Foundation
import Synchronization
@testable import DagforgeEngine

/// A fresh temporary directory for one test.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("dagforge-runtime-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Builds a TaskRun in `directory` with parameters resolved for a fixed schedule time.
func makeRun(_ type: String, _ params: JSONValue, in directory: URL, localParams: [Property] = [],
             global: [Property] = [], timeout: TaskTimeout? = nil, name: String = "task",
             processStarted: @escaping @Sendable (Int32) -> Void = { _ in }) throws -> TaskRun {
    let scope = ParameterScope(
        businessTime: BusinessTime(scheduleTime: runtimeWall("2024-03-01 02:00:00", "UTC"), commandType: .SCHEDULER,
                                   timeZone: zone("UTC")),
        global: global, local: localParams)
    return TaskRun(taskName: name, taskType: type, taskParams: params, parameters: try ParameterResolver.resolve(scope),
                   localParams: localParams, workingDirectory: directory.appendingPathComponent("work"),
                   log: try TaskLogWriter(path: directory.appendingPathComponent("task.log")), timeout: timeout,
                   processStarted: processStarted)
}

func logText(_ run: TaskRun) throws -> String {
    try String(contentsOf: run.log.path, encoding: .utf8)
}

/// Whether a process is gone (or only a zombie waiting for a reaper that never comes, as under a container's init).
func processIsGone(_ pid: Int32) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
    guard let close = stat.lastIndex(of: ")") else { return true }
    return stat[stat.index(close, offsetBy: 2)] == "Z"
}

/// Polls `condition` every 20 ms for up to `seconds`.
func eventually(_ seconds: Double = 10, _ condition: () throws -> Bool) async rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return try condition()
}

/// Remembers the pid a runner reports.
final class StartedProcess: Sendable {
    private let value = Mutex<Int32?>(nil)
    var pid: Int32? { value.withLock { $0 } }
    var report: @Sendable (Int32) -> Void { { pid in self.value.withLock { $0 = pid } } }
}

func script(_ text: String) -> JSONValue {
    .object(["rawScript": .string(text), "localParams": .array([]), "resourceList": .array([])])
}
