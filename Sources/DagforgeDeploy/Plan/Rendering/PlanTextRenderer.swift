/// The plan as terminal text: `+` create, `~` update, `-` delete, field changes indented under their task,
/// unified diffs for SQL and scripts, and a summary naming every delete. ANSI colour only when asked.
public struct PlanTextRenderer: Sendable {
    public var color: Bool

    public init(color: Bool = false) { self.color = color }

    public func render(_ plan: Plan) -> String {
        var out: [String] = []
        out.append("Plan for environment \(plan.environment), project \(plan.project), commit \(plan.commit)")
        if !plan.projectExists { out.append(paint("+ create project \(plan.project)", .green)) }
        for change in plan.workflows where change.action != .noOp {
            out.append("")
            out += workflow(change)
        }
        out.append("")
        out.append(plan.hasChanges ? "Summary: " + plan.summary.line : "No changes. " + plan.summary.line)
        if !plan.pruneCandidates.isEmpty {
            out.append("Managed by dagforge but no longer in the specs (deleted only with --prune): "
                       + plan.pruneCandidates.joined(separator: ", "))
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func workflow(_ change: WorkflowChange) -> [String] {
        let (sign, tone) = Self.sign(change.action)
        var out = [paint("\(sign) \(change.action.rawValue) workflow \(change.name)", tone)
                   + (change.sourcePath.map { " (\($0))" } ?? "")]
        if change.drifted {
            out.append(paint("    ! edited on the engine since dagforge deployed it (drift); apply overwrites the edit", .yellow))
        }
        for field in change.fields { out += self.field(field, indent: "    ") }
        for task in change.tasks {
            let (taskSign, taskTone) = Self.sign(task.action)
            out.append(paint("    \(taskSign) task \(task.name) (\(task.taskType))", taskTone))
            let shown = task.action == .create ? task.fields.filter { $0.unifiedDiff != nil } : task.fields
            for field in shown { out += self.field(field, indent: "        ") }
        }
        for edge in change.relations.added { out.append(paint("    + edge \(edge.from) → \(edge.to)", .green)) }
        for edge in change.relations.removed { out.append(paint("    - edge \(edge.from) → \(edge.to)", .red)) }
        if let release = change.release { out.append("    release: \(release.from ?? "new") → \(release.to)") }
        if let schedule = change.schedule {
            out.append("    schedule: \(schedule.action == .noOp ? "unchanged" : schedule.action.rawValue)"
                       + (schedule.release.map { ", \($0.from ?? "new") → \($0.to)" } ?? ""))
            for field in schedule.fields { out += self.field(field, indent: "        ") }
        }
        return out
    }

    private func field(_ diff: FieldDiff, indent: String) -> [String] {
        guard let unified = diff.unifiedDiff else {
            return ["\(indent)\(diff.field): \(diff.old ?? "(none)") → \(diff.new ?? "(none)")"]
        }
        var out = ["\(indent)\(diff.field):"]
        for line in unified.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            let tone: Tone? = line.hasPrefix("+") ? .green : line.hasPrefix("-") ? .red : line.hasPrefix("@@") ? .cyan : nil
            out.append(tone.map { paint(indent + "  " + line, $0) } ?? indent + "  " + line)
        }
        return out
    }

    enum Tone: String {
        case green = "32", yellow = "33", red = "31", cyan = "36"
    }

    static func sign(_ action: Action) -> (String, Tone) {
        switch action {
        case .create: ("+", .green)
        case .update: ("~", .yellow)
        case .delete: ("-", .red)
        case .noOp: (" ", .cyan)
        }
    }

    private func paint(_ text: String, _ tone: Tone) -> String {
        color ? "\u{1B}[\(tone.rawValue)m\(text)\u{1B}[0m" : text
    }
}
