import DagforgeWire
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
@testable import DagforgeEngine

@Suite("OpenAPI document")
struct OpenAPIDocumentTests {
    @Test("documents exactly the registered routes, and every documented route is served")
    func matchesRoutes() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("engine-openapi-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try EngineStore(directory: directory)
        let runtime = WorkflowRuntime(context: RuntimeContext(store: store, dataDirectory: directory, host: "127.0.0.1:0",
                                                              taskSlots: 1, logger: Logger(label: "test")))
        let registered = EngineAPI(store: store, runtime: runtime, logger: Logger(label: "test")).endpoints

        let app = try buildEngine(EngineConfiguration(dataDirectory: directory))
        try await app.test(.live) { client in
            let response = try await client.execute(uri: "/dolphinscheduler/openapi.json", method: .get)
            #expect(response.status == .ok)
            let document = try WireJSON.decode(JSONValue.self, from: String(buffer: response.body))
            let paths = try #require(document["paths"]?.objectValue)
            var documented: Set<String> = []
            for (path, operations) in paths {
                for method in (operations.objectValue ?? [:]).keys {
                    documented.insert("\(method.uppercased()) \(path)")
                }
            }
            let routes = Set(registered.map { "\($0.method.rawValue) /dolphinscheduler\($0.path)" })
            #expect(documented == routes)

            // Every documented route exists: without a session it answers 401, an unknown route 404.
            for route in routes where !route.hasSuffix("/login") {
                let parts = route.split(separator: " ", maxSplits: 1)
                let uri = String(parts[1]).replacingOccurrences(of: "\\{[^}]+\\}", with: "1", options: .regularExpression)
                let answer = try await client.execute(uri: uri, method: HTTPRequest.Method(String(parts[0]))!)
                #expect(answer.status == .unauthorized, "\(route)")
            }
            #expect(try await client.execute(uri: "/dolphinscheduler/no-such-endpoint", method: .get).status == .notFound)
        }
    }
}
