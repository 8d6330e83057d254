/// dagforge's mark on a deployed workflow: the last line of its description, so DolphinScheduler's UI
/// shows it in the workflow list and detail, e.g.
///
///     managed by dagforge | source: workflows/pv_daily | commit: 1f0c…e9 | hash: 9f86d081884c7d65
///
/// `status`, `promote` and drift detection read it back; there is no state file. The whole description
/// must stay within DolphinScheduler's 255 code points (reference §6.6.2), so the user's text is shortened
/// (with "…") when needed, never the marker.
public struct Marker: Codable, Hashable, Sendable {
    public var sourcePath: String
    /// The git commit the workflow was deployed from.
    public var commit: String
    /// `ContentHash` of the workflow as deployed; a different hash of the engine's copy means drift.
    public var contentHash: String

    public static let descriptionLimit = 255
    static let prefix = "managed by dagforge"
    static let separator = " | "

    public init(sourcePath: String, commit: String, contentHash: String) {
        self.sourcePath = sourcePath
        self.commit = commit
        self.contentHash = contentHash
    }

    /// The marker line.
    public var line: String {
        [Self.prefix, "source: " + sourcePath, "commit: " + commit, "hash: " + contentHash].joined(separator: Self.separator)
    }

    /// The description to deploy: the user's text, then the marker on its own line.
    public func description(userText: String) -> String {
        var marker = line
        if marker.unicodeScalars.count > Self.descriptionLimit {
            marker = Marker(sourcePath: sourcePath, commit: String(commit.prefix(12)), contentHash: contentHash).line
        }
        let text = Self.fitting(userText, into: Self.descriptionLimit - marker.unicodeScalars.count - 1)
        return text.isEmpty ? marker : text + "\n" + marker
    }

    /// The marker in a description, or nil for a workflow dagforge does not manage.
    public static func parse(description: String) -> Marker? {
        let last = description[(description.lastIndex(of: "\n").map(description.index(after:)) ?? description.startIndex)...]
        guard last.hasPrefix(prefix + separator) else { return nil }
        var values: [Substring: Substring] = [:]
        for part in last.split(separator: separator, omittingEmptySubsequences: false).dropFirst() {
            guard let colon = part.firstRange(of: ": ") else { return nil }
            values[part[..<colon.lowerBound]] = part[colon.upperBound...]
        }
        guard let source = values["source"], let commit = values["commit"], let hash = values["hash"] else { return nil }
        return Marker(sourcePath: String(source), commit: String(commit), contentHash: String(hash))
    }

    /// The user's part of a description: everything but a trailing marker line.
    public static func userText(of description: String) -> String {
        guard parse(description: description) != nil else { return description }
        return String(description[..<(description.lastIndex(of: "\n") ?? description.startIndex)])
    }

    /// The user's text as it will read after deploy (shortened when the marker needs the room).
    public static func deployedUserText(_ text: String, sourcePath: String, commit: String) -> String {
        userText(of: Marker(sourcePath: sourcePath, commit: commit, contentHash: String(repeating: "0", count: 16))
            .description(userText: text))
    }

    private static func fitting(_ text: String, into room: Int) -> String {
        guard text.unicodeScalars.count > room else { return text }
        guard room > 1 else { return "" }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.prefix(room - 1))
        return String(scalars) + "…"
    }
}
