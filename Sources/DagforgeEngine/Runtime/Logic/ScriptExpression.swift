import Foundation

/// A small, safe evaluator for the JavaScript-style boolean conditions of SWITCH tasks: number, string
/// (double- or single-quoted), `true`/`false`/`null` literals, parentheses, `!`, unary `-`/`+`,
/// `* / %`, `+ -` (string concatenation when either side is a string), `< > <= >=`, `== != === !==`, `&&`, `||`,
/// with JavaScript's comparison and truthiness rules. Anything else (identifiers, calls, assignments) is a syntax
/// error; there is no JavaScript engine behind it.
struct ScriptExpression {
    struct SyntaxError: Error, Equatable, CustomStringConvertible {
        let description: String
    }

    enum Value: Equatable {
        case number(Double)
        case string(String)
        case bool(Bool)
        case null
    }

    private enum Token: Equatable {
        case value(Value)
        case symbol(String)
    }

    private let tokens: [Token]
    private var position = 0

    /// Evaluates `source`; throws on a syntax error.
    static func evaluate(_ source: String) throws(SyntaxError) -> Value {
        var parser = ScriptExpression(tokens: try tokenize(source))
        let value = try parser.parseBinary(precedence: 0)
        guard parser.position == parser.tokens.count else {
            throw SyntaxError(description: "unexpected text after the expression in '\(source)'")
        }
        return value
    }

    private init(tokens: [Token]) {
        self.tokens = tokens
    }

    // MARK: Parsing (precedence climbing)

    private static let precedence: [String: Int] = [
        "||": 1, "&&": 2, "==": 3, "!=": 3, "===": 3, "!==": 3, "<": 4, ">": 4, "<=": 4, ">=": 4,
        "+": 5, "-": 5, "*": 6, "/": 6, "%": 6,
    ]

    private mutating func parseBinary(precedence minimum: Int) throws(SyntaxError) -> Value {
        var left = try parseUnary()
        while position < tokens.count, case .symbol(let op) = tokens[position],
              let level = Self.precedence[op], level > minimum {
            position += 1
            let right = try parseBinary(precedence: level)
            left = Self.apply(op, left, right)
        }
        return left
    }

    private mutating func parseUnary() throws(SyntaxError) -> Value {
        guard position < tokens.count else { throw SyntaxError(description: "the expression ends too early") }
        let token = tokens[position]
        position += 1
        switch token {
        case .value(let value):
            return value
        case .symbol("!"):
            return .bool(!Self.truthy(try parseUnary()))
        case .symbol("-"):
            return .number(-Self.number(try parseUnary()))
        case .symbol("+"):
            return .number(Self.number(try parseUnary()))
        case .symbol("("):
            let value = try parseBinary(precedence: 0)
            guard position < tokens.count, tokens[position] == .symbol(")") else {
                throw SyntaxError(description: "missing ')'")
            }
            position += 1
            return value
        case .symbol(let symbol):
            throw SyntaxError(description: "unexpected '\(symbol)'")
        }
    }

    // MARK: JavaScript semantics

    private static func apply(_ op: String, _ left: Value, _ right: Value) -> Value {
        switch op {
        case "||": return truthy(left) ? left : right
        case "&&": return truthy(left) ? right : left
        case "===": return .bool(strictEquals(left, right))
        case "!==": return .bool(!strictEquals(left, right))
        case "==": return .bool(looseEquals(left, right))
        case "!=": return .bool(!looseEquals(left, right))
        case "<", ">", "<=", ">=": return .bool(compare(op, left, right))
        case "+":
            if case .string = left { return .string(text(left) + text(right)) }
            if case .string = right { return .string(text(left) + text(right)) }
            return .number(number(left) + number(right))
        case "-": return .number(number(left) - number(right))
        case "*": return .number(number(left) * number(right))
        case "/": return .number(number(left) / number(right))
        default: return .number(number(left).truncatingRemainder(dividingBy: number(right)))
        }
    }

    static func truthy(_ value: Value) -> Bool {
        switch value {
        case .bool(let flag): flag
        case .number(let number): number != 0 && !number.isNaN
        case .string(let text): !text.isEmpty
        case .null: false
        }
    }

    private static func number(_ value: Value) -> Double {
        switch value {
        case .number(let number): number
        case .bool(let flag): flag ? 1 : 0
        case .null: 0
        case .string(let text):
            text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                ? 0 : Double(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? .nan
        }
    }

    private static func text(_ value: Value) -> String {
        switch value {
        case .string(let text): text
        case .bool(let flag): String(flag)
        case .null: "null"
        case .number(let number):
            number.rounded() == number && abs(number) < 1e21 ? String(Int64(number)) : String(number)
        }
    }

    private static func strictEquals(_ left: Value, _ right: Value) -> Bool {
        if case .number(let a) = left, case .number(let b) = right { return a == b }
        return left == right
    }

    private static func looseEquals(_ left: Value, _ right: Value) -> Bool {
        switch (left, right) {
        case (.null, .null): return true
        case (.null, _), (_, .null): return false
        case (.string(let a), .string(let b)): return a == b
        default: return number(left) == number(right)
        }
    }

    private static func compare(_ op: String, _ left: Value, _ right: Value) -> Bool {
        if case .string(let a) = left, case .string(let b) = right {
            let order: Bool
            switch op {
            case "<": order = a.utf16.lexicographicallyPrecedes(b.utf16)
            case ">": order = b.utf16.lexicographicallyPrecedes(a.utf16)
            case "<=": order = !b.utf16.lexicographicallyPrecedes(a.utf16)
            default: order = !a.utf16.lexicographicallyPrecedes(b.utf16)
            }
            return order
        }
        let a = number(left)
        let b = number(right)
        switch op {
        case "<": return a < b
        case ">": return a > b
        case "<=": return a <= b
        default: return a >= b
        }
    }

    // MARK: Tokens

    private static let symbols = ["===", "!==", "==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "(", ")",
                                  "+", "-", "*", "/", "%"]

    private static func tokenize(_ source: String) throws(SyntaxError) -> [Token] {
        var tokens: [Token] = []
        var rest = Substring(source)
        while let first = rest.first {
            if first.isWhitespace {
                rest.removeFirst()
            } else if first == "\"" || first == "'" {
                rest.removeFirst()
                guard let close = rest.firstIndex(of: first) else {
                    throw SyntaxError(description: "unterminated string in '\(source)'")
                }
                tokens.append(.value(.string(String(rest[..<close]))))
                rest = rest[rest.index(after: close)...]
            } else if first.isNumber || (first == "." && rest.dropFirst().first?.isNumber == true) {
                let literal = rest.prefix { $0.isNumber || $0 == "." || $0 == "e" || $0 == "E" }
                guard let number = Double(literal) else {
                    throw SyntaxError(description: "'\(literal)' is not a number")
                }
                tokens.append(.value(.number(number)))
                rest = rest.dropFirst(literal.count)
            } else if first.isLetter || first == "_" || first == "$" {
                let word = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" }
                switch word {
                case "true": tokens.append(.value(.bool(true)))
                case "false": tokens.append(.value(.bool(false)))
                case "null": tokens.append(.value(.null))
                default: throw SyntaxError(description: "'\(word)' is not a literal; only values can be compared")
                }
                rest = rest.dropFirst(word.count)
            } else if let symbol = symbols.first(where: { rest.hasPrefix($0) }) {
                tokens.append(.symbol(symbol))
                rest = rest.dropFirst(symbol.count)
            } else {
                throw SyntaxError(description: "unexpected '\(first)' in '\(source)'")
            }
        }
        return tokens
    }
}
