import DagforgeWire
import Foundation
import Testing
@testable import DagforgeEngine

@Suite("Engine store")
struct EngineStoreTests {
    private func freshStore() async throws -> (EngineStore, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("engine-store-\(UUID().uuidString)")
        let store = try await EngineStore.seeded(in: directory)
        return (store, directory)
    }

    private func draft(project: Int64, scripts: [String], codes: [Int64], versions: [Int]? = nil) -> WorkflowDraft {
        let tasks = zip(codes, scripts).enumerated().map { index, pair in
            TaskDefinition(code: pair.0, version: versions?[index] ?? 1, name: "t\(index)", taskType: "SHELL",
                           taskParams: .object(["rawScript": .string(pair.1)]))
        }
        let relations = codes.enumerated().map { index, code in
            ProcessTaskRelation(preTaskCode: index == 0 ? 0 : codes[index - 1], postTaskCode: code)
        }
        return WorkflowDraft(projectCode: project, name: "wf", description: "", globalParams: "[]", locations: nil,
                             timeout: 0, executionType: .PARALLEL, tasks: tasks, relations: relations)
    }

    @Test("task versions change only with their content; workflow versions on every update")
    func versioning() async throws {
        let (store, directory) = try await freshStore()
        defer { try? FileManager.default.removeItem(at: directory) }
        let admin = try #require(try await store.user(id: 1))
        let project = try await store.createProject(code: 100, name: "p", description: nil, owner: admin)

        _ = try await store.createDefinition(code: 500, draft: draft(project: project.code, scripts: ["a", "b"], codes: [11, 12]),
                                             userId: admin.id)
        _ = try await store.updateDefinition(code: 500, draft: draft(project: project.code, scripts: ["a", "B"], codes: [11, 12]),
                                             userId: admin.id)
        let dag = try #require(try await store.dagData(code: 500))
        #expect(dag.processDefinition.version == 2)
        #expect(dag.taskDefinitionList.map(\.version).sorted() == [1, 2])
        #expect(dag.processTaskRelationList.first { $0.postTaskCode == 12 }?.postTaskVersion == 2)

        // Sending the old version with its old content pins the DAG back to it.
        _ = try await store.updateDefinition(code: 500, draft: draft(project: project.code, scripts: ["a", "b"], codes: [11, 12]),
                                             userId: admin.id)
        let pinned = try #require(try await store.dagData(code: 500))
        #expect(pinned.processDefinition.version == 3)
        #expect(pinned.taskDefinitionList.first { $0.code == 12 }?.version == 1)

        try await store.switchDefinitionVersion(code: 500, version: 2)
        let switched = try #require(try await store.dagData(code: 500))
        #expect(switched.processDefinition.version == 2)
        #expect(switched.taskDefinitionList.first { $0.code == 12 }?.taskParams["rawScript"] == .string("B"))
    }

    @Test("a login within two hours reuses the session")
    func sessions() async throws {
        let (store, directory) = try await freshStore()
        defer { try? FileManager.default.removeItem(at: directory) }
        let now = Date()
        let first = try await store.openSession(userId: 1, ip: "127.0.0.1", now: now)
        #expect(try await store.openSession(userId: 1, ip: "127.0.0.1", now: now.addingTimeInterval(3600)) == first)
        let later = try await store.openSession(userId: 1, ip: "127.0.0.1", now: now.addingTimeInterval(3 * 7200))
        #expect(later != first)
        #expect(try await store.user(sessionId: first) == nil)
        #expect(try await store.user(sessionId: later)?.userName == "admin")
    }
}
