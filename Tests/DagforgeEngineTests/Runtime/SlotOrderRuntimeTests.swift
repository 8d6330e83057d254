import DagforgeWire
import Foundation
import GRDB
import Logging
import Testing
@testable import DagforgeEngine

@Suite("Runtime: worker slots in DolphinScheduler's task order")
struct SlotOrderRuntimeTests {
    private let directory = FileManager.default.temporaryDirectory.appendingPathComponent("slot-order-\(UUID().uuidString)")

    /// A store with `count` queued START_PROCESS commands of a SHELL chain a -> b, each task running `script`.
    private func storeWithQueuedChains(_ count: Int, script: String) async throws -> EngineStore {
        let store = try await EngineStore.seeded(in: directory)
        let admin = try #require(try await store.user(id: 1))
        let project = try await store.createProject(code: 100, name: "p", description: nil, owner: admin)
        let tasks = [11, 12].map { code in
            TaskDefinition(code: Int64(code), name: code == 11 ? "a" : "b", taskType: TaskType.shell,
                           taskParams: .object(["rawScript": .string(script)]))
        }
        let draft = WorkflowDraft(projectCode: project.code, name: "chain", description: "", globalParams: "[]", locations: nil,
                                  timeout: 0, executionType: .PARALLEL, tasks: tasks,
                                  relations: [ProcessTaskRelation(preTaskCode: 0, postTaskCode: 11),
                                              ProcessTaskRelation(preTaskCode: 11, postTaskCode: 12)])
        _ = try await store.createDefinition(code: 500, draft: draft, userId: admin.id)
        let command = CommandDraft(commandType: .START_PROCESS, processDefinitionCode: 500, projectCode: project.code,
                                   triggerCode: 1, executorId: admin.id)
        _ = try await store.acceptCommands(Array(repeating: command, count: count))
        return store
    }

    /// When each task's process started, from the `process N started` line of its log (stamped to the millisecond).
    private func processStarts(in store: EngineStore) async throws -> [String: String] {
        let tasks = try await store.read { db in
            try Row.fetchAll(db, sql: "SELECT processInstanceId, name, logPath FROM taskInstance WHERE flag = 'YES'")
                .map { row in ("\(row["processInstanceId"] as Int64)\(row["name"] as String)", row["logPath"] as String) }
        }
        var starts: [String: String] = [:]
        for (task, logPath) in tasks {
            let log = try String(contentsOfFile: logPath, encoding: .utf8)
            let line = try #require(log.split(separator: "\n").first { $0.contains(" - process ") && $0.contains(" started: ") })
            // "[INFO] yyyy-MM-dd HH:mm:ss.SSS - ...": the stamp sorts as text.
            starts[task] = String(line.dropFirst(7).prefix(23))
        }
        return starts
    }

    @Test("a ready downstream task gets the worker slot before the first tasks of instances started after its own")
    func downstreamBeforeNewerInstances() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try await storeWithQueuedChains(3, script: "sleep 0.3")
        let context = RuntimeContext(store: store, dataDirectory: directory, host: "127.0.0.1:1234", taskSlots: 1,
                                     logger: Logger(label: "test"))
        let runtime = WorkflowRuntime(context: context)
        let loop = Task { await runtime.run(tick: {}) }
        defer { loop.cancel() }

        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let done = try await store.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM processInstance WHERE state = 'SUCCESS'") ?? 0
            }
            if done == 3 { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        let starts = try await processStarts(in: store)
        try #require(starts.count == 6)
        // All three first tasks queue for the one slot at once; instance 1's b queues 0.3 s later, while instance
        // 2's a runs, and still goes before instance 3's a (first come would give the slot to 3a).
        let order = starts.sorted { $0.value < $1.value }.map(\.key)
        #expect(order == ["1a", "2a", "1b", "2b", "3a", "3b"])
    }
}
