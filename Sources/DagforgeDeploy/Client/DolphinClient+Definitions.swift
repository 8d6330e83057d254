import DagforgeWire
import Foundation

// Workflow (process) definitions and task codes (reference §4.2, §6.6).
extension DolphinClient {
    /// `GET …/process-definition/all`: every definition of the project with its full DAG, in one call.
    public func allDefinitions(project: Int64) async throws -> [DagData] {
        let request = DolphinRequest(.GET, routes.definitions(project: project) + "/all")
        return try decodeArrayEnvelope(try await raw(request), request: request, as: DagData.self)
    }

    /// `GET …/process-definition/query-by-name?name=`; nil when the project has no such workflow (50003 / 10109).
    public func definition(project: Int64, name: String) async throws -> DagData? {
        do {
            return try await call(DolphinRequest(.GET, routes.definitions(project: project) + "/query-by-name",
                                                 [FormField("name", name)]), as: DagData.self)
        } catch let error as DolphinAPIError where error.code == 50003 || error.code == 10109 {
            return nil
        }
    }

    /// `GET …/process-definition/{code}`.
    public func definition(project: Int64, code: Int64) async throws -> DagData {
        try await call(DolphinRequest(.GET, routes.definitions(project: project) + "/\(code)"), as: DagData.self)
    }

    /// `POST …/process-definition` (HTTP 201). The answer's `version`/`releaseState` are not the stored
    /// ones (reference §16.12); only its `code` is used.
    public func createDefinition(project: Int64, _ request: ProcessDefinitionRequest) async throws -> ProcessDefinition {
        try await call(DolphinRequest(.POST, routes.definitions(project: project), try Self.fields(of: request)),
                       as: ProcessDefinition.self)
    }

    /// `PUT …/process-definition/{code}`: full replacement; the definition must be OFFLINE. Every optional
    /// parameter is sent, since an omitted one resets to its default (reference §6.6.3).
    public func updateDefinition(project: Int64, code: Int64, _ request: ProcessDefinitionRequest) async throws {
        let fields = try Self.fields(of: request) + [FormField("releaseState", ReleaseState.OFFLINE.rawValue)]
        try await call(DolphinRequest(.PUT, routes.definitions(project: project) + "/\(code)", fields, retrySafe: true))
    }

    /// `POST …/process-definition/{code}/release` with `releaseState`. OFFLINE also takes the schedule offline.
    public func release(project: Int64, code: Int64, state: ReleaseState) async throws {
        try await call(DolphinRequest(.POST, routes.definitions(project: project) + "/\(code)/release",
                                      [FormField("releaseState", state.rawValue)], retrySafe: true))
    }

    /// `DELETE …/process-definition/{code}`; the definition must be OFFLINE.
    public func deleteDefinition(project: Int64, code: Int64) async throws {
        try await call(DolphinRequest(.DELETE, routes.definitions(project: project) + "/\(code)"))
    }

    /// `POST …/process-definition/batch-export` with `codes`: DolphinScheduler's export file (no envelope).
    public func exportDefinitions(project: Int64, codes: [Int64]) async throws -> [DagDataSchedule] {
        let request = DolphinRequest(.POST, routes.definitions(project: project) + "/batch-export",
                                     [FormField("codes", codes.map(String.init).joined(separator: ","))], retrySafe: true)
        let body = try await raw(request)
        if let status = try? WireJSON.decoder().decode(StatusEnvelope.self, from: body), status.code != 0 {
            throw apiError(code: status.code, msg: status.msg, request: request)
        }
        guard let value = try? WireJSON.decoder().decode(JSONValue.self, from: body),
              let export = try? routes.normalizedResponse(value).decode(as: [DagDataSchedule].self) else {
            throw unexpected(body, request: request)
        }
        return export
    }

    /// `GET …/task-definition/gen-task-codes?genNum=`, in batches of at most 100 (reference §4.2).
    public func generateTaskCodes(project: Int64, count: Int) async throws -> [Int64] {
        var codes: [Int64] = []
        while codes.count < count {
            let batch = min(100, count - codes.count)
            codes += try await call(DolphinRequest(.GET, routes.taskDefinitions(project: project) + "/gen-task-codes",
                                                   [FormField("genNum", String(batch))]), as: [Int64].self)
        }
        return codes
    }

    static func fields(of request: ProcessDefinitionRequest) throws -> [FormField] {
        try request.formFields().map { FormField($0.0, $0.1) }
    }
}
