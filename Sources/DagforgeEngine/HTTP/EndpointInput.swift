import DagforgeWire
import Foundation

/// The bound input of one request: path and form/query parameters, the caller, and the raw body for the
/// endpoints that take one. Accessors throw `ParameterBindingError` for a missing or unconvertible value.
struct EndpointInput: Sendable {
    let parameters: [String: String]
    let pathParameters: [String: String]
    let declared: [EndpointParameter]
    let user: EngineUser?
    let remoteAddress: String?
    let body: [UInt8]
    let multipart: MultipartForm?

    /// The authenticated caller (every endpoint but login requires one).
    var caller: EngineUser {
        get throws {
            guard let user else { throw ParameterBindingError(name: "loginUser") }
            return user
        }
    }

    private func raw(_ name: String) -> String? {
        assert(declared.contains { $0.name == name }, "parameter \(name) is not declared by its endpoint")
        return pathParameters[name] ?? parameters[name]
    }

    func string(_ name: String) throws -> String {
        guard let value = raw(name) else { throw ParameterBindingError(name: name) }
        return value
    }

    /// An optional parameter; Spring binds an absent parameter to null.
    func optionalString(_ name: String) -> String? { raw(name) }

    func int(_ name: String) throws -> Int {
        guard let value = raw(name).flatMap({ Int32($0.trimmingCharacters(in: .whitespaces)) }) else {
            throw ParameterBindingError(name: name)
        }
        return Int(value)
    }

    func int64(_ name: String) throws -> Int64 {
        guard let value = raw(name).flatMap({ Int64($0.trimmingCharacters(in: .whitespaces)) }) else {
            throw ParameterBindingError(name: name)
        }
        return value
    }

    /// An optional number: absent or empty gives `fallback`, present but not a number fails binding.
    func optionalInt(_ name: String, default fallback: Int) throws -> Int {
        guard let text = raw(name), !text.isEmpty else { return fallback }
        return try int(name)
    }

    func optionalInt64(_ name: String, default fallback: Int64) throws -> Int64 {
        guard let text = raw(name), !text.isEmpty else { return fallback }
        return try int64(name)
    }

    /// An enum bound by constant name; an unknown name fails binding.
    func enumeration<E: WireEnum>(_ name: String, _ type: E.Type) throws -> E {
        guard let value = raw(name).flatMap(E.init(rawValue:)) else { throw ParameterBindingError(name: name) }
        return value
    }

    func optionalEnumeration<E: WireEnum>(_ name: String, _ type: E.Type, default fallback: E?) throws -> E? {
        guard let text = raw(name), !text.isEmpty else { return fallback }
        guard let value = E(rawValue: text) else { throw ParameterBindingError(name: name) }
        return value
    }

    /// `pageNo`/`pageSize`, both required and positive (`BaseController.checkPageParams`).
    func page() throws -> PageRequest {
        let pageNo = try int("pageNo")
        let pageSize = try int("pageSize")
        guard pageNo > 0 else { throw ServiceError(.requestParamsNotValid, "pageNo") }
        guard pageSize > 0 else { throw ServiceError(.requestParamsNotValid, "pageSize") }
        return PageRequest(pageNo: pageNo, pageSize: pageSize)
    }

    /// Comma-separated 64-bit codes.
    func codes(_ name: String) throws -> [Int64] {
        try string(name).split(separator: ",").map { piece in
            guard let code = Int64(piece.trimmingCharacters(in: .whitespaces)) else { throw ParameterBindingError(name: name) }
            return code
        }
    }
}
