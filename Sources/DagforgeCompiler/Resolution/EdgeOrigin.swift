import DagforgeSpec

/// Why a dependency edge exists. Every edge of the task graph keeps its origins, so cycles and
/// `dagforge graph` can say where each edge came from.
public enum EdgeOrigin: Hashable, Sendable, Codable {
    /// Written by the user: an `upstream:` entry, a dependent task's `on:`, or a conditions/switch branch.
    case declared(SourceRange)
    /// Inferred from SQL lineage: the downstream task reads `table` (at `read`), which the upstream task
    /// writes (at `written`).
    case inferred(table: String, read: SourceRange, written: SourceRange)

    /// Where a message should point for this edge.
    public var range: SourceRange {
        switch self {
        case .declared(let range): range
        case .inferred(_, let read, _): read
        }
    }

    /// The table an inferred edge was inferred from.
    public var table: String? {
        if case .inferred(let table, _, _) = self { return table }
        return nil
    }

    public var isInferred: Bool {
        if case .inferred = self { return true }
        return false
    }

    /// "declared at a.sql:2:13" / "inferred from dw.t read at b.sql:14:8 (written at a.sql:3:1)".
    public var explanation: String {
        switch self {
        case .declared(let range): "declared at \(range.description)"
        case .inferred(let table, let read, let written):
            "inferred from \(table) read at \(read.description) (written at \(written.description))"
        }
    }
}

/// An edge found by SQL lineage, handed to the resolver by the caller (the compiler never parses SQL itself).
public struct InferredEdge: Hashable, Sendable {
    public var upstream: TaskAddress
    public var downstream: TaskAddress
    public var table: String
    public var read: SourceRange
    public var written: SourceRange

    public init(upstream: TaskAddress, downstream: TaskAddress, table: String, read: SourceRange, written: SourceRange) {
        self.upstream = upstream
        self.downstream = downstream
        self.table = table
        self.read = read
        self.written = written
    }

    var crossesWorkflows: Bool { upstream.workflow != downstream.workflow }
}
