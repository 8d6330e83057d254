/// How the client authenticates (reference §2). Descriptions never show the secret.
public enum DolphinCredentials: Sendable, Hashable, CustomStringConvertible {
    /// An access token, sent as the `token` header on every request.
    case token(String)
    /// A user name and password, exchanged for a `sessionId` through `POST /login`.
    case password(user: String, password: String)

    public var description: String {
        switch self {
        case .token: "token(redacted)"
        case .password(let user, _): "user \(user) with password(redacted)"
        }
    }
}

/// Where and how to reach an engine.
public struct DolphinClientConfiguration: Sendable, CustomStringConvertible {
    /// Base URL including the servlet context, e.g. `http://127.0.0.1:12345/dolphinscheduler`.
    public var baseURL: String
    public var credentials: DolphinCredentials
    public var apiVersion: DolphinAPIVersion
    /// Seconds before one HTTP request is abandoned.
    public var timeout: Double
    /// Attempts for calls that are safe to repeat (first try included).
    public var maxAttempts: Int
    /// Seconds before the first retry; doubled for each further one.
    public var initialBackoff: Double

    public init(baseURL: String, credentials: DolphinCredentials, apiVersion: DolphinAPIVersion = .v3_2,
                timeout: Double = 60, maxAttempts: Int = 4, initialBackoff: Double = 0.25) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.credentials = credentials
        self.apiVersion = apiVersion
        self.timeout = timeout
        self.maxAttempts = max(1, maxAttempts)
        self.initialBackoff = initialBackoff
    }

    public var description: String { "\(baseURL) (API \(apiVersion.rawValue), \(credentials))" }
}
