import DagforgeWire
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP answer of the engine.
struct EngineResponse {
    let status: Int
    let body: Data
    let headers: [String: String]

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as JSON (the envelope, or a raw export).
    func json() throws -> JSONValue { try WireJSON.decoder().decode(JSONValue.self, from: body) }

    var code: Int? { (try? json())?["code"]?.int64Value.map(Int.init) }
    var msg: String? { (try? json())?["msg"]?.stringValue }
    var data: JSONValue { (try? json())?["data"] ?? .null }
    var success: Bool { (try? json())?["success"] == .bool(true) }
}

/// A minimal client speaking to the engine the way DolphinScheduler's API tests do: parameters in the query
/// string or as form bodies, the session in the `sessionId` header.
final class EngineClient: @unchecked Sendable {
    let base: URL
    var sessionId: String?
    var token: String?
    private let session: URLSession

    init(base: URL) {
        self.base = base
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        session = URLSession(configuration: configuration)
    }

    @discardableResult
    func login(user: String = "admin", password: String) async throws -> EngineResponse {
        let response = try await post("/login", form: ["userName": user, "userPassword": password])
        sessionId = response.data["sessionId"]?.stringValue
        return response
    }

    func get(_ path: String, query: KeyValuePairs<String, String> = [:]) async throws -> EngineResponse {
        try await send("GET", path, query: query.map { ($0.key, $0.value) })
    }

    func post(_ path: String, form: KeyValuePairs<String, String> = [:]) async throws -> EngineResponse {
        try await send("POST", path, body: Data(Self.encode(form.map { ($0.key, $0.value) }).utf8), contentType: "application/x-www-form-urlencoded")
    }

    func put(_ path: String, form: KeyValuePairs<String, String> = [:]) async throws -> EngineResponse {
        try await send("PUT", path, body: Data(Self.encode(form.map { ($0.key, $0.value) }).utf8), contentType: "application/x-www-form-urlencoded")
    }

    func delete(_ path: String, query: KeyValuePairs<String, String> = [:]) async throws -> EngineResponse {
        try await send("DELETE", path, query: query.map { ($0.key, $0.value) })
    }

    func send(_ method: String, _ path: String, query: [(String, String)] = [], body: Data? = nil,
              contentType: String? = nil, headers: [String: String] = [:]) async throws -> EngineResponse {
        // A `?` in `path` starts a query sent exactly as written (the API tests send `?&k=v`).
        let parts = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var components = URLComponents(url: base.appendingPathComponent(String(parts[0])), resolvingAgainstBaseURL: false)!
        if parts.count > 1 { components.percentEncodedQuery = String(parts[1]) }
        if !query.isEmpty { components.percentEncodedQuery = Self.encode(query) }
        var request = URLRequest(url: components.url!)
        request.httpMethod = method
        request.httpBody = body
        if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        if let sessionId { request.setValue(sessionId, forHTTPHeaderField: "sessionId") }
        if let token { request.setValue(token, forHTTPHeaderField: "token") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (key, value) in http.allHeaderFields { fields[String(describing: key).lowercased()] = String(describing: value) }
        return EngineResponse(status: http.statusCode, body: data, headers: fields)
    }

    static func encode(_ pairs: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return pairs.map { name, value in
            "\(name.addingPercentEncoding(withAllowedCharacters: allowed)!)=\(value.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }.joined(separator: "&")
    }
}
