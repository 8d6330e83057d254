/// The tables one SQL script reads and writes.
///
/// Both lists are de-duplicated (by name and schema in effect, keeping the first occurrence) and sorted by
/// the bytes of the name. A table that an earlier statement of the same script wrote is not a read.
public struct SQLLineage: Sendable, Equatable {
    /// Tables read from sources the script did not produce itself.
    public var reads: [TableReference]
    /// Tables the script creates, inserts into, updates, deletes from, merges into or loads.
    public var writes: [TableReference]
    /// Things the analyzer skipped or could not read (procedure bodies, unterminated quotes, ...).
    public var warnings: [SQLWarning]
    /// Every default schema set by `USE db` or `SET search_path` in the script, in order of appearance.
    public var defaultSchemas: [String]

    public init(reads: [TableReference] = [], writes: [TableReference] = [],
                warnings: [SQLWarning] = [], defaultSchemas: [String] = []) {
        self.reads = reads
        self.writes = writes
        self.warnings = warnings
        self.defaultSchemas = defaultSchemas
    }
}

/// A table named in the script.
public struct TableReference: Sendable, Hashable {
    /// Lowercase, unquoted, qualified exactly as written: `x`, `dw.x`, `catalog.dw.x`.
    /// DolphinScheduler placeholders (`${db}`, `$[yyyyMMdd]`) are kept verbatim.
    public var name: String
    /// The schema set by the last `USE` / `SET search_path` before this reference, if any.
    /// The compiler qualifies an unqualified `name` with it.
    public var schemaInEffect: String?
    /// 1-based line in the script.
    public var line: Int
    /// 1-based column in the line, counted in characters.
    public var column: Int
    /// 0-based byte offset in the script's UTF-8 bytes.
    public var offset: Int

    public init(name: String, schemaInEffect: String? = nil, line: Int, column: Int, offset: Int) {
        self.name = name
        self.schemaInEffect = schemaInEffect
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// `name` qualified with `schemaInEffect` when it is unqualified: the key the compiler matches on.
    public var qualifiedName: String {
        guard let schema = schemaInEffect, !name.utf8.contains(UInt8(ascii: ".")) else { return name }
        return schema + "." + name
    }
}

/// Something the analyzer skipped or could not read. Positions are relative to the script.
public struct SQLWarning: Sendable, Hashable {
    public var message: String
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(message: String, line: Int, column: Int, offset: Int) {
        self.message = message
        self.line = line
        self.column = column
        self.offset = offset
    }
}
