import DagforgeWire

extension EnvironmentSpec {
    static let decoder = ObjectDecoder<EnvironmentSpec>(
        title: "Environment",
        fields: [
            .init("engine", .object(EngineFields.decoder.shape), "The scheduler engine to deploy to.") { spec, node, context in
                spec.engine = EngineFields.decode(node, &context)
            },
            .init("project", .string, "DolphinScheduler project; created if missing.") { spec, node, _ in
                spec.project = node.locatedString
            },
            .init("tenant", .string, "Tenant code runs execute as (default: default).") { spec, node, _ in
                spec.tenant = node.scalarText
            },
            .init("worker_group", .string, "Default worker group (default: default).") { spec, node, _ in
                spec.workerGroup = node.scalarText
            },
            .init("datasources", .map(.anyOf([.string, .object(DatasourceFields.decoder.shape)])),
                  "Logical datasource → engine datasource name, or {name, type}.") { spec, node, context in
                for entry in node.entries ?? [] {
                    if let mapping = DatasourceFields.decode(entry.value, &context) { spec.datasources[entry.key] = mapping }
                }
            },
            .init("variables", .map(.anyOf([.string, .integer, .boolean])), "Values for {{ name }} placeholders.") { spec, node, _ in
                spec.variables = node.stringMap
            },
            .init("schedules", .anyOf([.enumeration(["enabled", "disabled"]), .boolean]),
                  "enabled: schedules go online after deploy; disabled: they are deployed offline.") { spec, node, context in
                switch node.boolean ?? (node.scalarText == "enabled" ? true : node.scalarText == "disabled" ? false : nil) {
                case let enabled?: spec.schedulesEnabled = enabled
                case nil: context.invalidValue(node, "'schedules' must be enabled or disabled", hint: "Write `schedules: enabled` or `schedules: disabled`.")
                }
            },
            .init("overrides", .map(.object(WorkflowOverride.decoder.shape)), "Per-workflow changes for this environment.") { spec, node, context in
                for entry in node.entries ?? [] {
                    spec.overrides[entry.key] = WorkflowOverride.decode(entry, &context)
                }
            },
        ]
    )

    static func decode(_ node: SpecNode?, name: String, path: String, _ context: inout DecodingContext) -> EnvironmentSpec {
        var spec = EnvironmentSpec(name: name, path: path,
                                   declaration: node?.range ?? SourceRange(path: path, start: .init(line: 1, column: 1)))
        if let node { decoder.decode(node, into: &spec, &context, where: "the environment") }
        return spec
    }
}

/// `engine:` as written.
struct EngineFields {
    var url: Located<String>?
    var token: Located<String>?
    var user: Located<String>?
    var password: Located<String>?
    var api = EngineSettings.APIVersion.v3_2

    static let decoder = ObjectDecoder<EngineFields>(
        title: "Engine",
        fields: [
            .init("url", .string, "Base URL, e.g. http://127.0.0.1:12345/dolphinscheduler.") { fields, node, _ in fields.url = node.locatedString },
            .init("token", .string, "Access token; write \"{{ env.NAME }}\" to read it from the process environment.") { fields, node, _ in
                fields.token = node.locatedString
            },
            .init("user", .string, "User name (with password) when no token is given.") { fields, node, _ in fields.user = node.locatedString },
            .init("password", .string, "Password; write \"{{ env.NAME }}\".") { fields, node, _ in fields.password = node.locatedString },
            .init("api", .enumeration(EngineSettings.APIVersion.allCases.map(\.rawValue)),
                  "\"3.2\" (process-definition paths) or \"3.3\" (workflow-definition paths).") { fields, node, context in
                if let version = EngineSettings.APIVersion(rawValue: node.scalarText ?? "") {
                    fields.api = version
                } else {
                    context.invalidValue(node, "'api' must be \"3.2\" or \"3.3\"", hint: "Write api: \"3.2\" (quoted).")
                }
            },
        ],
        required: ["url"]
    )

    static func decode(_ node: SpecNode, _ context: inout DecodingContext) -> EngineSettings? {
        var fields = EngineFields()
        decoder.decode(node, into: &fields, &context, where: "engine")
        guard let url = fields.url else { return nil }
        var authentication: EngineSettings.Authentication?
        if let token = fields.token {
            authentication = .token(token)
        } else if let user = fields.user, let password = fields.password {
            authentication = .credentials(user: user, password: password)
        } else if fields.user != nil || fields.password != nil {
            context.error("DF303", "engine needs both 'user' and 'password' (or a 'token')",
                          hint: "Add the missing key, or use `token:` instead.", at: node.range)
        }
        return EngineSettings(url: url, authentication: authentication, api: fields.api)
    }
}

/// A datasource mapping's long form, `{name: pv_dw, type: SQLITE}`.
struct DatasourceFields {
    var name: Located<String>?
    var type: DbType?

    static let decoder = ObjectDecoder<DatasourceFields>(
        title: "Datasource",
        fields: [
            .init("name", .string, "Datasource name on the engine.") { fields, node, _ in fields.name = node.locatedString },
            .init("type", .enumeration(DbType.allCases.map(\.rawValue)), "DbType of the datasource.") { fields, node, context in
                fields.type = node.wireEnum(DbType.self, key: "datasource type", &context)
            },
        ],
        required: ["name"]
    )

    static func decode(_ node: SpecNode, _ context: inout DecodingContext) -> DatasourceMapping? {
        if node.scalarText != nil, node.entries == nil { return DatasourceMapping(name: node.locatedString, type: nil) }
        var fields = DatasourceFields()
        decoder.decode(node, into: &fields, &context, where: "a datasource")
        return fields.name.map { DatasourceMapping(name: $0, type: fields.type) }
    }
}
