import DagforgeWire
import Foundation
import GRDB
import Testing
@testable import DagforgeEngine

@Suite("Store: a step of an instance's walk")
struct WalkStepTests {
    private let directory = FileManager.default.temporaryDirectory.appendingPathComponent("walk-step-\(UUID().uuidString)")
    private let tasks = [TaskDefinition(code: 11, name: "a", taskType: TaskType.shell, taskParams: .object(["rawScript": .string("true")])),
                         TaskDefinition(code: 12, name: "b", taskType: TaskType.shell, taskParams: .object(["rawScript": .string("true")]))]

    /// A store with one claimed instance of the workflow a -> b; returns the instance id.
    private func storeWithInstance() async throws -> (EngineStore, Int64) {
        let store = try await EngineStore.seeded(in: directory)
        let admin = try #require(try await store.user(id: 1))
        let project = try await store.createProject(code: 100, name: "p", description: nil, owner: admin)
        let draft = WorkflowDraft(projectCode: project.code, name: "wf", description: "", globalParams: "[]", locations: nil,
                                  timeout: 0, executionType: .PARALLEL, tasks: tasks,
                                  relations: [ProcessTaskRelation(preTaskCode: 0, postTaskCode: 11),
                                              ProcessTaskRelation(preTaskCode: 11, postTaskCode: 12)])
        _ = try await store.createDefinition(code: 500, draft: draft, userId: admin.id)
        try await store.acceptCommands([CommandDraft(commandType: .START_PROCESS, processDefinitionCode: 500,
                                                     projectCode: project.code, triggerCode: 1, executorId: admin.id)])
        let instance = try #require(try await store.claimCommands(limit: 1, host: "127.0.0.1:1234").first)
        return (store, instance)
    }

    private func start(_ task: TaskDefinition, of instance: Int64) -> TaskStartDraft {
        TaskStartDraft(processInstanceId: instance, task: task, taskParams: task.taskParams.compactString(), retryTimes: 0,
                       priority: .MEDIUM, workerGroup: "default", host: "127.0.0.1:1234")
    }

    private func record(_ step: WalkStep, in store: EngineStore) async throws -> [TaskStart] {
        try await store.recordStep(step, logDirectory: directory.appendingPathComponent("logs"),
                                   executeDirectory: directory.appendingPathComponent("exec"))
    }

    private func startedId(_ start: TaskStart?) throws -> Int64 {
        guard case .started(let id, _, _) = try #require(start) else {
            Issue.record("expected a started task instance, got \(String(describing: start))")
            return 0
        }
        return id
    }

    @Test("an upstream task's end and its downstream task's start share one commit; the last step ends the instance")
    func oneCommitPerStep() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let (store, instance) = try await storeWithInstance()
        let first = try await record(WalkStep(ended: nil, starting: [start(tasks[0], of: instance)]), in: store)
        guard case .started(let a, let logPath, let executePath) = try #require(first.first) else {
            Issue.record("task a did not start: \(first)")
            return
        }
        #expect(logPath == directory.appendingPathComponent("logs/\(instance)/\(a).log").path)
        #expect(executePath == directory.appendingPathComponent("exec/\(instance)/\(a)").path)

        let counter = CommitCounter()
        store.pool.add(transactionObserver: counter, extent: .databaseLifetime)
        let pool = [Property(prop: "out", direct: .OUT, type: .VARCHAR, value: "1")]
        let second = try await record(WalkStep(ended: TaskEnd(taskInstanceId: a, status: .SUCCESS, varPool: pool),
                                               starting: [start(tasks[1], of: instance)]), in: store)
        #expect(counter.commits.withLock { $0 } == 1)
        let b = try startedId(second.first)
        let recordedA = try #require(try await store.taskInstance(id: a)).task
        #expect(recordedA.state == .SUCCESS)
        #expect(recordedA.endTime != nil)
        #expect(try #require(try await store.taskInstance(id: b)).task.state == .RUNNING_EXECUTION)

        _ = try await record(WalkStep(ended: TaskEnd(taskInstanceId: b, status: .SUCCESS, varPool: []), starting: [],
                                      instanceEnd: InstanceEnd(instanceId: instance, state: .SUCCESS, varPool: pool)),
                             in: store)
        #expect(counter.commits.withLock { $0 } == 2)
        let ended = try #require(try await store.processInstance(id: instance, withDag: false))
        #expect(ended.state == .SUCCESS)
        #expect(ended.endTime != nil)
    }

    @Test("starting a task that already succeeded in the instance returns that success and records nothing")
    func neverTwice() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let (store, instance) = try await storeWithInstance()
        let a = try startedId(try await record(WalkStep(ended: nil, starting: [start(tasks[0], of: instance)]), in: store).first)
        _ = try await record(WalkStep(ended: TaskEnd(taskInstanceId: a, status: .SUCCESS, varPool: []), starting: []), in: store)

        let again = try await record(WalkStep(ended: nil, starting: [start(tasks[0], of: instance)]), in: store)
        guard case .alreadySucceeded(let stored) = try #require(again.first) else {
            Issue.record("task a was started a second time: \(again)")
            return
        }
        #expect(stored.taskInstanceId == a)
        #expect(try await store.taskInstances(processInstanceId: instance).count == 1)
    }
}
