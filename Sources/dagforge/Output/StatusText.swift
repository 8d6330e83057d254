import DagforgeDeploy

/// `status` as a table: one row per workflow, then the commits the environment runs and the drift.
enum StatusText {
    static func render(_ status: DeploymentStatus, checkoutCommit: String) -> String {
        var rows = [["WORKFLOW", "DEPLOYED COMMIT", "CHECKOUT", "DRIFT", "RELEASE", "SCHEDULE"]]
        for entry in status.entries {
            rows.append([
                entry.name,
                entry.deployedCommit.map { String($0.prefix(12)) } ?? (entry.deployed ? "(not managed)" : "-"),
                !entry.deployed ? "not deployed" : !entry.inSpecs ? "not in specs" : entry.matchesCheckout ? "matches" : "differs",
                entry.drifted ? "DRIFTED" : "-",
                entry.releaseState ?? "-",
                entry.scheduleState ?? "-",
            ])
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines = ["Environment \(status.environment), project \(status.project); checkout at \(checkoutCommit)", ""]
        lines += rows.map { row in
            row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingTrailingSpaces()
        }
        lines.append("")
        let commits = status.deployedCommits.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }
        lines.append("Deployed commits: " + (commits.isEmpty ? "none" : commits.joined(separator: ", ")))
        let drifted = status.driftedWorkflows
        lines.append(drifted.isEmpty ? "No drift." : "Drift (edited on the engine): " + drifted.joined(separator: ", "))
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
