// libFuzzer entry point for DagforgeSQL, compiled together with the module's sources (see Fuzz/run.sh).
// Every input is analyzed in every dialect; an invariant violation traps, which libFuzzer reports as a crash.

@_cdecl("LLVMFuzzerTestOneInput")
public func lineageFuzzerTestOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: start, count: start == nil ? 0 : count)
    for dialect in SQLDialect.allCases {
        let lineage = SQLAnalyzer.analyze(utf8: bytes, dialect: dialect)
        for reference in lineage.reads + lineage.writes {
            precondition(!reference.name.isEmpty, "empty table name")
            precondition(reference.offset >= 0 && reference.offset < count, "offset outside the input")
            precondition(reference.line >= 1 && reference.column >= 1, "position not 1-based")
        }
        for warning in lineage.warnings {
            precondition(warning.offset >= 0 && warning.offset <= count, "warning outside the input")
        }
        let names = lineage.reads.map(\.name)
        precondition(zip(names, names.dropFirst()).allSatisfy { !$1.utf8.lexicographicallyPrecedes($0.utf8) },
                     "reads not sorted")
    }
    return 0
}
