import DagforgeWire
import Foundation
import GRDB
import Logging
import Testing
@testable import DagforgeEngine

@Suite("Runtime: back-pressure on claims")
struct LaunchBacklogRuntimeTests {
    private let directory = FileManager.default.temporaryDirectory.appendingPathComponent("backlog-\(UUID().uuidString)")

    /// A store with `count` queued START_PROCESS commands of a one-task SHELL workflow running `script`.
    private func storeWithQueuedRuns(_ count: Int, script: String) async throws -> EngineStore {
        let store = try await EngineStore.seeded(in: directory)
        let admin = try #require(try await store.user(id: 1))
        let project = try await store.createProject(code: 100, name: "p", description: nil, owner: admin)
        let task = TaskDefinition(code: 11, name: "a", taskType: TaskType.shell, taskParams: .object(["rawScript": .string(script)]))
        let draft = WorkflowDraft(projectCode: project.code, name: "wf", description: "", globalParams: "[]", locations: nil,
                                  timeout: 0, executionType: .PARALLEL, tasks: [task],
                                  relations: [ProcessTaskRelation(preTaskCode: 0, postTaskCode: 11)])
        _ = try await store.createDefinition(code: 500, draft: draft, userId: admin.id)
        let command = CommandDraft(commandType: .START_PROCESS, processDefinitionCode: 500, projectCode: project.code,
                                   triggerCode: 1, executorId: admin.id)
        _ = try await store.acceptCommands(Array(repeating: command, count: count))
        return store
    }

    private func count(_ sql: String, in store: EngineStore) async throws -> Int {
        try await store.read { db in try Int.fetchOne(db, sql: sql) ?? 0 }
    }

    @Test("with launches behind, queued runs stay commands: unfinished instances never pass the backlog limit plus the slots")
    func claimsWaitForLaunches() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let runs = 16
        let store = try await storeWithQueuedRuns(runs, script: "sleep 0.1")
        let context = RuntimeContext(store: store, dataDirectory: directory, host: "127.0.0.1:1234", taskSlots: 1,
                                     logger: Logger(label: "test"))
        let runtime = WorkflowRuntime(context: context)
        let loop = Task { await runtime.run(tick: {}) }
        defer { loop.cancel() }

        var peak = 0
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let unfinished = try await count("SELECT count(*) FROM processInstance WHERE state = 'RUNNING_EXECUTION'", in: store)
            peak = max(peak, unfinished)
            if try await count("SELECT count(*) FROM processInstance WHERE state = 'SUCCESS'", in: store) == runs { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(try await count("SELECT count(*) FROM processInstance WHERE state = 'SUCCESS'", in: store) == runs)
        #expect(try await count("SELECT count(*) FROM command WHERE claimedInstanceId IS NULL", in: store) == 0)
        // One slot, a backlog of 4: at most 4 waiting, 1 running and 1 whose task gave its slot back while its end is
        // being recorded (the slot goes to the next task at once); all 16 were queued at once.
        #expect(peak >= 2)
        #expect(peak <= context.launchBacklogLimit + 2)
        #expect(runtime.backlog.held == 0)
    }
}
