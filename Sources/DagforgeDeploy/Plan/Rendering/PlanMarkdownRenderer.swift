/// The plan as a pull-request comment: a summary line, a table of what is created, changed and deleted,
/// and per workflow a collapsed `<details>` block with field changes and SQL/script diffs. Stays under
/// GitHub's 65,536-character comment limit by leaving out details past `characterBudget`.
public struct PlanMarkdownRenderer: Sendable {
    public var characterBudget: Int

    public init(characterBudget: Int = 60_000) { self.characterBudget = characterBudget }

    public func render(_ plan: Plan) -> String {
        let changes = plan.workflows.filter { $0.action != .noOp }
        var out = "### dagforge plan · `\(plan.environment)` · project `\(plan.project)` · commit `\(plan.commit.prefix(12))`\n\n"
        out += plan.hasChanges ? "**\(plan.summary.line)**\n" : "**No changes.** \(plan.summary.unchanged) workflows up to date.\n"
        if !plan.projectExists { out += "\nThe project `\(plan.project)` will be created.\n" }
        if !changes.isEmpty {
            out += "\n| action | workflow | changes |\n| --- | --- | --- |\n"
            for (position, change) in changes.enumerated() {
                // Keep room for the rest of the comment when thousands of workflows change.
                if out.count > characterBudget - 4_000 {
                    out += "| … | \(changes.count - position) more | |\n"
                    break
                }
                out += "| \(Self.label(change.action)) | `\(change.name)` | \(Self.gist(change)) |\n"
            }
        }
        if !plan.pruneCandidates.isEmpty {
            out += "\nNo longer in the specs, kept without `--prune`: " + plan.pruneCandidates.map { "`\($0)`" }.joined(separator: ", ") + "\n"
        }
        var omitted = 0
        for change in changes where change.action != .delete {
            let block = details(change)
            if out.count + block.count > characterBudget {
                omitted += 1
                continue
            }
            out += "\n" + block
        }
        if omitted > 0 {
            out += "\n_Details of \(omitted) more workflow\(omitted == 1 ? "" : "s") left out to fit the comment; run `dagforge plan --env \(plan.environment)` to see them._\n"
        }
        return out
    }

    private func details(_ change: WorkflowChange) -> String {
        var body = ""
        if change.drifted { body += "> ⚠️ edited on the engine since dagforge deployed it; apply overwrites the edit.\n\n" }
        for field in change.fields { body += Self.item(field, prefix: "") }
        for task in change.tasks {
            body += "- \(Self.label(task.action)) task `\(task.name)` (\(task.taskType))\n"
            let shown = task.action == .create ? task.fields.filter { $0.unifiedDiff != nil } : task.fields
            for field in shown { body += Self.item(field, prefix: "  ") }
        }
        for edge in change.relations.added { body += "- edge added: `\(edge.from)` → `\(edge.to)`\n" }
        for edge in change.relations.removed { body += "- edge removed: `\(edge.from)` → `\(edge.to)`\n" }
        if let release = change.release { body += "- release: \(release.from ?? "new") → **\(release.to)**\n" }
        if let schedule = change.schedule {
            body += "- schedule: \(schedule.action == .noOp ? "unchanged" : schedule.action.rawValue)"
                + (schedule.release.map { ", \($0.from ?? "new") → **\($0.to)**" } ?? "") + "\n"
            for field in schedule.fields { body += Self.item(field, prefix: "  ") }
        }
        return "<details><summary><code>\(change.name)</code>: \(change.action.rawValue)</summary>\n\n\(body)\n</details>\n"
    }

    private static func item(_ field: FieldDiff, prefix: String) -> String {
        guard let unified = field.unifiedDiff else {
            return "\(prefix)- `\(field.field)`: \(code(field.old)) → \(code(field.new))\n"
        }
        return "\(prefix)- `\(field.field)`:\n\n\(prefix)  <details><summary>diff</summary>\n\n\(prefix)  ```diff\n"
            + unified.split(separator: "\n").map { prefix + "  " + $0 }.joined(separator: "\n")
            + "\n\(prefix)  ```\n\n\(prefix)  </details>\n\n"
    }

    private static func code(_ text: String?) -> String {
        guard let text else { return "_(none)_" }
        let short = text.count > 120 ? String(text.prefix(117)) + "…" : text
        return "`" + short.replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "|", with: "\\|") + "`"
    }

    private static func label(_ action: Action) -> String {
        switch action {
        case .create: "➕ create"
        case .update: "✏️ update"
        case .delete: "🗑️ delete"
        case .noOp: "no change"
        }
    }

    /// A few words on what changes, for the table.
    private static func gist(_ change: WorkflowChange) -> String {
        if change.action == .create {
            return "\(change.tasks.count) task(s)" + (change.schedule != nil ? ", scheduled" : "")
        }
        var parts: [String] = []
        let count = { (action: Action) in change.tasks.filter { $0.action == action }.count }
        if count(.create) > 0 { parts.append("\(count(.create)) task(s) added") }
        if count(.update) > 0 { parts.append("\(count(.update)) task(s) changed") }
        if count(.delete) > 0 { parts.append("\(count(.delete)) task(s) removed") }
        let edges = change.relations.added.count + change.relations.removed.count
        if edges > 0 { parts.append("\(edges) edge(s)") }
        if !change.fields.isEmpty { parts.append(change.fields.map(\.field).joined(separator: ", ")) }
        if change.schedule != nil { parts.append("schedule") }
        if change.release != nil { parts.append("release") }
        if change.drifted { parts.append("⚠️ drift") }
        return parts.isEmpty ? "" : parts.joined(separator: "; ")
    }
}
