/// What `validate --changed-since REV` found the change to touch, carried by a report so the text and
/// JSON formats can show it (`impact` in JSON; null when the whole repository was validated).
public struct ReportImpact: Hashable, Sendable, Codable {
    /// The revision compared with the checkout, as the user wrote it.
    public var since: String
    public var changedFiles: [String]
    public var changedWorkflows: [String]
    /// Changed workflows plus everything downstream of them.
    public var workflows: [String]
    /// `workflow/task`.
    public var tasks: [String]
    public var tables: [String]

    public init(since: String, changedFiles: [String], changedWorkflows: [String], workflows: [String],
                tasks: [String], tables: [String]) {
        self.since = since
        self.changedFiles = changedFiles
        self.changedWorkflows = changedWorkflows
        self.workflows = workflows
        self.tasks = tasks
        self.tables = tables
    }

    /// The text format's block: one summary line, then the affected workflows and tables (long lists cut).
    var lines: [String] {
        let downstream = workflows.count - Set(workflows).intersection(changedWorkflows).count
        var lines = ["impact of changes since \(since): \(Self.counted(changedFiles.count, "changed file")), "
                     + "\(Self.counted(workflows.count, "workflow")) (\(changedWorkflows.count) changed, \(downstream) downstream), "
                     + "\(Self.counted(tasks.count, "task")), \(Self.counted(tables.count, "table"))"]
        if !workflows.isEmpty { lines.append("  workflows: \(Self.listed(workflows))") }
        if !tables.isEmpty { lines.append("  tables: \(Self.listed(tables))") }
        return lines
    }

    private static func listed(_ names: [String], limit: Int = 20) -> String {
        let shown = names.prefix(limit).joined(separator: ", ")
        return names.count > limit ? "\(shown) and \(names.count - limit) more" : shown
    }

    private static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
