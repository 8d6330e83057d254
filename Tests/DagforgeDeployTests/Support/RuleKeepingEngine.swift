@testable import DagforgeDeploy
import DagforgeWire
import Foundation

/// A small stand-in for DolphinScheduler's project, definition and schedule endpoints, enforcing the
/// release-state rules an apply must respect (reference §10.2): update/delete only OFFLINE, schedules
/// created and put online only for ONLINE workflows, OFFLINE cascading to the schedule. It lets the
/// Applier's call order be checked over real HTTP before the included engine is merged; the end-to-end
/// tests run against the real engine.
actor RuleKeepingEngine {
    var project: Project?
    var definitions: [DagData] = []
    var schedules: [Schedule] = []
    private var nextCode: Int64 = 90_000
    /// Fail the next write whose path ends with this suffix (to simulate a crash mid-apply).
    var failWriteOnce: String?

    init(snapshot: EngineSnapshot? = nil) {
        project = snapshot?.project
        definitions = snapshot?.definitions ?? []
        schedules = snapshot?.schedules ?? []
    }

    func setFailure(_ suffix: String?) { failWriteOnce = suffix }

    func handle(_ request: RecordedRequest) -> Reply {
        let path = request.path.replacingOccurrences(of: "/dolphinscheduler", with: "")
        let parts = path.split(separator: "/").map(String.init)
        // `/projects/77/schedules/9/online` → route `projects/{}/schedules/{}/online`, ids ["77", "9"].
        let route = parts.map { $0.allSatisfy(\.isNumber) ? "{}" : $0 }.joined(separator: "/")
        let code = parts.count > 3 ? parts[3] : ""
        let id = code
        let p = request.parameters
        if request.method != "GET", let suffix = failWriteOnce, path.hasSuffix(suffix) {
            failWriteOnce = nil
            return Reply(status: 500, body: "")
        }
        switch (request.method, route) {
        case ("GET", "projects/list"):
            return .ok(json(project.map { [$0] } ?? []))
        case ("POST", "projects"):
            project = Project(id: 1, userId: 1, userName: nil, code: 77, name: p["projectName"] ?? "", description: nil,
                              createTime: nil, updateTime: nil)
            return .ok(json(project), status: 201)
        case ("GET", "datasources"):
            return .ok(json(PageInfo(items: Fixtures.dataSources, total: Fixtures.dataSources.count, currentPage: 1, pageSize: 100)))
        case ("GET", "environment/query-environment-list"):
            return .ok("[]")
        case ("GET", "projects/{}/process-definition/all"):
            return .ok(json(definitions))
        case ("POST", "projects/{}/schedules/list"):
            return .ok(json(schedules))
        case ("GET", "projects/{}/task-definition/gen-task-codes"):
            let count = Int(p["genNum"] ?? "1") ?? 1
            return .ok(json((0..<count).map { _ in newCode() }))
        case ("POST", "projects/{}/process-definition"):
            guard let request = definitionRequest(p) else { return .failure(50017, "data not valid", status: 201) }
            if definitions.contains(where: { $0.processDefinition.name == request.name }) { return .failure(10168, "exists") }
            let dag = Fixtures.dag(from: request, code: newCode(), version: 1, release: .OFFLINE)
            definitions.append(dag)
            return .ok(json(dag.processDefinition), status: 201)
        case ("PUT", "projects/{}/process-definition/{}"):
            guard let index = index(code) else { return .failure(50003, "does not exist") }
            guard definitions[index].processDefinition.releaseState == .OFFLINE else { return .failure(50008, "does not allow edit") }
            guard let request = definitionRequest(p) else { return .failure(50017, "data not valid") }
            let version = definitions[index].processDefinition.version + 1
            definitions[index] = Fixtures.dag(from: request, code: Int64(code)!, version: version, release: .OFFLINE)
            return .ok(json(definitions[index].processDefinition))
        case ("POST", "projects/{}/process-definition/{}/release"):
            guard let index = index(code) else { return .failure(50003, "does not exist") }
            let state = ReleaseState(rawValue: p["releaseState"] ?? "") ?? .OFFLINE
            definitions[index].processDefinition.releaseState = state
            if state == .OFFLINE {
                for s in schedules.indices where schedules[s].processDefinitionCode == Int64(code)! { schedules[s].releaseState = .OFFLINE }
            }
            return .ok("true")
        case ("DELETE", "projects/{}/process-definition/{}"):
            guard let index = index(code) else { return .failure(50003, "does not exist") }
            guard definitions[index].processDefinition.releaseState == .OFFLINE else { return .failure(50021, "already online") }
            definitions.remove(at: index)
            schedules.removeAll { $0.processDefinitionCode == Int64(code)! }
            return .ok("null")
        case ("POST", "projects/{}/schedules"):
            let definitionCode = Int64(p["processDefinitionCode"] ?? "") ?? 0
            guard let index = index(String(definitionCode)), definitions[index].processDefinition.releaseState == .ONLINE else {
                return .failure(50004, "not online")
            }
            guard let param = try? WireJSON.decode(ScheduleParam.self, from: p["schedule"] ?? "") else { return .failure(10076, "error") }
            let schedule = Schedule(
                id: schedules.count + 1, processDefinitionCode: definitionCode, startTime: param.startTime, endTime: param.endTime,
                timezoneId: param.timezoneId, crontab: param.crontab, failureStrategy: FailureStrategy(rawValue: p["failureStrategy"] ?? "") ?? .CONTINUE,
                warningType: WarningType(rawValue: p["warningType"] ?? "") ?? .NONE, userId: 1, releaseState: .OFFLINE,
                warningGroupId: Int(p["warningGroupId"] ?? "1") ?? 1,
                processInstancePriority: Priority(rawValue: p["processInstancePriority"] ?? ""), workerGroup: p["workerGroup"] ?? "default",
                tenantCode: p["tenantCode"], environmentCode: Int64(p["environmentCode"] ?? "-1") ?? -1)
            schedules.append(schedule)
            return .ok(json(schedule), status: 201)
        case ("PUT", "projects/{}/schedules/{}"):
            guard let s = schedules.firstIndex(where: { String($0.id) == id }) else { return .failure(10203, "does not exist") }
            guard schedules[s].releaseState == .OFFLINE else { return .failure(10023, "online status does not allow update") }
            guard let param = try? WireJSON.decode(ScheduleParam.self, from: p["schedule"] ?? "") else { return .failure(10140, "error") }
            schedules[s].crontab = param.crontab
            schedules[s].startTime = param.startTime
            schedules[s].endTime = param.endTime
            schedules[s].timezoneId = param.timezoneId
            return .ok(json(schedules[s]))
        case ("POST", "projects/{}/schedules/{}/online"), ("POST", "projects/{}/schedules/{}/offline"):
            guard let s = schedules.firstIndex(where: { String($0.id) == id }) else { return .ok("true") }
            let action = parts.last ?? ""
            if action == "online" {
                guard let index = index(String(schedules[s].processDefinitionCode)),
                      definitions[index].processDefinition.releaseState == .ONLINE else { return .failure(50004, "not online") }
            }
            schedules[s].releaseState = action == "online" ? .ONLINE : .OFFLINE
            return .ok("true")
        case ("DELETE", "projects/{}/schedules/{}"):
            guard let s = schedules.firstIndex(where: { String($0.id) == id }) else { return .failure(10203, "does not exist") }
            guard schedules[s].releaseState == .OFFLINE else { return .failure(50023, "already online") }
            schedules.remove(at: s)
            return .ok("null")
        default:
            return .failure(10000, "Internal Server Error: unknown endpoint \(request.method) \(path)")
        }
    }

    private func index(_ code: String) -> Int? {
        definitions.firstIndex { String($0.processDefinition.code) == code }
    }

    private func newCode() -> Int64 {
        nextCode += 1
        return nextCode
    }

    private func definitionRequest(_ p: [String: String]) -> ProcessDefinitionRequest? {
        guard let tasks = try? WireJSON.decode([TaskDefinition].self, from: p["taskDefinitionJson"] ?? ""),
              let relations = try? WireJSON.decode([ProcessTaskRelation].self, from: p["taskRelationJson"] ?? ""),
              !tasks.isEmpty, !relations.isEmpty else { return nil }
        return ProcessDefinitionRequest(
            name: p["name"] ?? "", description: p["description"] ?? "",
            globalParams: (try? WireJSON.decode([Property].self, from: p["globalParams"] ?? "[]")) ?? [],
            timeout: Int(p["timeout"] ?? "0") ?? 0,
            executionType: ProcessExecutionType(rawValue: p["executionType"] ?? "") ?? .PARALLEL,
            taskDefinitionJson: tasks, taskRelationJson: relations,
            locations: (try? WireJSON.decode([Location].self, from: p["locations"] ?? "[]")) ?? [])
    }

    private func json<T: Encodable>(_ value: T) -> String {
        (try? WireJSON.string(value)) ?? "null"
    }
}
