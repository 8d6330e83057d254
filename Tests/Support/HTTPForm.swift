import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A tiny synchronous HTTP client for tests, speaking DolphinScheduler's form-encoded style.
public enum HTTPForm {
    public struct Response: Sendable {
        public var status: Int
        public var body: String
        public var headers: [String: String]

        /// The body parsed as a JSON object, if it is one.
        public var json: [String: Any]? {
            (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any]
        }

        /// The envelope's `code`, if the body is an envelope.
        public var code: Int? { json?["code"] as? Int }
    }

    public static func post(_ url: String, _ form: [String: String] = [:], headers: [String: String] = [:]) throws -> Response {
        try send("POST", url, form: form, headers: headers)
    }

    public static func put(_ url: String, _ form: [String: String] = [:], headers: [String: String] = [:]) throws -> Response {
        try send("PUT", url, form: form, headers: headers)
    }

    public static func get(_ url: String, query: [String: String] = [:], headers: [String: String] = [:]) throws -> Response {
        let full = query.isEmpty ? url : "\(url)?\(encode(query))"
        return try send("GET", full, form: nil, headers: headers)
    }

    public static func delete(_ url: String, headers: [String: String] = [:]) throws -> Response {
        try send("DELETE", url, form: nil, headers: headers)
    }

    public static func send(
        _ method: String, _ url: String, form: [String: String]?, headers: [String: String] = [:],
        rawBody: Data? = nil, contentType: String? = nil
    ) throws -> Response {
        guard let target = URL(string: url) else { throw URLError(.badURL) }
        var request = URLRequest(url: target, timeoutInterval: 30)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let form {
            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(encode(form).utf8)
        } else if let rawBody {
            request.setValue(contentType ?? "application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = rawBody
        }
        let box = ResponseBox()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, response, error in
            box.set(data: data, response: response as? HTTPURLResponse, error: error)
            done.signal()
        }.resume()
        done.wait()
        return try box.result()
    }

    public static func encode(_ form: [String: String]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return form.sorted { $0.key < $1.key }.map { key, value in
            "\(key.addingPercentEncoding(withAllowedCharacters: allowed)!)=\(value.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }.joined(separator: "&")
    }
}

private final class ResponseBox: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    private var response: HTTPURLResponse?
    private var error: (any Error)?

    func set(data: Data?, response: HTTPURLResponse?, error: (any Error)?) {
        lock.lock()
        defer { lock.unlock() }
        self.data = data
        self.response = response
        self.error = error
    }

    func result() throws -> HTTPForm.Response {
        lock.lock()
        defer { lock.unlock() }
        if let error { throw error }
        guard let response else { throw URLError(.badServerResponse) }
        var headers: [String: String] = [:]
        for (name, value) in response.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
        }
        return HTTPForm.Response(status: response.statusCode, body: String(decoding: data ?? Data(), as: UTF8.self),
                                 headers: headers)
    }
}
