import DagforgeWire

extension DependResult {
    /// Combines results with AND / OR as DolphinScheduler's `DependentUtils.getDependResultForRelation`:
    /// AND fails on any failure, else waits on any wait, else succeeds (also when empty); OR succeeds on any
    /// success, else waits on any wait, else fails (also when empty).
    public static func combined(_ relation: DependentRelation, _ results: [DependResult]) -> DependResult {
        switch relation {
        case .AND:
            if results.contains(.FAILED) { return .FAILED }
            if results.contains(.WAITING) { return .WAITING }
            return .SUCCESS
        case .OR:
            if results.contains(.SUCCESS) { return .SUCCESS }
            if results.contains(.WAITING) { return .WAITING }
            return .FAILED
        }
    }
}
