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

    /// The marker in a description, or nil for a workflow dagforge does not manage. Plan reads one per deployed
    /// and per compiled workflow, so it works on the UTF-8 bytes of the last line only.
    public static func parse(description: String) -> Marker? {
        guard let line = markerLine(of: description) else { return nil }
        var source: Substring?, commit: Substring?, hash: Substring?
        let utf8 = line.utf8
        var partStart = utf8.index(utf8.startIndex, offsetBy: linePrefix.count)
        while true {
            let partEnd = separatorStart(in: line, from: partStart) ?? utf8.endIndex
            let part = line[partStart..<partEnd]
            guard let colon = part.utf8.indices.first(where: { index in
                part.utf8[index] == UInt8(ascii: ":") && part.utf8[part.utf8.index(after: index)...].first == UInt8(ascii: " ")
            }) else { return nil }
            let value = part[part.utf8.index(colon, offsetBy: 2)...]
            switch part[..<colon] {
            case "source": source = value
            case "commit": commit = value
            case "hash": hash = value
            default: break
            }
            guard partEnd != utf8.endIndex else { break }
            partStart = utf8.index(partEnd, offsetBy: separatorBytes.count)
        }
        guard let source, let commit, let hash else { return nil }
        return Marker(sourcePath: String(source), commit: String(commit), contentHash: String(hash))
    }

    /// Where the next ` | ` starts in `line` at or after `start`.
    private static func separatorStart(in line: Substring, from start: Substring.Index) -> Substring.Index? {
        let utf8 = line.utf8
        var index = start
        while index < utf8.endIndex {
            if utf8[index] == UInt8(ascii: "|"), index > start,
               utf8[utf8.index(before: index)] == UInt8(ascii: " "),
               utf8[utf8.index(after: index)...].first == UInt8(ascii: " ") {
                return utf8.index(before: index)
            }
            index = utf8.index(after: index)
        }
        return nil
    }

    /// The user's part of a description: everything but a trailing marker line.
    public static func userText(of description: String) -> String {
        guard let line = markerLine(of: description), parse(description: description) != nil else { return description }
        // The line break before the marker line; a description that is only the marker has no user text.
        let lineBreak = description.utf8.index(before: line.startIndex)
        return line.startIndex == description.startIndex ? "" : String(description[..<lineBreak])
    }

    /// The user's text as it will read after deploy (shortened when the marker needs the room).
    public static func deployedUserText(_ text: String, sourcePath: String, commit: String) -> String {
        let marker = Marker(sourcePath: sourcePath, commit: commit, contentHash: String(repeating: "0", count: 16))
        let markerLength = marker.line.unicodeScalars.count
        // Text that fits beside the full marker deploys unchanged (reading it back strips only the marker).
        if markerLength <= descriptionLimit, text.unicodeScalars.count <= descriptionLimit - markerLength - 1 {
            return text
        }
        return userText(of: marker.description(userText: text))
    }

    /// The description's last line when it starts like a marker (`managed by dagforge | `).
    private static func markerLine(of description: String) -> Substring? {
        let utf8 = description.utf8
        let start = utf8.lastIndex(of: UInt8(ascii: "\n")).map(utf8.index(after:)) ?? utf8.startIndex
        guard utf8[start...].starts(with: linePrefix) else { return nil }
        return description[start...]
    }

    private static let linePrefix = Array((prefix + separator).utf8)
    private static let separatorBytes = Array(separator.utf8)

    private static func fitting(_ text: String, into room: Int) -> String {
        guard text.unicodeScalars.count > room else { return text }
        guard room > 1 else { return "" }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.prefix(room - 1))
        return String(scalars) + "…"
    }
}
