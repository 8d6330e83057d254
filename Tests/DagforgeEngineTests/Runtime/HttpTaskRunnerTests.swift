import DagforgeWire
import Foundation
import Hummingbird
import NIOCore
import HummingbirdTesting
import Testing
@testable import DagforgeEngine

@Suite("HTTP runner against a local server")
struct HttpTaskRunnerTests {
    /// Echoes method, query, one header and the body; /status/N answers with status N; /slow answers after 5 s.
    private func app() -> some ApplicationProtocol {
        let router = Router()
        router.on("/echo", method: .post) { request, _ -> String in
            var request = request
            let body = try await request.collectBody(upTo: 1 << 20)
            let token = request.headers[.authorization] ?? "-"
            return "POST \(request.uri.query ?? "") \(token) \(String(buffer: body))"
        }
        router.get("/echo") { request, _ -> String in "GET \(request.uri.query ?? "")" }
        router.get("/slow") { _, _ -> String in
            try await Task.sleep(for: .seconds(5))
            return "late"
        }
        router.get("/status/{code}") { _, context -> Response in
            let code = Int(context.parameters.get("code") ?? "") ?? 500
            return Response(status: .init(code: code))
        }
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }

    private func run(_ params: HttpParameters) async throws -> (TaskOutcome, String) {
        let dir = try temporaryDirectory()
        let run = try makeRun(TaskType.http, taskParams(params), in: dir,
                              global: [Property(prop: "token", value: "secret-1"), Property(prop: "q", value: "v 1")],
                              name: "ping")
        let outcome = await HttpTaskRunner().run(run)
        return (outcome, try logText(run))
    }

    @Test("query, header and body parameters are sent; the response is published as <task>.response")
    func postWithParameters() async throws {
        try await app().test(.live) { client in
            let port = try #require(client.port)
            let (outcome, _) = try await run(HttpParameters(
                url: "http://127.0.0.1:\(port)/echo", httpMethod: .POST,
                httpParams: [.init(prop: "q", httpParametersType: .PARAMETER, value: "${q}"),
                             .init(prop: "Authorization", httpParametersType: .HEADERS, value: "Bearer ${token}"),
                             .init(prop: "day", httpParametersType: .BODY, value: "${system.biz.date}")],
                httpCheckCondition: .BODY_CONTAINS, condition: "Bearer secret-1"))
            #expect(outcome.status == .SUCCESS, "\(outcome.message)")
            #expect(outcome.varPool == [Property(prop: "ping.response", direct: .OUT,
                                                 value: #"POST q=v%201 Bearer secret-1 {"day":"20240229"}"#)])
        }
    }

    @Test("check conditions decide success", arguments: [
        (HttpCheckCondition.STATUS_CODE_DEFAULT, "", "/status/200", true),
        (.STATUS_CODE_DEFAULT, "", "/status/404", false),
        (.STATUS_CODE_CUSTOM, "202", "/status/202", true),
        (.STATUS_CODE_CUSTOM, "202", "/status/200", false),
        (.BODY_CONTAINS, "GET", "/echo", true),
        (.BODY_NOT_CONTAINS, "GET", "/echo", false),
        (.BODY_NOT_CONTAINS, "POST", "/echo", true),
    ])
    func checks(condition: HttpCheckCondition, expected: String, path: String, succeeds: Bool) async throws {
        try await app().test(.live) { client in
            let port = try #require(client.port)
            let (outcome, log) = try await run(HttpParameters(url: "http://127.0.0.1:\(port)\(path)",
                                                              httpCheckCondition: condition, condition: expected))
            #expect((outcome.status == .SUCCESS) == succeeds, "\(log)")
        }
    }

    @Test("an unreachable server fails the task")
    func unreachable() async throws {
        let (outcome, _) = try await run(HttpParameters(url: "http://127.0.0.1:1/none", connectTimeout: 2000, socketTimeout: 2000))
        #expect(outcome.status == .FAILURE)
        #expect(outcome.message.contains("connection failed"))
    }

    @Test("a failing timeout cuts the request off and kills the process sending it")
    func timeout() async throws {
        try await app().test(.live) { client in
            let port = try #require(client.port)
            let started = StartedProcess()
            let run = try makeRun(TaskType.http, taskParams(HttpParameters(url: "http://127.0.0.1:\(port)/slow",
                                                                           connectTimeout: 60_000, socketTimeout: 60_000)),
                                  in: try temporaryDirectory(), timeout: TaskTimeout(limit: .seconds(1), strategy: .FAILED),
                                  processStarted: started.report)
            let outcome = await HttpTaskRunner().run(run)
            #expect(outcome.status == .FAILURE)
            #expect(outcome.message.contains("timed out"))
            let pid = try #require(started.pid)
            #expect(await eventually { processIsGone(pid) })
        }
    }
}
