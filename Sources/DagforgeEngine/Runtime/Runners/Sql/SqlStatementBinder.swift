import DagforgeWire
import Foundation

/// One SQL statement ready to run: text with positional placeholders and the values bound to them.
struct BoundStatement: Sendable, Equatable {
    var sql: String
    var arguments: [SqlArgument]
}

/// A bound value, typed from the parameter's DataType as DolphinScheduler's `setInParameter` does.
enum SqlArgument: Sendable, Equatable {
    case text(String)
    case integer(Int64)
    case real(Double)
    case boolean(Bool)
}

/// Turns a statement's parameter references into bound values (DolphinScheduler's SqlTask):
/// `${name}` (with or without surrounding quotes) becomes a placeholder bound to the parameter's value, a LIST
/// parameter expands to one placeholder per element, `!{name}` is pasted into the text as is (quotes around
/// it included), and `$[...]` time placeholders are replaced first.
struct SqlStatementBinder {
    enum Placeholders {
        /// `?` (SQLite).
        case questionMark
        /// `$1`, `$2`, ... (PostgreSQL).
        case numbered
    }

    let parameters: ResolvedParameters
    let placeholders: Placeholders

    func bind(_ statement: String) throws(ParameterError) -> BoundStatement {
        let timed = try parameters.timeEvaluator().map { (evaluator: TimePlaceholder) throws(ParameterError) -> String in
            try ResolvedParameters.replaceTimePlaceholders(in: statement, evaluator: evaluator)
        } ?? statement
        let pasted = try replace(in: timed, marker: "!") { (name: String) throws(ParameterError) -> String in
            try value(of: name)
        }
        var arguments: [SqlArgument] = []
        let sql = try replace(in: pasted, marker: "$") { (name: String) throws(ParameterError) -> String in
            guard let property = parameters.properties[name] else {
                throw ParameterError("the SQL uses ${\(name)} but no parameter '\(name)' is defined")
            }
            let values = try Self.arguments(for: property)
            var text: [String] = []
            for value in values {
                arguments.append(value)
                text.append(placeholders == .questionMark ? "?" : "$\(arguments.count)")
            }
            return text.joined(separator: ",")
        }
        return BoundStatement(sql: sql, arguments: arguments)
    }

    private func value(of name: String) throws(ParameterError) -> String {
        guard let value = parameters[name] else {
            throw ParameterError("the SQL uses !{\(name)} but no parameter '\(name)' is defined")
        }
        return value
    }

    /// Replaces every `<marker>{name}`, with one optional quote character on each side swallowed, by `body`'s text.
    private func replace(in text: String, marker: Character,
                         _ body: (String) throws(ParameterError) -> String) throws(ParameterError) -> String {
        let characters = Array(text)
        var output = ""
        var index = 0
        while index < characters.count {
            let quoted = index + 1 < characters.count && Self.isQuote(characters[index]) && characters[index + 1] == marker
            let start = quoted ? index + 1 : index
            guard characters[start] == marker, start + 1 < characters.count, characters[start + 1] == "{",
                  let close = characters[(start + 2)...].firstIndex(of: "}") else {
                output.append(characters[index])
                index += 1
                continue
            }
            let name = String(characters[(start + 2)..<close])
            var end = close + 1
            if quoted, end < characters.count, Self.isQuote(characters[end]) {
                end += 1
            } else if quoted {
                output.append(characters[index])
            }
            output += try body(name)
            index = end
        }
        return output
    }

    private static func isQuote(_ character: Character) -> Bool { character == "'" || character == "\"" }

    static func arguments(for property: Property) throws(ParameterError) -> [SqlArgument] {
        let value = property.value
        func invalid() -> ParameterError {
            ParameterError("parameter '\(property.prop)' of type \(property.type.rawValue) has the value '\(value)'")
        }
        switch property.type {
        case .INTEGER, .LONG:
            guard let number = Int64(value.trimmingCharacters(in: .whitespaces)) else { throw invalid() }
            return [.integer(number)]
        case .FLOAT, .DOUBLE:
            guard let number = Double(value.trimmingCharacters(in: .whitespaces)) else { throw invalid() }
            return [.real(number)]
        case .BOOLEAN:
            // Java's Boolean.parseBoolean: "true" in any case is true, anything else false.
            return [.boolean(value.lowercased() == "true")]
        case .LIST:
            guard let data = value.data(using: .utf8), let list = try? WireJSON.decoder().decode([JSONValue].self, from: data) else {
                return value.isEmpty ? [] : [.text(value)]
            }
            return list.map { element in
                switch element {
                case .int(let number): .integer(number)
                case .double(let number): .real(number)
                case .bool(let flag): .text(String(flag))
                case .string(let text): .text(text)
                default: .text(element.compactString())
                }
            }
        default:
            return [.text(value)]
        }
    }
}
