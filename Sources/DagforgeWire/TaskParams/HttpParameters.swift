/// `taskParams` of HTTP tasks (reference §9.8). Timeouts are milliseconds.
public struct HttpParameters: Codable, Hashable, Sendable {
    public struct Param: Codable, Hashable, Sendable {
        public var prop: String
        public var httpParametersType: HttpParametersType
        public var value: String
        public init(prop: String, httpParametersType: HttpParametersType, value: String) {
            self.prop = prop
            self.httpParametersType = httpParametersType
            self.value = value
        }
    }

    public var localParams: [Property]
    public var url: String
    public var httpMethod: HttpMethod
    public var httpParams: [Param]
    public var httpBody: String?
    public var httpCheckCondition: HttpCheckCondition
    public var condition: String
    public var connectTimeout: Int
    public var socketTimeout: Int

    public init(url: String, httpMethod: HttpMethod = .GET, httpParams: [Param] = [], httpBody: String? = nil,
                httpCheckCondition: HttpCheckCondition = .STATUS_CODE_DEFAULT, condition: String = "",
                connectTimeout: Int = 60000, socketTimeout: Int = 60000, localParams: [Property] = []) {
        self.localParams = localParams
        self.url = url
        self.httpMethod = httpMethod
        self.httpParams = httpParams
        self.httpBody = httpBody
        self.httpCheckCondition = httpCheckCondition
        self.condition = condition
        self.connectTimeout = connectTimeout
        self.socketTimeout = socketTimeout
    }
}
