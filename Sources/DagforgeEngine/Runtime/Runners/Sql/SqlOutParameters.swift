import DagforgeWire
import Foundation

/// Fills an SQL task's OUT parameters from its result (DolphinScheduler's `SqlParameters.dealOutParam`):
/// one row → every OUT parameter takes its column's value (or "null" if there is no such column); several
/// rows → only LIST parameters are set, to a JSON array of the column's values; no rows → "" for each column;
/// a non-query → the first OUT parameter gets the update count.
enum SqlOutParameters {
    static func values(for localParams: [Property], result: SqlResult, isQuery: Bool) -> [Property] {
        var out = localParams.filter { $0.direct == .OUT }
        guard !out.isEmpty else { return [] }
        if !isQuery {
            if let count = result.updateCount { out[0].value = String(count) }
            return out
        }
        if result.rowCount > 1 {
            for index in out.indices where out[index].type == .LIST {
                let values = result.listValues[out[index].prop] ?? []
                out[index].value = JSONValue.array(values.map(JSONValue.string)).compactString()
            }
            return out
        }
        let row = result.firstRow ?? Array(repeating: JSONValue.string(""), count: result.columns.count)
        let byColumn = Dictionary(zip(result.columns, row), uniquingKeysWith: { first, _ in first })
        for index in out.indices {
            out[index].value = byColumn[out[index].prop].map(SqlValueText.text) ?? "null"
        }
        return out
    }
}
