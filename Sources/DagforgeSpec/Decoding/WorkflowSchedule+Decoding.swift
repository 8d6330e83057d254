extension WorkflowSchedule {
    static let decoder = ObjectDecoder<WorkflowSchedule>(
        title: "Schedule",
        fields: [
            .init("cron", .string, "Quartz cron, e.g. \"0 0 2 * * ? *\" (sec min hour day month weekday [year]).") { schedule, node, _ in
                schedule.cron = node.locatedString
            },
            .init("timezone", .string, "IANA time zone id, e.g. Asia/Shanghai; default UTC.") { schedule, node, _ in
                schedule.timezone = node.locatedString
            },
            .init("start", .string, "First possible run, `yyyy-MM-dd HH:mm:ss` in the time zone.") { schedule, node, _ in
                schedule.start = node.locatedString
            },
            .init("end", .string, "Last possible run, `yyyy-MM-dd HH:mm:ss` in the time zone.") { schedule, node, _ in
                schedule.end = node.locatedString
            },
        ]
    )

    static func decode(_ node: SpecNode, _ context: inout DecodingContext) -> WorkflowSchedule {
        var schedule = WorkflowSchedule(range: node.range)
        decoder.decode(node, into: &schedule, &context, where: "schedule")
        return schedule
    }
}
