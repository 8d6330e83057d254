/// Parses Quartz cron text into field specs, reporting the column of anything wrong.
struct CronParser {
    /// One whitespace-separated field of the expression and the 1-based column where it starts.
    struct Token {
        let text: Substring
        let column: Int
    }

    private let expression: String

    init(_ expression: String) {
        self.expression = expression
    }

    func parse() throws(CronError) -> QuartzCron.Fields {
        let tokens = tokenize()
        guard tokens.count == 6 || tokens.count == 7 else {
            throw CronError(
                field: "expression", column: tokens.count > 7 ? tokens[7].column : max(1, expression.count),
                message: "expected 6 or 7 fields (sec min hour day-of-month month day-of-week [year]), "
                    + "found \(tokens.count); e.g. \"0 0 2 * * ? *\"")
        }
        let seconds = try values(tokens[0], .second)
        let minutes = try values(tokens[1], .minute)
        let hours = try values(tokens[2], .hour)
        let dayOfMonth = try dayOfMonthSpec(tokens[3])
        let months = try values(tokens[4], .month)
        let dayOfWeek = try dayOfWeekSpec(tokens[5])
        let years = tokens.count == 7 ? try values(tokens[6], .year) : nil
        switch (dayOfMonth, dayOfWeek) {
        case (.unspecified, .unspecified):
            throw CronError(field: CronFieldKind.dayOfWeek.name, column: tokens[5].column,
                            message: "'?' may be used in day-of-month or day-of-week, not both; use '*' in one of them")
        case (.unspecified, _), (_, .unspecified):
            break
        default:
            throw CronError(field: CronFieldKind.dayOfWeek.name, column: tokens[5].column,
                            message: "exactly one of day-of-month and day-of-week must be '?'; "
                                + "e.g. \"0 0 2 * * ? *\" or \"0 0 2 ? * MON *\"")
        }
        return QuartzCron.Fields(seconds: seconds, minutes: minutes, hours: hours, dayOfMonth: dayOfMonth,
                                 months: months, dayOfWeek: dayOfWeek, years: years)
    }

    private func tokenize() -> [Token] {
        var tokens: [Token] = []
        var index = expression.startIndex
        var column = 1
        while index < expression.endIndex {
            if expression[index].isWhitespace {
                index = expression.index(after: index)
                column += 1
                continue
            }
            let start = index
            let startColumn = column
            while index < expression.endIndex, !expression[index].isWhitespace {
                index = expression.index(after: index)
                column += 1
            }
            tokens.append(Token(text: expression[start..<index], column: startColumn))
        }
        return tokens
    }

    // MARK: Day fields

    private func dayOfMonthSpec(_ token: Token) throws(CronError) -> DayOfMonthSpec {
        let text = token.text.uppercased()
        let kind = CronFieldKind.dayOfMonth
        if text == "?" { return .unspecified }
        if text == "L" { return .last(offset: 0) }
        if text == "LW" { return .lastWeekday }
        if text.hasPrefix("L-") {
            guard let offset = Int(text.dropFirst(2)), (0...30).contains(offset) else {
                throw error(token, kind, "'L-n' needs an offset n between 0 and 30, got '\(token.text)'")
            }
            return .last(offset: offset)
        }
        if text.hasSuffix("W") {
            guard let day = Int(text.dropLast()), kind.range.contains(day) else {
                throw error(token, kind, "'W' needs a single day 1-31 before it (e.g. 15W), got '\(token.text)'")
            }
            return .nearestWeekday(day)
        }
        if text.contains("L") || text.contains("W") {
            throw error(token, kind, "'L' and 'W' cannot be combined with lists or ranges, got '\(token.text)'")
        }
        return .days(try values(token, kind))
    }

