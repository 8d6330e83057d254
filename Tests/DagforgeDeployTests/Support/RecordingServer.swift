import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// One request as the test server received it, with its query or form parameters decoded.
struct RecordedRequest: Sendable {
    var method: String
    var path: String
    var headers: [String: String]
    var parameters: [String: String]
    /// Parameter names in the order sent.
    var parameterNames: [String]
    var rawBody: String
}

/// A reply the test server sends: HTTP status and body text.
struct Reply: Sendable {
    var status: Int
    var body: String

    static func ok(_ dataJSON: String, status: Int = 200) -> Reply {
        Reply(status: status, body: #"{"code":0,"msg":"success","data":\#(dataJSON),"success":true,"failed":false}"#)
    }

    static func failure(_ code: Int, _ msg: String, status: Int = 200) -> Reply {
        Reply(status: status, body: #"{"code":\#(code),"msg":"\#(msg)","data":null,"success":false,"failed":true}"#)
    }
}

/// Requests received so far.
actor RequestLog {
    private(set) var requests: [RecordedRequest] = []
    func append(_ request: RecordedRequest) { requests.append(request) }
}

/// A real HTTP server on 127.0.0.1 and a free port that records every request and answers through
/// `handler` (which sees the requests before it, for stateful answers).
enum RecordingServer {
    static func with<T: Sendable>(
        _ handler: @escaping @Sendable (RecordedRequest, [RecordedRequest]) async -> Reply,
        _ body: @Sendable (_ baseURL: String, _ log: RequestLog) async throws -> T
    ) async throws -> T {
        let log = RequestLog()
        let portBox = PortBox()
        let app = Application(
            responder: Responder(log: log, handler: handler),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in await portBox.set(channel.localAddress?.port ?? 0) },
            logger: Self.quietLogger)
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await app.runService(gracefulShutdownSignals: [])
                return nil
            }
            let port = await portBox.wait()
            let result = try await body("http://127.0.0.1:\(port)/dolphinscheduler", log)
            group.cancelAll()
            return result
        }
    }

    private static let quietLogger: Logger = {
        var logger = Logger(label: "recording-server")
        logger.logLevel = .critical
        return logger
    }()

    private actor PortBox {
        private var port: Int?
        private var waiters: [CheckedContinuation<Int, Never>] = []

        func set(_ value: Int) {
            port = value
            waiters.forEach { $0.resume(returning: value) }
            waiters = []
        }

        func wait() async -> Int {
            if let port { return port }
            return await withCheckedContinuation { waiters.append($0) }
        }
    }

    private struct Responder: HTTPResponder {
        typealias Context = BasicRequestContext
        let log: RequestLog
        let handler: @Sendable (RecordedRequest, [RecordedRequest]) async -> Reply

        func respond(to request: Request, context: Context) async throws -> Response {
            let buffer = try await request.body.collect(upTo: 10_000_000)
            let body = String(buffer: buffer)
            let query = request.uri.query ?? ""
            let formText = request.method == .get || request.method == .delete ? query : body
            let pairs = Self.decodeForm(formText)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            let path = request.uri.path
            let recorded = RecordedRequest(
                method: request.method.rawValue, path: path, headers: headers,
                parameters: Dictionary(pairs, uniquingKeysWith: { a, _ in a }), parameterNames: pairs.map(\.0), rawBody: body)
            let before = await log.requests
            await log.append(recorded)
            let reply = await handler(recorded, before)
            return Response(status: .init(code: reply.status), headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(string: reply.body)))
        }

        static func decodeForm(_ text: String) -> [(String, String)] {
            text.split(separator: "&").map { pair in
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                func decode(_ part: Substring) -> String {
                    part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
                }
                return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
            }
        }
    }
}
