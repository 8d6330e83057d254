import DagforgeDeploy

/// `diff A B` as text: per workflow the commit deployed on each side and the differences beyond the
/// environments' own mappings.
enum EnvironmentDiffText {
    static func render(_ diff: EnvironmentDiff) -> String {
        var lines = ["Comparing \(diff.a) with \(diff.b) (compiled from the checkout; deployed commits from the engines)", ""]
        var differing = 0
        for entry in diff.entries {
            let commitA = entry.commitA.map { String($0.prefix(12)) } ?? "not deployed"
            let commitB = entry.commitB.map { String($0.prefix(12)) } ?? "not deployed"
            let presence = entry.inSpecsA && entry.inSpecsB ? ""
                : " (only in \(entry.inSpecsA ? diff.a : entry.inSpecsB ? diff.b : "the engines")' specs)"
            lines.append("\(entry.name)\(presence): \(diff.a) \(commitA), \(diff.b) \(commitB)")
            if !entry.differences.isEmpty { differing += 1 }
            for field in entry.differences {
                if let unified = field.unifiedDiff {
                    lines.append("    \(field.field):")
                    lines += unified.split(separator: "\n").map { "      " + $0 }
                } else {
                    lines.append("    \(field.field): \(diff.a) \(field.old ?? "(none)") | \(diff.b) \(field.new ?? "(none)")")
                }
            }
        }
        lines.append("")
        lines.append("\(diff.entries.count) workflows, \(differing) differ beyond the environments' mappings")
        return lines.joined(separator: "\n") + "\n"
    }
}
