import DagforgeWire
import Hummingbird

/// What a handler answers: `data` for the result envelope (already JSON), or a raw body (export).
struct Reply: Sendable {
    enum Content: Sendable {
        case envelope(dataJSON: String, msg: String)
        case raw(body: String, contentType: String)
    }

    let content: Content
    var headers: HTTPFields = [:]

    /// Success with `value` as `data` (nil → `"data":null`).
    static func ok<T: Encodable>(_ value: T?, msg: String = "success") throws -> Reply {
        guard let value else { return Reply(content: .envelope(dataJSON: "null", msg: msg)) }
        return Reply(content: .envelope(dataJSON: try WireJSON.string(value), msg: msg))
    }

    /// Success whose `data` is JSON text assembled by the store.
    static func okJSON(_ json: String) -> Reply {
        Reply(content: .envelope(dataJSON: json, msg: "success"))
    }

    static let okNull = Reply(content: .envelope(dataJSON: "null", msg: "success"))

    static func raw(_ body: String, contentType: String) -> Reply {
        Reply(content: .raw(body: body, contentType: contentType))
    }
}

/// A parameter that is missing or does not convert: Spring reports it with the endpoint's generic status.
struct ParameterBindingError: Error, Sendable {
    let name: String
}
