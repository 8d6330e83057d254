import DagforgeWire
import Foundation

/// SWITCH tasks (master `SwitchLogicTask`, `SwitchTaskUtils`): each case's condition has its single quotes
/// turned into double quotes and each `${name}` replaced by the parameter's value (bare for numeric and
/// boolean types, double-quoted otherwise); the first case that evaluates to exactly `true` wins, else the
/// default branch. A case whose condition cannot be evaluated counts as false.
public enum SwitchEvaluator {
    public struct Choice: Sendable, Equatable {
        /// The task codes to follow (empty if the chosen branch has none).
        public var follow: [Int64]
        /// Every other branch's task codes, to be skipped.
        public var skip: [Int64]
        /// Index of the matching case, or nil for the default branch.
        public var caseIndex: Int?
        /// One line per case explaining its evaluation, for the task log.
        public var explanation: [String]
    }

    /// - Parameters:
    ///   - parameters: the task's resolved parameters; `varPool` values override them.
    /// - Throws: ``ParameterError`` when a numeric or boolean parameter does not hold such a value (the task fails,
    ///   as in DolphinScheduler).
    public static func choose(_ switchParameters: SwitchParameters, parameters: [String: Property],
                              varPool: [Property]) throws(ParameterError) -> Choice {
        var values = parameters
        for property in varPool { values[property.prop] = property }
        let cases = switchParameters.switchResult.dependTaskList
        var explanation: [String] = []
        var chosen: Int?
        for (index, candidate) in cases.enumerated() {
            let content = try substitute(candidate.condition, values)
            let outcome: String
            do {
                let value = try ScriptExpression.evaluate(content)
                if value == .bool(true) {
                    chosen = index
                    outcome = "true"
                } else {
                    outcome = "false"
                }
            } catch {
                outcome = "false (\(error))"
            }
            explanation.append("case \(index + 1): \(content) -> \(outcome)")
            if chosen != nil { break }
        }
        let defaultBranch = switchParameters.switchResult.nextNode.map { [$0] } ?? []
        let follow = chosen.map { [cases[$0].nextNode] } ?? defaultBranch
        let all = cases.map(\.nextNode) + defaultBranch
        return Choice(follow: follow, skip: all.filter { !follow.contains($0) }, caseIndex: chosen,
                      explanation: explanation)
    }

    static func substitute(_ condition: String, _ values: [String: Property]) throws(ParameterError) -> String {
        let original = condition.replacingOccurrences(of: "'", with: "\"")
        // Names are taken from the original text, so a value that itself looks like a placeholder stays as is.
        var names: [String] = []
        var searchFrom = original.startIndex
        while let open = original.range(of: "${", range: searchFrom..<original.endIndex),
              let close = original.range(of: "}", range: open.upperBound..<original.endIndex) {
            names.append(String(original[open.upperBound..<close.lowerBound]))
            searchFrom = close.upperBound
        }
        var content = original
        for name in names {
            guard let property = values[name] else { continue }
            content = content.replacingOccurrences(of: "${\(name)}", with: try literal(for: property))
        }
        return content
    }

    private static func literal(for property: Property) throws(ParameterError) -> String {
        let value = property.value
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        switch property.type {
        case .INTEGER, .LONG:
            guard let number = Int64(trimmed) else { throw invalid(property) }
            return String(number)
        case .FLOAT, .DOUBLE:
            guard let number = Double(trimmed) else { throw invalid(property) }
            return String(number)
        case .BOOLEAN:
            return String(value.lowercased() == "true")
        default:
            return "\"\(value)\""
        }
    }

    private static func invalid(_ property: Property) -> ParameterError {
        ParameterError("parameter '\(property.prop)' of type \(property.type.rawValue) has the value '\(property.value)'")
    }
}
