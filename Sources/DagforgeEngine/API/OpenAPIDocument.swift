import DagforgeWire

/// The OpenAPI 3 document of the implemented endpoints, generated from the same endpoint list the router
/// mounts (so the two cannot drift) and served at `/dolphinscheduler/openapi.json` without login.
enum OpenAPIDocument {
    static func endpoint(for endpoints: [Endpoint]) -> Endpoint {
        let document = render(endpoints).compactString()
        return Endpoint(.get, "/openapi.json", "This OpenAPI document", tag: "openapi", error: .internalServerErrorArgs,
                        requiresLogin: false) { _ in
            .raw(document, contentType: "application/json")
        }
    }

    static func render(_ endpoints: [Endpoint]) -> JSONValue {
        var paths: [String: [String: JSONValue]] = [:]
        for endpoint in endpoints {
            paths[EndpointRouter.basePath + endpoint.path, default: [:]][endpoint.method.rawValue.lowercased()] = operation(endpoint)
        }
        return .object([
            "openapi": .string("3.0.3"),
            "info": .object([
                "title": .string("dagforge engine — DolphinScheduler 3.2 REST API"),
                "version": .string("3.2.2"),
                "description": .string("Every answer except 401 is DolphinScheduler's result envelope; code 0 means success."),
            ]),
            "paths": .object(paths.mapValues { .object($0) }),
            "components": .object([
                "securitySchemes": .object([
                    "sessionId": .object(["type": .string("apiKey"), "in": .string("header"), "name": .string("sessionId")]),
                    "token": .object(["type": .string("apiKey"), "in": .string("header"), "name": .string("token")]),
                ]),
                "schemas": .object(["Envelope": envelopeSchema]),
            ]),
            "security": .array([.object(["sessionId": .array([])]), .object(["token": .array([])])]),
        ])
    }

    private static func operation(_ endpoint: Endpoint) -> JSONValue {
        var operation: [String: JSONValue] = [
            "operationId": .string(operationId(endpoint)),
            "summary": .string(endpoint.summary),
            "tags": .array([.string(endpoint.tag)]),
            "parameters": .array(endpoint.parameters.map(parameter)),
            "responses": .object(responses(endpoint)),
        ]
        if !endpoint.requiresLogin { operation["security"] = .array([]) }
        switch endpoint.body {
        case .form:
            break
        case .json:
            operation["requestBody"] = .object([
                "required": .bool(true),
                "content": .object(["application/json": .object(["schema": .object(["type": .string("object")])])]),
            ])
        case .multipartFile:
            operation["requestBody"] = .object([
                "required": .bool(true),
                "content": .object(["multipart/form-data": .object(["schema": .object([
                    "type": .string("object"),
                    "required": .array([.string("file")]),
                    "properties": .object(["file": .object(["type": .string("string"), "format": .string("binary")])]),
                ])])]),
            ])
        }
        return .object(operation)
    }

    private static func parameter(_ parameter: EndpointParameter) -> JSONValue {
        .object([
            "name": .string(parameter.name),
            "in": .string(parameter.inPath ? "path" : "query"),
            "required": .bool(parameter.required),
            "schema": schema(parameter.kind),
        ])
    }

    private static func schema(_ kind: EndpointParameter.Kind) -> JSONValue {
        switch kind {
        case .string: return .object(["type": .string("string")])
        case .int32: return .object(["type": .string("integer"), "format": .string("int32")])
        case .int64: return .object(["type": .string("integer"), "format": .string("int64")])
        case .boolean: return .object(["type": .string("boolean")])
        case .enumeration(let names): return .object(["type": .string("string"), "enum": .array(names.map(JSONValue.string))])
        }
    }

    private static func responses(_ endpoint: Endpoint) -> [String: JSONValue] {
        let envelope = JSONValue.object([
            "description": .string("DolphinScheduler's result envelope"),
            "content": .object(["application/json": .object(["schema": .object(["$ref": .string("#/components/schemas/Envelope")])])]),
        ])
        let raw = endpoint.path.hasSuffix("batch-export") || endpoint.path == "/openapi.json"
        var responses: [String: JSONValue] = [
            "200": raw ? .object(["description": .string("Raw JSON document, no envelope")]) : envelope,
        ]
        if endpoint.created { responses["201"] = envelope }
        if endpoint.requiresLogin { responses["401"] = .object(["description": .string("Not logged in (empty body)")]) }
        if endpoint.body != .json { responses["413"] = .object(["description": .string("Body over 5 MB")]) }
        return responses
    }

    private static let envelopeSchema = JSONValue.object([
        "type": .string("object"),
        "required": .array(["code", "msg", "data", "success", "failed"].map(JSONValue.string)),
        "properties": .object([
            "code": .object(["type": .string("integer")]),
            "msg": .object(["type": .string("string")]),
            "data": .object(["nullable": .bool(true)]),
            "success": .object(["type": .string("boolean")]),
            "failed": .object(["type": .string("boolean")]),
        ]),
    ])

    private static func operationId(_ endpoint: Endpoint) -> String {
        let words = endpoint.path.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map {
            $0.prefix(1).uppercased() + $0.dropFirst()
        }
        return endpoint.method.rawValue.lowercased() + words.joined()
    }
}
