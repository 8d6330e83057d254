import DagforgeWire
import Hummingbird
import Logging

/// Mounts endpoints under `/dolphinscheduler` and turns every outcome into DolphinScheduler's answer
/// (reference §1.4): 401 with an empty body when not logged in; the envelope with 201 or 200 on a normal
/// return; a `ServiceError` as its status (200, or the endpoint's status when DolphinScheduler returns it
/// rather than throws); anything else as the endpoint's generic status with its plain message.
struct EndpointRouter: Sendable {
    static let basePath = "/dolphinscheduler"

    let authenticator: Authenticator
    let logger: Logger

    func register(_ endpoints: [Endpoint], on router: Router<EngineRequestContext>) {
        for endpoint in endpoints {
            router.on(RouterPath(Self.basePath + endpoint.path), method: endpoint.method) { request, context in
                try await respond(to: request, context: context, endpoint: endpoint)
            }
        }
    }

    private func respond(to request: Request, context: EngineRequestContext, endpoint: Endpoint) async throws -> Response {
        var request = request
        var user: EngineUser?
        if endpoint.requiresLogin {
            user = try await authenticator.user(for: request)
            if user == nil { return Response(status: .unauthorized) }
        }
        let successStatus: HTTPResponse.Status = endpoint.created ? .created : .ok
        do {
            let input = try await bind(&request, context: context, endpoint: endpoint, user: user)
            let reply = try await endpoint.handler(input)
            switch reply.content {
            case .envelope(let dataJSON, let msg):
                return envelope(status: successStatus, code: 0, msg: msg, dataJSON: dataJSON, headers: reply.headers)
            case .raw(let body, let contentType):
                var headers = reply.headers
                headers[.contentType] = contentType
                return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
            }
        } catch let error as ServiceError {
            return envelope(status: error.returned ? successStatus : .ok, code: error.status.code, msg: error.message,
                            dataJSON: "null")
        } catch let error as HTTPError {
            throw error
        } catch {
            if !(error is ParameterBindingError) {
                logger.error("\(endpoint.method) \(endpoint.path) failed: \(String(describing: type(of: error)))")
            }
            return envelope(status: .ok, code: endpoint.genericError.code, msg: endpoint.genericError.template,
                            dataJSON: "null")
        }
    }

    private func bind(_ request: inout Request, context: EngineRequestContext, endpoint: Endpoint,
                      user: EngineUser?) async throws -> EndpointInput {
        var parameters: [String: String] = [:]
        if let query = request.uri.query { FormDecoding.parse(Substring(query), into: &parameters) }
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        let body = Array(buffer.readableBytesView)
        let contentType = request.headers[.contentType] ?? ""
        var multipart: MultipartForm?
        if contentType.lowercased().hasPrefix("multipart/form-data") {
            if let boundary = MultipartForm.boundary(contentType: contentType) {
                multipart = MultipartForm(body: body, boundary: boundary)
            }
            for part in multipart?.parts ?? [] where part.filename == nil {
                FormDecoding.parse(Substring(String(decoding: part.body, as: UTF8.self)), into: &parameters)
            }
        } else if endpoint.body == .form, !body.isEmpty {
            FormDecoding.parse(Substring(String(decoding: body, as: UTF8.self)), into: &parameters)
        }
        var pathParameters: [String: String] = [:]
        for name in endpoint.pathParameterNames {
            pathParameters[name] = context.parameters.get(name)
        }
        for parameter in endpoint.parameters where parameter.required {
            guard let value = pathParameters[parameter.name] ?? parameters[parameter.name] else {
                throw ParameterBindingError(name: parameter.name)
            }
            if parameter.kind != .string, value.isEmpty { throw ParameterBindingError(name: parameter.name) }
        }
        return EndpointInput(parameters: parameters, pathParameters: pathParameters, declared: endpoint.parameters,
                             user: user, remoteAddress: context.remoteAddress, body: body, multipart: multipart)
    }

    private func envelope(status: HTTPResponse.Status, code: Int, msg: String, dataJSON: String,
                          headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers,
                        body: .init(byteBuffer: EnvelopeBody.buffer(code: code, msg: msg, dataJSON: dataJSON)))
    }
}
