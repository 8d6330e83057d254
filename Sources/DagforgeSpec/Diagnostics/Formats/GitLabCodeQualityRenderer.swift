import Crypto

/// GitLab's Code Quality report: a JSON array of Code Climate issues, of which GitLab reads
/// `description`, `check_name`, `fingerprint`, `severity` and `location.path` / `location.lines.begin`.
/// The fingerprint hashes what identifies a problem but not its line, so that GitLab's merge-request
/// widget sees a problem moved by an edit above it as the same problem; identical problems in one file
/// are told apart by their order. Diagnostics without a location sit on line 1 of
/// `report.projectAnchorPath`, because GitLab needs a path for every issue.
struct GitLabCodeQualityRenderer {
    func render(_ report: DiagnosticReport) -> String {
        var occurrences: [String: Int] = [:]
        let issues = report.diagnostics.sortedForDisplay().map { diagnostic in
            let identity = [
                diagnostic.code, diagnostic.range?.path ?? "", diagnostic.workflow ?? "", diagnostic.task ?? "",
                diagnostic.message,
            ].joined(separator: "\u{1F}")
            let occurrence = occurrences[identity, default: 0]
            occurrences[identity] = occurrence + 1
            return Issue(
                description: diagnostic.hint.map { "\(diagnostic.message) (hint: \($0))" } ?? diagnostic.message,
                checkName: diagnostic.code,
                fingerprint: Self.fingerprint("\(identity)\u{1F}\(occurrence)"),
                severity: Self.severity(diagnostic.severity),
                location: Location(
                    path: diagnostic.range?.path ?? report.projectAnchorPath,
                    lines: Lines(begin: diagnostic.range?.start.line ?? 1, end: diagnostic.range?.end.line ?? 1)
                )
            )
        }
        return JSONOutput.string(issues)
    }

    private static func fingerprint(_ identity: String) -> String {
        let digits = Array("0123456789abcdef".utf8)
        let hex = SHA256.hash(data: Array(identity.utf8)).flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0xF)]] }
        return String(decoding: hex, as: UTF8.self)
    }

    private static func severity(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: "major"
        case .warning: "minor"
        case .note: "info"
        }
    }

    private struct Issue: Encodable {
        let type = "issue"
        let description: String
        let checkName: String
        let fingerprint: String
        let severity: String
        let location: Location

        enum CodingKeys: String, CodingKey {
            case type, description, fingerprint, severity, location
            case checkName = "check_name"
        }
    }

    private struct Location: Encodable {
        let path: String
        let lines: Lines
    }

    private struct Lines: Encodable {
        let begin: Int
        let end: Int
    }
}
