import Foundation

/// Finds the tables a SQL script reads and writes.
///
/// ```swift
/// let lineage = SQLAnalyzer.analyze("use dw; insert overwrite table x select * from ods.y", dialect: .hive)
/// lineage.writes.map(\.qualifiedName)  // ["dw.x"]
/// lineage.reads.map(\.name)            // ["ods.y"]
/// ```
///
/// Never fails: input it cannot read yields what it can find plus `warnings`.
public enum SQLAnalyzer {
    public static func analyze(_ script: String, dialect: SQLDialect) -> SQLLineage {
        var script = script
        return script.withUTF8 { analyze(utf8: $0, dialect: dialect) }
    }

    public static func analyze(_ script: Data, dialect: SQLDialect) -> SQLLineage {
        script.withUnsafeBytes { raw in
            analyze(utf8: raw.bindMemory(to: UInt8.self), dialect: dialect)
        }
    }

    public static func analyze(_ script: [UInt8], dialect: SQLDialect) -> SQLLineage {
        script.withUnsafeBufferPointer { analyze(utf8: $0, dialect: dialect) }
    }

    /// The script's UTF-8 bytes; they are only read during the call.
    public static func analyze(utf8 bytes: UnsafeBufferPointer<UInt8>, dialect: SQLDialect) -> SQLLineage {
        let traits = DialectTraits(dialect)
        var lexer = SQLLexer(bytes: bytes, traits: traits)
        lexer.run()
        defer { lexer.tokens.deallocate() }
        let tokens = lexer.tokens.buffer
        let text = TokenText(bytes: bytes)
        let statements = StatementSplitter(tokens: tokens).statements()
        var analyzer = StatementAnalyzer(tokens: tokens, text: text, traits: traits)
        var script = ScriptLineage()
        var warnings = lexer.warnings
        for statement in statements {
            if statement.isSkippedProgram {
                let offset = tokens[statement.range.lowerBound].start
                warnings.append((offset, "stored program skipped: its body is not analyzed"))
                continue
            }
            analyzer.analyze(statement.range)
            script.add(analyzer.reads, analyzer.writes, tokens: tokens)
            warnings += analyzer.warnings
            if let schema = analyzer.schemaChange { script.setDefaultSchema(schema) }
        }
        return script.lineage(warnings: warnings, positions: LineIndex(bytes: bytes))
    }
}
