import DagforgeWire

/// The statements of one SQL task, bound and in order, and how to treat the main statement's result.
struct SqlPlan: Sendable {
    var pre: [BoundStatement]
    /// For a query task only the first statement runs, as in DolphinScheduler.
    var main: [BoundStatement]
    var post: [BoundStatement]
    var isQuery: Bool
    /// Rows written to the log.
    var displayRows: Int
    /// Rows read at most (DolphinScheduler's `limit`, default 10,000).
    var limit: Int
    /// Columns whose values are collected for LIST-typed OUT parameters.
    var listColumns: Set<String>
}

/// What the main statement produced.
struct SqlResult: Sendable, Equatable {
    var columns: [String] = []
    var firstRow: [JSONValue]?
    var rowCount = 0
    var listValues: [String: [String]] = [:]
    /// Rows changed by the last non-query main statement.
    var updateCount: Int?
}

/// Accumulates query rows without keeping them: logs the first `displayRows`, keeps the first row and the
/// LIST columns' values.
struct SqlRowCollector: Sendable {
    private(set) var result: SqlResult
    private let plan: SqlPlan
    private let log: TaskLogWriter

    init(columns: [String], plan: SqlPlan, log: TaskLogWriter) {
        self.result = SqlResult(columns: columns)
        self.plan = plan
        self.log = log
    }

    /// Takes one row; returns false once the row limit is reached.
    mutating func add(_ row: [JSONValue]) -> Bool {
        guard result.rowCount < plan.limit else { return false }
        result.rowCount += 1
        if result.firstRow == nil { result.firstRow = row }
        if result.rowCount <= plan.displayRows {
            log.info("row \(result.rowCount) : \(Self.render(row, columns: result.columns))")
        }
        for (index, column) in result.columns.enumerated() where plan.listColumns.contains(column) && index < row.count {
            result.listValues[column, default: []].append(SqlValueText.text(row[index]))
        }
        return true
    }

    /// A row as a JSON object in column order, as DolphinScheduler logs it.
    static func render(_ row: [JSONValue], columns: [String]) -> String {
        let fields = zip(columns, row).map { column, value in
            "\(JSONValue.string(column).compactString()):\(value.compactString())"
        }
        return "{" + fields.joined(separator: ",") + "}"
    }
}

/// How a result cell reads as a parameter value (Java's `String.valueOf` of the JSON value).
enum SqlValueText {
    static func text(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .string(let text): text
        case .bool(let flag): String(flag)
        case .int(let number): String(number)
        case .double(let number): String(number)
        default: value.compactString()
        }
    }
}
