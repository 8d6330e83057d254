/// The integer arithmetic DolphinScheduler allows inside time placeholders (`$[yyyyMMdd-7*2]`,
/// `add_months(yyyyMMdd,-12*N)`): `+ - * /` with parentheses and unary signs, Java `int` semantics.
///
/// Evaluation follows DolphinScheduler 3.2.2's own shunting-yard algorithm, quirks included: a unary sign is
/// only resolved after every binary operator that follows it, so `-1+2` evaluates to `-3` there and here.
enum TimeOffsetArithmetic {
    private enum Token: Equatable {
        case number(Int)
        case plus, minus, times, divide, unaryPlus, unaryMinus, open, close
    }

    static func evaluate(_ expression: String) throws(ParameterError) -> Int {
        let tokens = try tokenize(expression.trimmingCharacters(in: .whitespaces))
        var stack: [Int] = []
        for token in try postfix(tokens) {
            switch token {
            case .number(let value):
                stack.append(value)
            case .unaryPlus, .unaryMinus:
                guard let operand = stack.popLast() else { throw invalid(expression) }
                stack.append(token == .unaryMinus ? -operand : operand)
            default:
                guard let right = stack.popLast(), let left = stack.popLast() else { throw invalid(expression) }
                switch token {
                case .plus: stack.append(left &+ right)
                case .minus: stack.append(left &- right)
                case .times: stack.append(left &* right)
                default:
                    guard right != 0 else { throw ParameterError("division by zero in '\(expression)'") }
                    stack.append(left / right)
                }
            }
        }
        guard stack.count == 1, let result = stack.first else { throw invalid(expression) }
        return result
    }

    private static func invalid(_ expression: String) -> ParameterError {
        ParameterError("'\(expression)' is not a valid offset; use integers with + - * / and parentheses")
    }

    private static func tokenize(_ text: String) throws(ParameterError) -> [Token] {
        var tokens: [Token] = []
        var number = ""
        func flush() {
            if let value = Int(number) { tokens.append(.number(value)) }
            number = ""
        }
        for character in text {
            if character.isASCII, character.isNumber {
                number.append(character)
                continue
            }
            flush()
            // A sign at the start or after an operator or '(' is unary.
            let unary = tokens.last.map { [.plus, .minus, .times, .divide, .open, .unaryPlus, .unaryMinus].contains($0) } ?? true
            switch character {
            case "+": tokens.append(unary ? .unaryPlus : .plus)
            case "-": tokens.append(unary ? .unaryMinus : .minus)
            case "*": tokens.append(.times)
            case "/": tokens.append(.divide)
            case "(": tokens.append(.open)
            case ")": tokens.append(.close)
            default: throw invalid(text)
            }
        }
        flush()
        return tokens
    }

    /// Whether `top` (on the operator stack) is output before pushing `incoming`.
    private static func popsBefore(_ top: Token, _ incoming: Token) -> Bool {
        switch top {
        case .times, .divide: [.plus, .minus, .times, .divide].contains(incoming)
        case .plus, .minus: [.plus, .minus].contains(incoming)
        default: false
        }
    }

    private static func postfix(_ tokens: [Token]) throws(ParameterError) -> [Token] {
        var output: [Token] = []
        var operators: [Token] = []
        for token in tokens {
            switch token {
            case .number:
                output.append(token)
            case .open:
                operators.append(token)
            case .close:
                while let top = operators.last, top != .open { output.append(operators.removeLast()) }
                guard operators.popLast() == .open else { throw ParameterError("unbalanced ')' in time offset") }
            default:
                while let top = operators.last, popsBefore(top, token) { output.append(operators.removeLast()) }
                operators.append(token)
            }
        }
        while let top = operators.popLast() {
            guard top != .open else { throw ParameterError("unbalanced '(' in time offset") }
            output.append(top)
        }
        return output
    }
}
