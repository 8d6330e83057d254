/// A position in a spec file: 1-based line, 1-based column counted in characters, and the byte offset.
public struct SourceLocation: Hashable, Sendable, Codable, Comparable {
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(line: Int, column: Int, offset: Int = 0) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// Where something was written: a repository-relative path (`workflows/pv_daily/load.sql`) and a span.
public struct SourceRange: Hashable, Sendable, Codable {
    public var path: String
    public var start: SourceLocation
    public var end: SourceLocation

    public init(path: String, start: SourceLocation, end: SourceLocation? = nil) {
        self.path = path
        self.start = start
        self.end = end ?? start
    }

    /// `path:line:column`, as compilers print it.
    public var description: String { "\(path):\(start.line):\(start.column)" }
}
