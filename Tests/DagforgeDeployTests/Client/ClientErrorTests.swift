@testable import DagforgeDeploy
import DagforgeWire
import Foundation
import Testing

/// Envelope and error handling against a real HTTP server: codes with hints, HTTP 201 errors, 401
/// re-login, retries with backoff, and no secret in any message.
@Suite struct ClientErrorTests {
    static func configuration(_ baseURL: String, _ credentials: DolphinCredentials = .token("s3cret-token")) -> DolphinClientConfiguration {
        DolphinClientConfiguration(baseURL: baseURL, credentials: credentials, timeout: 5, maxAttempts: 3, initialBackoff: 0.01)
    }

    @Test func http201WithErrorCodeIsAnError() async throws {
        try await RecordingServer.with({ _, _ in .failure(10019, "project pv already exists", status: 201) }) { baseURL, _ in
            let client = DolphinClient(configuration: Self.configuration(baseURL))
            let error = await #expect(throws: DolphinAPIError.self) { try await client.createProject(name: "pv") }
            #expect(error?.code == 10019)
            #expect(error?.description.contains("project pv already exists") == true)
            #expect(error?.description.contains("POST /projects") == true)
            #expect(error?.hint.contains("run the command again") == true)
        }
    }

    @Test func missingDefinitionByNameIsNil() async throws {
        try await RecordingServer.with({ _, _ in .failure(50003, "process definition pv does not exist") }) { baseURL, _ in
            let client = DolphinClient(configuration: Self.configuration(baseURL))
            let found = try await client.definition(project: 1, name: "pv")
            #expect(found == nil)
        }
    }

    @Test func reLogsInOnceAfterA401AndNeverLeaksThePassword() async throws {
        let handler: @Sendable (RecordedRequest, [RecordedRequest]) -> Reply = { request, before in
            let logins = before.filter { $0.path.hasSuffix("/login") }.count
            if request.path.hasSuffix("/login") {
                return .ok(#"{"sessionId":"session-\#(logins + 1)","securityConfigType":"PASSWORD"}"#)
            }
            // The first session expires (another login replaced it); the second one works.
            return request.headers["sessionid"] == "session-2" ? .ok(#"["default"]"#) : Reply(status: 401, body: "")
        }
        try await RecordingServer.with(handler) { baseURL, log in
            let client = DolphinClient(configuration: Self.configuration(baseURL, .password(user: "admin", password: "pa55word")))
            let groups = try await client.workerGroupNames()
            #expect(groups == ["default"])
            let requests = await log.requests
            #expect(requests.map(\.path).map { $0.replacingOccurrences(of: "/dolphinscheduler", with: "") }
                    == ["/login", "/worker-groups/all", "/login", "/worker-groups/all"])
            #expect(requests[0].parameters == ["userName": "admin", "userPassword": "pa55word"])
            #expect(requests[1].headers["sessionid"] == "session-1")
            #expect(!"\(client.configuration)".contains("pa55word"))
        }
    }

    @Test func aRejectedTokenIsReportedWithoutTheToken() async throws {
        try await RecordingServer.with({ _, _ in Reply(status: 401, body: "") }) { baseURL, log in
            let client = DolphinClient(configuration: Self.configuration(baseURL))
            let error = await #expect(throws: DolphinAPIError.self) { try await client.listProjects() }
            #expect(error?.kind == .unauthorized)
            #expect(error?.description.contains("s3cret-token") == false)
            #expect(error?.hint.contains("engine.token") == true)
            #expect(await log.requests.first?.headers["token"] == "s3cret-token")
            #expect(await log.requests.count == 1)
        }
    }

    @Test func readsAreRetriedOn5xxWithBackoff() async throws {
        let handler: @Sendable (RecordedRequest, [RecordedRequest]) -> Reply = { _, before in
            before.count < 2 ? Reply(status: 503, body: "busy") : .ok(#"["default"]"#)
        }
        try await RecordingServer.with(handler) { baseURL, log in
            let client = DolphinClient(configuration: Self.configuration(baseURL))
            let groups = try await client.workerGroupNames()
            #expect(groups == ["default"])
            #expect(await log.requests.count == 3)
        }
    }

    @Test func createsAreNotRetried() async throws {
        try await RecordingServer.with({ _, _ in Reply(status: 500, body: "") }) { baseURL, log in
            let client = DolphinClient(configuration: Self.configuration(baseURL))
            let error = await #expect(throws: DolphinAPIError.self) {
                try await client.createDefinition(project: 1, Fixtures.compiled().definition)
            }
            #expect(error?.kind == .httpStatus(500))
            #expect(await log.requests.count == 1)
        }
    }

    @Test func anHTMLPageSaysTheURLIsWrong() async throws {
        try await RecordingServer.with({ _, _ in Reply(status: 200, body: "<!DOCTYPE html><html>UI</html>") }) { baseURL, _ in
            let client = DolphinClient(configuration: Self.configuration(baseURL))
            let error = await #expect(throws: DolphinAPIError.self) { try await client.listProjects() }
            #expect(error?.kind == .unexpectedResponse("an HTML page"))
            #expect(error?.hint.contains("/dolphinscheduler") == true)
        }
    }

    @Test func unreachableEngineIsATransportErrorWithAHint() async throws {
        let client = DolphinClient(configuration: Self.configuration("http://127.0.0.1:1/dolphinscheduler"))
        let error = await #expect(throws: DolphinAPIError.self) { try await client.listProjects() }
        guard case .transport = error?.kind else {
            Issue.record("expected a transport error, got \(String(describing: error))")
            return
        }
        #expect(error?.hint.contains("engine.url") == true)
    }

    @Test func version33ResponsesAreReadWithTheirRenamedKeys() async throws {
        let dag = #"[{"workflowDefinition":{"id":1,"code":5,"name":"wf","version":2,"releaseState":"ONLINE","projectCode":77,"userId":1,"globalParams":"[]","executionType":"PARALLEL","timeout":0,"description":""},"workflowTaskRelationList":[{"name":"","preTaskCode":0,"preTaskVersion":0,"postTaskCode":11,"postTaskVersion":1,"conditionType":"NONE","conditionParams":{},"workflowDefinitionCode":5}],"taskDefinitionList":[{"code":11,"version":1,"name":"t","taskType":"SHELL","taskParams":{"rawScript":"echo","workflowDefinitionCode":1}}]}]"#
        try await RecordingServer.with({ _, _ in .ok(dag) }) { baseURL, _ in
            let client = DolphinClient(configuration: .init(baseURL: baseURL, credentials: .token("t"), apiVersion: .v3_3))
            let dags = try await client.allDefinitions(project: 77)
            #expect(dags.first?.processDefinition.name == "wf")
            #expect(dags.first?.processTaskRelationList.first?.processDefinitionCode == 5)
            // User content inside taskParams keeps its keys.
            #expect(dags.first?.taskDefinitionList.first?.taskParams["workflowDefinitionCode"] == .int(1))
        }
    }
}
