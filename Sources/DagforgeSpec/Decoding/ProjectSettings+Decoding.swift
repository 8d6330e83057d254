extension ProjectSettings {
    static let decoder = ObjectDecoder<ProjectSettings>(
        title: "dagforge.yaml",
        fields: [
            .init("default_environment", .string, "Environment used when --env is not given.") { settings, node, _ in
                settings.defaultEnvironment = node.locatedString
            },
            .init("dialect", .string, "SQL dialect for lineage: sqlite, postgres, mysql, hive, ...") { settings, node, _ in
                settings.dialect = node.scalarText
            },
            .init("infer", .boolean, "Whether SQL lineage adds upstreams (default true).") { settings, node, _ in
                settings.infer = node.boolean
            },
            .init("defaults", .object(TaskSettings.decoder.shape), "Settings under every workflow's defaults.") { settings, node, context in
                TaskSettings.decoder.decode(node, into: &settings.defaults, &context, where: "defaults")
            },
            .init("timezone", .string, "Time zone of schedules that name none (default UTC).") { settings, node, _ in
                settings.timezone = node.scalarText
            },
        ]
    )
}
