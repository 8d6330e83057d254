import Foundation

/// Evaluates one DolphinScheduler time placeholder, the text inside `$[...]`, relative to a base time
/// (the run's `system.datetime`): `yyyyMMdd-1`, `HHmmss+1/24`, `add_months(yyyyMMdd,-1)`, `this_day(yyyy-MM-dd)`,
/// `last_day(...)`, `month_first_day(fmt[,n])`, `month_last_day(fmt[,n])`, `week_first_day(fmt[,n])`,
/// `week_last_day(fmt[,n])`, `month_begin(fmt,n)`, `month_end(fmt,n)`, `week_begin(fmt,n)`, `week_end(fmt,n)`,
/// `year_week(fmt[,firstWeekday])` and `timestamp(expr)`.
struct TimePlaceholder {
    let base: Date
    let calendar: ZonedCalendar

    init(base: Date, zone: TimeZone) {
        self.base = base
        self.calendar = ZonedCalendar(zone)
    }

    func evaluate(_ expression: String) throws(ParameterError) -> String {
        if let inner = Self.arguments(of: expression, function: "timestamp") {
            // Seconds since the epoch of the time the inner expression formats (it must print yyyyMMddHHmmss).
            let (date, pattern) = try dateAndPattern(inner)
            let text = try JavaDateFormat.format(date, pattern: pattern, in: calendar.zone)
            let parsed = try JavaDateFormat.parse(text, pattern: "yyyyMMddHHmmss", in: calendar.zone)
            return String(Int(parsed.timeIntervalSince1970))
        }
        if let inner = Self.arguments(of: expression, function: "year_week") {
            return try yearWeek(inner)
        }
        let (date, pattern) = try dateAndPattern(expression)
        return try JavaDateFormat.format(date, pattern: pattern, in: calendar.zone)
    }

    /// The text between `function(` and the final `)`, when `expression` calls `function`.
    private static func arguments(of expression: String, function: String) -> String? {
        guard expression.hasPrefix(function + "("), expression.hasSuffix(")") else { return nil }
        return String(expression.dropFirst(function.count + 1).dropLast())
    }

    private func split(_ arguments: String) -> (pattern: String, offset: String?) {
        let parts = arguments.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false)
        return (String(parts[0]), parts.count > 1 ? String(parts[1]) : nil)
    }

    private func requiredOffset(_ arguments: String, _ function: String) throws(ParameterError) -> (String, Int) {
        let (pattern, offset) = split(arguments)
        guard let offset else {
            throw ParameterError("\(function)(format,offset) needs two arguments, got '\(arguments)'")
        }
        return (pattern, try TimeOffsetArithmetic.evaluate(offset))
    }

    private func optionalOffset(_ arguments: String) throws(ParameterError) -> (String, Int) {
        let (pattern, offset) = split(arguments)
        return (pattern, try offset.map { (text: String) throws(ParameterError) -> Int in
            try TimeOffsetArithmetic.evaluate(text)
        } ?? 0)
    }

    private func dateAndPattern(_ expression: String) throws(ParameterError) -> (Date, String) {
        let c = calendar
        if let args = Self.arguments(of: expression, function: "add_months") {
            let (pattern, months) = try requiredOffset(args, "add_months")
            return (c.addingMonths(months, to: base), pattern)
        }
        if let args = Self.arguments(of: expression, function: "month_begin") {
            let (pattern, days) = try requiredOffset(args, "month_begin")
            return (c.addingDays(days, to: c.firstDayOfMonth(base)), pattern)
        }
        if let args = Self.arguments(of: expression, function: "month_end") {
            let (pattern, days) = try requiredOffset(args, "month_end")
            return (c.addingDays(days, to: c.lastDayOfMonth(base)), pattern)
        }
        if let args = Self.arguments(of: expression, function: "week_begin") {
            let (pattern, days) = try requiredOffset(args, "week_begin")
            return (c.addingDays(days, to: c.monday(of: base)), pattern)
        }
        if let args = Self.arguments(of: expression, function: "week_end") {
            let (pattern, days) = try requiredOffset(args, "week_end")
            return (c.addingDays(days, to: c.sunday(of: base)), pattern)
        }
        if let args = Self.arguments(of: expression, function: "month_first_day") {
            let (pattern, months) = try optionalOffset(args)
            return (c.addingMonths(months, to: c.firstDayOfMonth(base)), pattern)
        }
        if let args = Self.arguments(of: expression, function: "month_last_day") {
            let (pattern, months) = try optionalOffset(args)
            return (c.lastDayOfMonth(c.addingMonths(months, to: base)), pattern)
        }
        if let args = Self.arguments(of: expression, function: "this_day") {
            return (base, args)
        }
        if let args = Self.arguments(of: expression, function: "last_day") {
            return (c.addingDays(-1, to: base), args)
        }
        if let args = Self.arguments(of: expression, function: "week_first_day") {
            let (pattern, weeks) = try optionalOffset(args)
            return (c.addingDays(7 * weeks, to: c.monday(of: base)), pattern)
        }
        if let args = Self.arguments(of: expression, function: "week_last_day") {
            let (pattern, weeks) = try optionalOffset(args)
            return (c.addingDays(7 * weeks, to: c.sunday(of: base)), pattern)
        }
        return try formatWithDayOffset(expression)
    }

    /// `pattern±days` where days may be a fraction such as `1/24` (one hour): DolphinScheduler turns the offset into
    /// minutes (`60*24*(days)`) and moves the time by that many absolute minutes.
    private func formatWithDayOffset(_ expression: String) throws(ParameterError) -> (Date, String) {
        let sign: Character
        if expression.contains("+") {
            sign = "+"
        } else if expression.contains("-") {
            sign = "-"
        } else {
            return (base, expression)
        }
        guard let index = expression.lastIndex(of: sign) else { return (base, expression) }
        let offsetText = expression[expression.index(after: index)...]
        guard let first = offsetText.first, first.isASCII, first.isNumber else { return (base, expression) }
        let minutes: Int
        if let slash = offsetText.firstIndex(of: "/") {
            minutes = try TimeOffsetArithmetic.evaluate("60*24*(\(offsetText[..<slash]))\(offsetText[slash...])")
        } else {
            minutes = try TimeOffsetArithmetic.evaluate("60*24*(\(offsetText))")
        }
        let pattern = String(expression[..<index])
        return (calendar.addingMinutes(sign == "+" ? minutes : -minutes, to: base), pattern)
    }

    private func yearWeek(_ arguments: String) throws(ParameterError) -> String {
        let (pattern, firstDay) = try optionalOffset(arguments)
        // DolphinScheduler's second argument: 1 (or anything else) = Monday ... 6 = Saturday, 7 = Sunday.
        let firstWeekday = (2...7).contains(firstDay) ? firstDay % 7 + 1 : 2
        let (year, week) = calendar.weekOfYear(base, firstWeekday: firstWeekday)
        let paddedWeek = week < 10 ? "0\(week)" : "\(week)"
        return pattern.contains("-") ? "\(year)-\(paddedWeek)" : "\(year)\(paddedWeek)"
    }
}