    private func dayOfWeekSpec(_ token: Token) throws(CronError) -> DayOfWeekSpec {
        let text = token.text.uppercased()
        let kind = CronFieldKind.dayOfWeek
        if text == "?" { return .unspecified }
        // A lone 'L' in day-of-week means Saturday (7), as in Quartz.
        if text == "L" { return .weekdays([7]) }
        if text.hasSuffix("L") {
            guard let weekday = weekdayValue(text.dropLast()) else {
                throw error(token, kind, "'L' needs one weekday before it (1-7 or SUN-SAT, e.g. 6L), got '\(token.text)'")
            }
            return .lastInMonth(weekday: weekday)
        }
        if let hash = text.firstIndex(of: "#") {
            guard let weekday = weekdayValue(text[..<hash]) else {
                throw error(token, kind, "'#' needs one weekday before it (1-7 or SUN-SAT, e.g. 6#3), got '\(token.text)'")
            }
            guard let occurrence = Int(text[text.index(after: hash)...]), (1...5).contains(occurrence) else {
                throw error(token, kind, "the occurrence after '#' must be 1-5, got '\(token.text)'")
            }
            return .nth(weekday: weekday, occurrence: occurrence)
        }
        if text.contains("L") || text.contains("W") {
            throw error(token, kind, "'\(token.text)' is not valid here; expected \(kind.example)")
        }
        return .weekdays(try values(token, kind))
    }

    private func weekdayValue(_ text: Substring) -> Int? {
        if let number = Int(text), CronFieldKind.dayOfWeek.range.contains(number) { return number }
        return CronFieldKind.dayOfWeek.names[String(text)]
    }

    // MARK: Plain value lists

    /// Parses `*`, values, ranges (wrapping, e.g. 22-2), steps (`*/5`, `0/15`, `5-20/3`) and comma lists.
    private func values(_ token: Token, _ kind: CronFieldKind) throws(CronError) -> Set<Int> {
        var result = Set<Int>()
        var offset = 0
        for item in token.text.split(separator: ",", omittingEmptySubsequences: false) {
            let itemToken = Token(text: item, column: token.column + offset)
            result.formUnion(try itemValues(itemToken, kind))
            offset += item.count + 1
        }
        return result
    }

    private func itemValues(_ token: Token, _ kind: CronFieldKind) throws(CronError) -> Set<Int> {
        let text = token.text.uppercased()
        guard !text.isEmpty else { throw error(token, kind, "empty list element; remove the extra ','") }
        if text == "?" {
            throw error(token, kind, "'?' is only allowed in day-of-month or day-of-week")
        }
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let base = parts[0]
        var step = 1
        if parts.count == 2 {
            guard let parsed = Int(parts[1]), parsed >= 1, parsed <= kind.range.count else {
                throw error(token, kind, "the step after '/' must be 1-\(kind.range.count), got '\(parts[1])'")
            }
            step = parsed
        }
        let lower: Int
        let upper: Int
        if base == "*" || base.isEmpty {
            (lower, upper) = (kind.range.lowerBound, kind.range.upperBound)
        } else if let dash = base.firstIndex(of: "-") {
            lower = try value(base[..<dash], token, kind)
            upper = try value(base[base.index(after: dash)...], token, kind)
        } else {
            lower = try value(base, token, kind)
            // Quartz: `a/n` runs from a to the end of the range; a bare `a` is just a.
            upper = parts.count == 2 ? kind.range.upperBound : lower
        }
        // A range whose end is before its start wraps around (Quartz: hours 22-2, FRI-MON).
        let span = upper >= lower ? upper - lower : upper + kind.range.count - lower
        var result = Set<Int>()
        for delta in stride(from: 0, through: span, by: step) {
            let raw = lower + delta
            result.insert(raw > kind.range.upperBound ? raw - kind.range.count : raw)
        }
        return result
    }

    private func value(_ text: Substring, _ token: Token, _ kind: CronFieldKind) throws(CronError) -> Int {
        if let number = Int(text) {
            guard kind.range.contains(number) else {
                throw error(token, kind, "\(number) is out of range; expected \(kind.example)")
            }
            return number
        }
        if let named = kind.names[String(text)] { return named }
        throw error(token, kind, "'\(text)' is not a valid value; expected \(kind.example)")
    }

    private func error(_ token: Token, _ kind: CronFieldKind, _ message: String) -> CronError {
        CronError(field: kind.name, column: token.column, message: message)
    }
}
