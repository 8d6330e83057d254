/// How the day-of-month field selects days.
enum DayOfMonthSpec: Equatable, Sendable {
    /// `?` — the day-of-week field decides.
    case unspecified
    case days(Set<Int>)
    /// `L` or `L-n`: the last day of the month minus `n`.
    case last(offset: Int)
    /// `15W`: the weekday nearest to the given day, within the same month.
    case nearestWeekday(Int)
    /// `LW`: the last weekday (Monday to Friday) of the month.
    case lastWeekday
}

/// How the day-of-week field selects days (Quartz numbering, SUN=1 ... SAT=7).
enum DayOfWeekSpec: Equatable, Sendable {
    /// `?` — the day-of-month field decides.
    case unspecified
    case weekdays(Set<Int>)
    /// `6L`: the last given weekday of the month.
    case lastInMonth(weekday: Int)
    /// `6#3`: the n-th given weekday of the month.
    case nth(weekday: Int, occurrence: Int)
}

extension DayOfMonthSpec {
    /// The days of `month` in `year` this spec selects, ascending.
    func days(year: Int, month: Int) -> [Int] {
        let length = CivilCalendar.daysInMonth(year: year, month: month)
        switch self {
        case .unspecified:
            return Array(1...length)
        case .days(let set):
            return set.filter { $0 <= length }.sorted()
        case .last(let offset):
            let day = length - offset
            return day >= 1 ? [day] : []
        case .nearestWeekday(let target):
            guard target <= length else { return [] }
            return [Self.nearestWeekday(to: target, year: year, month: month, length: length)]
        case .lastWeekday:
            return [Self.nearestWeekday(to: length, year: year, month: month, length: length)]
        }
    }

    /// Quartz's `W`: Saturday moves to Friday and Sunday to Monday, never leaving the month.
    private static func nearestWeekday(to day: Int, year: Int, month: Int, length: Int) -> Int {
        switch CivilCalendar.weekday(year: year, month: month, day: day) {
        case 7: return day == 1 ? 3 : day - 1
        case 1: return day == length ? day - 2 : day + 1
        default: return day
        }
    }
}

extension DayOfWeekSpec {
    /// The days of `month` in `year` this spec selects, ascending.
    func days(year: Int, month: Int) -> [Int] {
        let length = CivilCalendar.daysInMonth(year: year, month: month)
        let firstWeekday = CivilCalendar.weekday(year: year, month: month, day: 1)
        // Day of the month of the first occurrence of `weekday`.
        func first(_ weekday: Int) -> Int { 1 + (weekday - firstWeekday + 7) % 7 }
        switch self {
        case .unspecified:
            return Array(1...length)
        case .weekdays(let set):
            return (1...length).filter { set.contains((firstWeekday - 1 + $0 - 1) % 7 + 1) }
        case .lastInMonth(let weekday):
            var day = first(weekday)
            while day + 7 <= length { day += 7 }
            return [day]
        case .nth(let weekday, let occurrence):
            let day = first(weekday) + 7 * (occurrence - 1)
            return day <= length ? [day] : []
        }
    }
}
