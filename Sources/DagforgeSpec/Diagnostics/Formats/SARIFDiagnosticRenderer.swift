import Foundation

/// SARIF 2.1.0 for GitHub code scanning. One run; `tool.driver.rules` holds the catalog entry of every
/// rule the report uses (ordered by id, `ruleIndex` points into it). Paths are repository-relative
/// URIs under `%SRCROOT%`. Notes with a location become `relatedLocations`; the others, and the hint,
/// are appended to the message. GitHub rejects a whole file if one result has no location, so
/// diagnostics without one are anchored, without a region, at `report.projectAnchorPath`.
struct SARIFDiagnosticRenderer {
    func render(_ report: DiagnosticReport) -> String {
        let diagnostics = report.diagnostics.sortedForDisplay()
        let rules = Self.rules(for: diagnostics)
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let results = diagnostics.map { diagnostic in
            SARIFLog.Result(
                ruleId: diagnostic.code,
                // `rules` has an entry for every code in `diagnostics` by construction.
                ruleIndex: ruleIndex[diagnostic.code]!,
                level: Self.level(diagnostic.severity),
                message: SARIFLog.Message(text: Self.messageText(diagnostic)),
                locations: [Self.location(diagnostic.range, anchor: report.projectAnchorPath)],
                relatedLocations: Self.relatedLocations(diagnostic.notes),
                properties: Self.properties(diagnostic)
            )
        }
        let driver = SARIFLog.Driver(
            name: "dagforge", informationUri: report.toolInformationURI, version: report.toolVersion, rules: rules
        )
        return JSONOutput.string(SARIFLog(runs: [SARIFLog.Run(tool: SARIFLog.Tool(driver: driver), results: results)]))
    }

    /// The catalog entry of each code used, or a bare entry for a code missing from the catalog.
    private static func rules(for diagnostics: [Diagnostic]) -> [SARIFLog.Rule] {
        let byCode = Dictionary(grouping: diagnostics, by: \.code).sorted { $0.key < $1.key }
        return byCode.map { code, uses in
            let rule = DiagnosticRule.lookup(code)
                ?? DiagnosticRule(id: code, name: code, shortDescription: code, fullDescription: code, help: code)
            return SARIFLog.Rule(
                id: rule.id,
                name: rule.name,
                shortDescription: SARIFLog.Message(text: rule.shortDescription),
                fullDescription: SARIFLog.Message(text: rule.fullDescription),
                help: SARIFLog.Message(text: rule.help),
                defaultConfiguration: SARIFLog.Configuration(level: level(uses.map(\.severity).min() ?? .error))
            )
        }
    }

    private static func level(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    private static func messageText(_ diagnostic: Diagnostic) -> String {
        let unlocatedNotes = diagnostic.notes.filter { $0.range == nil }.map { "note: \($0.message)" }
        let hint = diagnostic.hint.map { ["hint: \($0)"] } ?? []
        return ([diagnostic.message] + unlocatedNotes + hint).joined(separator: "\n")
    }

    private static func properties(_ diagnostic: Diagnostic) -> [String: String]? {
        let values = ["workflow": diagnostic.workflow, "task": diagnostic.task].compactMapValues { $0 }
        return values.isEmpty ? nil : values
    }

    private static func relatedLocations(_ notes: [Diagnostic.Note]) -> [SARIFLog.Location]? {
        let located = notes.compactMap { note in note.range.map { (message: note.message, range: $0) } }
        guard !located.isEmpty else { return nil }
        return located.enumerated().map { index, note in
            SARIFLog.Location(
                id: index + 1, physicalLocation: physicalLocation(note.range), message: SARIFLog.Message(text: note.message)
            )
        }
    }

    private static func location(_ range: SourceRange?, anchor: String) -> SARIFLog.Location {
        let physical = range.map(physicalLocation)
            ?? SARIFLog.PhysicalLocation(artifactLocation: SARIFLog.ArtifactLocation(uri: uri(anchor)), region: nil)
        return SARIFLog.Location(id: nil, physicalLocation: physical, message: nil)
    }

    private static func physicalLocation(_ range: SourceRange) -> SARIFLog.PhysicalLocation {
        SARIFLog.PhysicalLocation(artifactLocation: SARIFLog.ArtifactLocation(uri: uri(range.path)), region: region(range))
    }

    /// A point range covers one character; SARIF's end column is exclusive, as dagforge's is.
    private static func region(_ range: SourceRange) -> SARIFLog.Region {
        let isPoint = range.end <= range.start
        return SARIFLog.Region(
            startLine: range.start.line,
            startColumn: range.start.column,
            endLine: isPoint ? range.start.line : range.end.line,
            endColumn: isPoint ? range.start.column + 1 : range.end.column
        )
    }

    /// A relative URI reference: unreserved characters, sub-delimiters, '@' and '/' stay, everything else
    /// (spaces, '%', ':', '#', '?', non-ASCII) is percent-encoded as UTF-8.
    static func uri(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: uriPathAllowed) ?? path
    }

    private static let uriPathAllowed = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=@/"
    )
}
