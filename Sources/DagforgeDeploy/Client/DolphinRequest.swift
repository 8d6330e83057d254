import Foundation

/// One REST call as DolphinScheduler's controllers declare it: method, path under the base URL and
/// `@RequestParam`s. GET and DELETE carry the parameters in the query string; POST and PUT send them as
/// an `application/x-www-form-urlencoded` body (reference §1.2).
public struct DolphinRequest: Sendable, Hashable {
    public enum Method: String, Sendable, Hashable { case GET, POST, PUT, DELETE }

    public var method: Method
    public var path: String
    public var parameters: [FormField]
    /// True when repeating the call after a lost response cannot do harm (reads, release, online/offline,
    /// full-replacement updates). Only these are retried on connection errors and HTTP 5xx.
    public var retrySafe: Bool

    public init(_ method: Method, _ path: String, _ parameters: [FormField] = [], retrySafe: Bool? = nil) {
        self.method = method
        self.path = path
        self.parameters = parameters
        self.retrySafe = retrySafe ?? (method == .GET)
    }

    /// Writes are everything but GET. `batch-export` and `schedules/list` are POSTs that only read.
    public var isWrite: Bool { method != .GET && !path.hasSuffix("/batch-export") && !path.hasSuffix("/schedules/list") }

    /// The encoded parameters, `name=value&…`.
    public var encodedParameters: String { FormField.encode(parameters) }

    func exchange(baseURL: String, timeout: Double) throws -> HTTPExchange {
        var text = baseURL + path
        let usesQuery = method == .GET || method == .DELETE
        if usesQuery && !parameters.isEmpty { text += "?" + encodedParameters }
        guard URL(string: text) != nil else {
            throw DolphinAPIError(kind: .unexpectedResponse("invalid URL"), method: method.rawValue, path: path,
                                  hint: "check engine.url in the environment file")
        }
        var exchange = HTTPExchange(method: method.rawValue, url: text, headers: ["Accept": "application/json"], body: nil,
                                    timeout: timeout)
        if !usesQuery {
            exchange.headers["Content-Type"] = "application/x-www-form-urlencoded; charset=UTF-8"
            exchange.body = Data(encodedParameters.utf8)
        }
        return exchange
    }
}

/// A `name=value` pair of a form or query string.
public struct FormField: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    /// Unreserved characters of RFC 3986 stay; everything else is percent-encoded (UTF-8), so JSON text,
    /// `+`, `&` and `=` inside values survive Spring's form parsing.
    private static let unreserved: CharacterSet = {
        var set = CharacterSet()
        set.insert(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return set
    }()

    public static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    public static func encode(_ fields: [FormField]) -> String {
        fields.map { escape($0.name) + "=" + escape($0.value) }.joined(separator: "&")
    }
}
