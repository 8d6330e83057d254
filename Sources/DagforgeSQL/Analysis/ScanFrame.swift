/// What the scan knows about one level of parentheses.
struct ScanFrame {
    /// Inside a `FROM a, b` list: a comma introduces another table.
    var inTableList = false
    /// The parentheses of a function call: `FROM` there is an expression (`EXTRACT(YEAR FROM d)`),
    /// unless a `SELECT` came first.
    var isFunctionCall = false
    var sawSelect = false
}
