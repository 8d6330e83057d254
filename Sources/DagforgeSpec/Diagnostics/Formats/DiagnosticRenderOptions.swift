/// How a report is rendered. Only the text format reads `color` and `sourceLines`; only JUnit reads `strict`.
public struct DiagnosticRenderOptions: Sendable {
    /// ANSI colours (a terminal asked for them).
    public var color: Bool
    /// `--strict`: warnings fail like errors (JUnit marks their test cases as failures).
    public var strict: Bool
    /// The lines of a repository-relative file, for the source excerpt under each diagnostic; nil
    /// when the file is not available (the excerpt is then left out).
    public var sourceLines: @Sendable (String) -> [Substring]?

    public init(
        color: Bool = false, strict: Bool = false,
        sourceLines: @escaping @Sendable (String) -> [Substring]? = { _ in nil }
    ) {
        self.color = color
        self.strict = strict
        self.sourceLines = sourceLines
    }

    /// Options whose source excerpts come from file texts keyed by repository-relative path.
    public init(color: Bool = false, strict: Bool = false, sourceFiles: [String: String]) {
        let lines = sourceFiles.mapValues { $0.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) }
        self.init(color: color, strict: strict, sourceLines: { lines[$0] })
    }
}
