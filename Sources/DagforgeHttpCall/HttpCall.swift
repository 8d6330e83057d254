/// One HTTP task's request as the engine hands it to `dagforge-http-task` (a JSON file in the task's working
/// directory, so header values such as tokens never appear in a command line).
public struct HttpCall: Codable, Sendable, Equatable {
    public struct Header: Codable, Sendable, Equatable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public var method: String
    public var url: String
    /// Added in order; values of a repeated name are joined with commas (`URLRequest.addValue`).
    public var headers: [Header]
    public var body: String?
    /// Seconds: the request's `timeoutInterval` and the session's `timeoutIntervalForRequest`.
    public var timeout: Double

    public init(method: String, url: String, headers: [Header], body: String?, timeout: Double) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}

/// The one line `dagforge-http-task` writes to its standard output: the response's status code (the body is in
/// the response file), or the description of the error that ended the request.
public struct HttpCallResult: Codable, Sendable, Equatable {
    public var status: Int?
    public var error: String?

    public init(status: Int) {
        self.status = status
        error = nil
    }

    public init(error: String) {
        status = nil
        self.error = error
    }
}
