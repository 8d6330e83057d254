import DagforgeWire

/// Collects the OUT values a task prints as `${setValue(name=value)}` or `#{setValue(name=value)}`, fed one
/// output line at a time (DolphinScheduler's TaskOutputParameterParser). A value may span lines until `)}`.
public struct OutputParameterParser: Sendable {
    /// Parsed values; a later `setValue` of the same name wins.
    public private(set) var values: [String: String] = [:]
    private var pending: [String]?
    private var pendingLength = 0
    private let maxLines: Int
    private let maxLength: Int

    public init(maxLines: Int = 1024, maxLength: Int = 1 << 20) {
        self.maxLines = maxLines
        self.maxLength = maxLength
    }

    public mutating func consume(line: String) {
        var rest = Substring(line)
        while true {
            if pending != nil {
                guard let end = rest.range(of: ")}") else {
                    pending?.append(String(rest))
                    pendingLength += rest.count
                    if (pending?.count ?? 0) > maxLines || pendingLength > maxLength { pending = nil }
                    return
                }
                pending?.append(String(rest[..<end.upperBound]))
                if let expression = pending?.joined(separator: "\n") { record(expression) }
                pending = nil
                pendingLength = 0
                rest = rest[end.upperBound...]
                continue
            }
            guard let start = rest.range(of: "${setValue(") ?? rest.range(of: "#{setValue(") else { return }
            pending = []
            rest = rest[start.lowerBound...]
        }
    }

    private mutating func record(_ expression: String) {
        // expression is `${setValue(` + key=value + `)}`.
        let body = expression.dropFirst(11).dropLast(2)
        guard let equals = body.firstIndex(of: "=") else { return }
        values[String(body[..<equals])] = String(body[body.index(after: equals)...])
    }

    /// The task's OUT local parameters with the values it printed (declared defaults where it printed none):
    /// what the task adds to the var pool.
    public func outParameters(declaredIn localParams: [Property]) -> [Property] {
        localParams.filter { $0.direct == .OUT }.map { property in
            var property = property
            if let value = values[property.prop] { property.value = value }
            return property
        }
    }
}
