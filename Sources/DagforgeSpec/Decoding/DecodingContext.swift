/// Collects the diagnostics of one file while its decoders keep going past each problem.
struct DecodingContext {
    let path: String
    var diagnostics: [Diagnostic] = []

    init(path: String) { self.path = path }

    mutating func error(_ code: String, _ message: String, hint: String? = nil, at range: SourceRange) {
        diagnostics.append(Diagnostic(.error, code, message, hint: hint, at: range))
    }

    mutating func wrongType(_ node: SpecNode, key: String, expected: ValueShape) {
        error("DF103", "'\(key)' must be \(expected.expectation), found \(node.kindDescription)",
              hint: "Change the value of '\(key)' to \(expected.expectation).", at: node.range)
    }

    mutating func invalidValue(_ node: SpecNode, _ message: String, hint: String) {
        error("DF106", message, hint: hint, at: node.range)
    }
}
