import DagforgeSQL
import DagforgeSpec

/// The tables one SQL task reads and writes, with positions in its spec file.
public struct TaskLineage: Hashable, Sendable {
    public var task: TaskAddress
    /// Whether the task takes part in inference (`infer:` on the task, its workflow, the project).
    public var infers: Bool
    /// De-duplicated by qualified name, first occurrence kept.
    public var reads: [TableUse]
    public var writes: [TableUse]
    /// What the analyzer skipped or could not read (DF504).
    public var warnings: [Located<String>]

    /// Analyzes the deployed SQL `text` of `task`. Unqualified names take the schema of the script's
    /// last `USE` / `SET search_path` before them.
    init(task: TaskAddress, text: TaskText, dialect: SQLDialect, infers: Bool) {
        self.task = task
        self.infers = infers
        let lineage = SQLAnalyzer.analyze(text.text, dialect: dialect)
        let position = TextPosition(start: text.start)
        reads = Self.uses(lineage.reads, task: task, position: position)
        writes = Self.uses(lineage.writes, task: task, position: position)
        warnings = lineage.warnings.map {
            Located($0.message, at: position.range(line: $0.line, column: $0.column, offset: $0.offset))
        }
    }

    /// A lineage kept from an earlier analysis of the same text in the same dialect.
    init(task: TaskAddress, infers: Bool, reads: [TableUse], writes: [TableUse], warnings: [Located<String>]) {
        self.task = task
        self.infers = infers
        self.reads = reads
        self.writes = writes
        self.warnings = warnings
    }

    private static func uses(_ references: [TableReference], task: TaskAddress, position: TextPosition) -> [TableUse] {
        var seen: Set<String> = []
        var result: [TableUse] = []
        for reference in references {
            let table = reference.qualifiedName
            guard seen.insert(table).inserted else { continue }
            result.append(TableUse(task: task, table: table,
                                   range: position.range(line: reference.line, column: reference.column, offset: reference.offset)))
        }
        return result
    }
}

/// Maps a position inside a task's text to its file: the first line is shifted by the text's start column.
struct TextPosition {
    let start: SourceRange

    func range(line: Int, column: Int, offset: Int) -> SourceRange {
        let location = SourceLocation(line: start.start.line + line - 1,
                                      column: line == 1 ? start.start.column + column - 1 : column,
                                      offset: start.start.offset + offset)
        return SourceRange(path: start.path, start: location)
    }
}
