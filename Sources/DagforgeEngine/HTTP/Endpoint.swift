import DagforgeWire
import Hummingbird

/// One DolphinScheduler endpoint: its route, the parameters it binds, its HTTP status on a normal return
/// (201 for `@ResponseStatus(CREATED)`), the generic status its `@ApiException` reports for unexpected
/// failures, and its handler. The router and the OpenAPI document are both built from the same list of
/// endpoints, so they cannot drift apart.
struct Endpoint: Sendable {
    enum Body: Sendable {
        /// Parameters in the query string or a form body (Spring `@RequestParam`).
        case form
        /// A raw JSON request body (`@RequestBody String`), e.g. datasource create.
        case json
        /// `multipart/form-data` with a `file` part.
        case multipartFile
    }

    let method: HTTPRequest.Method
    /// Relative to `/dolphinscheduler`, with `{name}` path parameters.
    let path: String
    let summary: String
    let tag: String
    let created: Bool
    let genericError: Status
    let parameters: [EndpointParameter]
    let body: Body
    let requiresLogin: Bool
    let handler: @Sendable (EndpointInput) async throws -> Reply

    init(_ method: HTTPRequest.Method, _ path: String, _ summary: String, tag: String, created: Bool = false,
         error genericError: Status, parameters: [EndpointParameter] = [], body: Body = .form,
         requiresLogin: Bool = true, handler: @escaping @Sendable (EndpointInput) async throws -> Reply) {
        self.method = method
        self.path = path
        self.summary = summary
        self.tag = tag
        self.created = created
        self.genericError = genericError
        self.parameters = parameters
        self.body = body
        self.requiresLogin = requiresLogin
        self.handler = handler
    }

    var pathParameterNames: [String] {
        path.split(separator: "/").compactMap { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? String(segment.dropFirst().dropLast()) : nil
        }
    }
}

/// A parameter an endpoint binds: from the path, or from the query string / form body.
struct EndpointParameter: Sendable {
    enum Kind: Sendable, Equatable {
        case string
        case int32
        case int64
        case boolean
        case enumeration([String])
    }

    let name: String
    let kind: Kind
    let required: Bool
    let inPath: Bool

    static func path(_ name: String, _ kind: Kind = .int64) -> EndpointParameter {
        EndpointParameter(name: name, kind: kind, required: true, inPath: true)
    }

    static func required(_ name: String, _ kind: Kind = .string) -> EndpointParameter {
        EndpointParameter(name: name, kind: kind, required: true, inPath: false)
    }

    static func optional(_ name: String, _ kind: Kind = .string) -> EndpointParameter {
        EndpointParameter(name: name, kind: kind, required: false, inPath: false)
    }

    static func required<E: WireEnum>(_ name: String, _ type: E.Type) -> EndpointParameter {
        EndpointParameter(name: name, kind: .enumeration(E.allCases.map(\.rawValue)), required: true, inPath: false)
    }

    static func optional<E: WireEnum>(_ name: String, _ type: E.Type) -> EndpointParameter {
        EndpointParameter(name: name, kind: .enumeration(E.allCases.map(\.rawValue)), required: false, inPath: false)
    }

    static let pageNo = required("pageNo", .int32)
    static let pageSize = required("pageSize", .int32)
    static let searchVal = optional("searchVal")
    static let projectCode = path("projectCode")
}
