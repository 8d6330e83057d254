import DagforgeSpec
import DagforgeWire
import Foundation

/// A client for DolphinScheduler's v1 REST API (and the included engine, which speaks it), over libcurl
/// (`HTTPExchange`). This file holds the transport: authentication, retries and the one place where envelopes
/// are decoded; the typed calls live in `DolphinClient+*.swift`.
public actor DolphinClient {
    public nonisolated let configuration: DolphinClientConfiguration
    public nonisolated let routes: DolphinRoutes
    private let handles = CurlHandles()
    private var sessionId: String?
    /// Number of write calls sent (everything but GET and the two reading POSTs); apply reports it.
    public private(set) var writeCalls = 0

    public init(configuration: DolphinClientConfiguration) {
        self.configuration = configuration
        self.routes = DolphinRoutes(version: configuration.apiVersion)
    }

    /// Sends a request and decodes the envelope's `data` as `Payload`. `code != 0` becomes a
    /// `DolphinAPIError` whatever the HTTP status (201 included, reference §1.4).
    public func call<Payload: Decodable & Sendable>(_ request: DolphinRequest, as type: Payload.Type) async throws -> Payload {
        let body = try await send(request)
        return try decodeEnvelope(body, request: request, as: type)
    }

    /// Sends a request whose `data` does not matter, failing only on a non-zero code.
    public func call(_ request: DolphinRequest) async throws {
        let body = try await send(request)
        _ = try decodeEnvelope(body, request: request, as: JSONValue?.self)
    }

    /// Sends a request whose answer is not an envelope (`batch-export`); returns the raw body.
    public func raw(_ request: DolphinRequest) async throws -> Data {
        try await send(request)
    }

    // MARK: Transport

    private func send(_ request: DolphinRequest) async throws -> Data {
        if request.isWrite { writeCalls += 1 }
        var attempt = 1
        var reloggedIn = false
        while true {
            do {
                return try await sendOnce(request)
            } catch let error as DolphinAPIError {
                if case .unauthorized = error.kind, !reloggedIn, case .password = configuration.credentials {
                    // A session may have been replaced by another login or a sign-out (reference §2.2).
                    sessionId = nil
                    reloggedIn = true
                    continue
                }
                guard request.retrySafe, attempt < configuration.maxAttempts, Self.isRetryable(error) else { throw error }
                let delay = configuration.initialBackoff * pow(2, Double(attempt - 1))
                try await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
                attempt += 1
            }
        }
    }

    private static func isRetryable(_ error: DolphinAPIError) -> Bool {
        switch error.kind {
        case .transport: true
        case .httpStatus(let status): status >= 500
        default: false
        }
    }

    private func sendOnce(_ request: DolphinRequest) async throws -> Data {
        var exchange = try request.exchange(baseURL: configuration.baseURL, timeout: configuration.timeout)
        switch configuration.credentials {
        case .token(let token):
            exchange.headers["token"] = token
        case .password:
            exchange.headers["sessionId"] = try await currentSession()
        }
        let (data, status) = try await transfer(exchange, request: request)
        try check(status: status, request: request)
        return data
    }

    private func transfer(_ exchange: HTTPExchange, request: DolphinRequest) async throws -> (Data, Int) {
        do {
            return try await exchange.perform(reusing: handles)
        } catch {
            throw DolphinAPIError(
                kind: .transport("\(error)"), method: request.method.rawValue,
                path: request.path,
                hint: "cannot reach \(configuration.baseURL): is the engine running? check engine.url in the environment file")
        }
    }

    private func check(status: Int, request: DolphinRequest) throws {
        switch status {
        case 200, 201: return
        case 401:
            let hint = switch configuration.credentials {
            case .token: "the engine rejected the access token (unknown or expired): create a new token and set engine.token"
            case .password: "the engine rejected the session even after logging in again: check the user is enabled"
            }
            throw DolphinAPIError(kind: .unauthorized, method: request.method.rawValue, path: request.path, hint: hint)
        default:
            throw DolphinAPIError(
                kind: .httpStatus(status), method: request.method.rawValue, path: request.path,
                hint: status >= 500 ? "the engine failed internally: see its log, then run again"
                    : "engine.url must point at the API root, e.g. http://host:12345/dolphinscheduler")
        }
    }

    // MARK: Session

    private func currentSession() async throws -> String {
        if let sessionId { return sessionId }
        guard case .password(let user, let password) = configuration.credentials else { return "" }
        let login = DolphinRequest(.POST, "/login", [FormField("userName", user), FormField("userPassword", password)],
                                   retrySafe: true)
        let exchange = try login.exchange(baseURL: configuration.baseURL, timeout: configuration.timeout)
        let (data, status) = try await transfer(exchange, request: login)
        try check(status: status, request: login)
        let result = try decodeEnvelope(data, request: login, as: LoginResult.self)
        sessionId = result.sessionId
        return result.sessionId
    }

    // MARK: Envelope

    /// The one place an envelope is read. 3.2 answers decode straight into the payload type; 3.3 answers
    /// go through a key rename first (reference §15).
    nonisolated func decodeEnvelope<Payload: Decodable>(_ body: Data, request: DolphinRequest,
                                                        as type: Payload.Type) throws -> Payload {
        let decoder = WireJSON.decoder()
        if routes.version == .v3_2, let envelope = try? decoder.decode(DecodedEnvelope<Payload>.self, from: body) {
            if envelope.code != 0 { throw apiError(code: envelope.code, msg: envelope.msg, request: request) }
            if let data = envelope.data { return data }
        }
        guard let status = try? decoder.decode(StatusEnvelope.self, from: body) else {
            throw unexpected(body, request: request)
        }
        if status.code != 0 { throw apiError(code: status.code, msg: status.msg, request: request) }
        do {
            let value = try decoder.decode(DataOnly.self, from: body).data
            return try routes.normalizedResponse(value).decode(as: type)
        } catch {
            throw DolphinAPIError(
                kind: .unexpectedResponse("data does not match \(Payload.self): \(error)"),
                method: request.method.rawValue, path: request.path,
                hint: "the engine's answer differs from DolphinScheduler \(routes.version.rawValue): check engine.api")
        }
    }

    /// An envelope whose `data` is a large array, decoded element by element on all cores. Anything
    /// unexpected goes through `decodeEnvelope`, which reports it.
    nonisolated func decodeArrayEnvelope<Element: Decodable & Sendable>(_ body: Data, request: DolphinRequest,
                                                                       as type: Element.Type) throws -> [Element] {
        guard routes.version == .v3_2, let array = EnvelopeArray(body),
              let status = try? WireJSON.decoder().decode(StatusEnvelope.self, from: array.envelope), status.code == 0 else {
            return try decodeEnvelope(body, request: request, as: [Element].self)
        }
        let elements = array.elements.concurrentMap { try? WireJSON.decoder().decode(Element.self, from: body[$0]) }
        guard !elements.contains(where: { $0 == nil }) else { return try decodeEnvelope(body, request: request, as: [Element].self) }
        return elements.compactMap { $0 }
    }

    nonisolated func apiError(code: Int, msg: String, request: DolphinRequest) -> DolphinAPIError {
        DolphinAPIError(kind: .api(code: code, message: msg), method: request.method.rawValue, path: request.path,
                        hint: DolphinAPIError.hint(forCode: code))
    }

    nonisolated func unexpected(_ body: Data, request: DolphinRequest) -> DolphinAPIError {
        let text = String(decoding: body.prefix(200), as: UTF8.self)
        let looksLikeHTML = text.lowercased().contains("<html") || text.lowercased().contains("<!doctype")
        return DolphinAPIError(
            kind: .unexpectedResponse(looksLikeHTML ? "an HTML page" : body.isEmpty ? "an empty body" : "not JSON"),
            method: request.method.rawValue, path: request.path,
            hint: looksLikeHTML
                ? "unknown paths answer with the web UI: engine.url must end with the context path, e.g. /dolphinscheduler, and engine.api must match the server (3.2 or 3.3)"
                : "the server at engine.url does not speak DolphinScheduler's API")
    }
}

/// The envelope with `data` decoded as the payload; `data: null` decodes as nil.
private struct DecodedEnvelope<Payload: Decodable>: Decodable {
    var code: Int
    var msg: String
    var data: Payload?

    enum CodingKeys: String, CodingKey { case code, msg, data }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(Int.self, forKey: .code)
        msg = (try? c.decodeIfPresent(String.self, forKey: .msg)) ?? ""
        data = code == 0 ? try c.decodeIfPresent(Payload.self, forKey: .data) : nil
    }
}

private struct DataOnly: Decodable {
    var data: JSONValue

    enum CodingKeys: String, CodingKey { case data }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        data = (try c.decodeIfPresent(JSONValue.self, forKey: .data)) ?? .null
    }
}
