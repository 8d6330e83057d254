import Foundation

/// A Quartz cron expression with DolphinScheduler's semantics:
/// `sec min hour day-of-month month day-of-week [year]`, exactly one of the day fields `?`.
public struct QuartzCron: Equatable, Sendable, CustomStringConvertible {
    struct Fields: Equatable, Sendable {
        let seconds: Set<Int>
        let minutes: Set<Int>
        let hours: Set<Int>
        let dayOfMonth: DayOfMonthSpec
        let months: Set<Int>
        let dayOfWeek: DayOfWeekSpec
        /// nil when the expression has no year field (every year).
        let years: Set<Int>?
    }

    /// The expression as written.
    public let expression: String
    let fields: Fields
    private let sortedSeconds: [Int]
    private let sortedMinutes: [Int]
    private let sortedHours: [Int]
    private let sortedMonths: [Int]

    /// The last year searched for a fire time.
    static let lastYear = 2099

    public init(parsing expression: String) throws(CronError) {
        self.expression = expression
        fields = try CronParser(expression).parse()
        sortedSeconds = fields.seconds.sorted()
        sortedMinutes = fields.minutes.sorted()
        sortedHours = fields.hours.sorted()
        sortedMonths = fields.months.sorted()
    }

    public var description: String { expression }

    public static func == (lhs: QuartzCron, rhs: QuartzCron) -> Bool { lhs.fields == rhs.fields }

    /// The first fire time strictly after `after`, evaluated on the wall clock of `timeZone`; nil if none
    /// (an exhausted year field, or a day that never exists such as 30 February).
    public func next(after: Date, in timeZone: TimeZone) -> Date? {
        var from = WallTime(after.addingTimeInterval(1), in: timeZone)
        // A wall time repeated by a fall-back overlap fires once, at its first occurrence: skip wall times
        // whose instant is not later than `after`.
        while let wall = nextWall(from: from) {
            let instant = wall.instant(in: timeZone)
            if instant > after { return instant }
            from = wall.second == 59 ? Self.startOfNextMinute(wall) : {
                var later = wall
                later.second += 1
                return later
            }()
        }
        return nil
    }

    /// Up to `count` fire times after `after`, no earlier than `start` and no later than `end` (both inclusive,
    /// as Quartz's trigger start and end times).
    public func nextFireTimes(after: Date, count: Int, timeZone: TimeZone, start: Date? = nil, end: Date? = nil) -> [Date] {
        var result: [Date] = []
        var cursor = after
        if let start, start.addingTimeInterval(-0.001) > cursor { cursor = start.addingTimeInterval(-0.001) }
        while result.count < count, let fire = next(after: cursor, in: timeZone) {
            if let end, fire > end { break }
            result.append(fire)
            cursor = fire
        }
        return result
    }

    // MARK: Wall-clock search

    /// The earliest matching wall time at or after `from`.
    private func nextWall(from: WallTime) -> WallTime? {
        var t = from
        while t.year <= Self.lastYear {
            if let years = fields.years, !years.contains(t.year) {
                guard let year = years.filter({ $0 > t.year }).min() else { return nil }
                t = WallTime(year: year, month: 1, day: 1, hour: 0, minute: 0, second: 0)
                continue
            }
            guard let month = sortedMonths.first(where: { $0 >= t.month }) else {
                t = WallTime(year: t.year + 1, month: 1, day: 1, hour: 0, minute: 0, second: 0)
                continue
            }
            if month != t.month {
                t = WallTime(year: t.year, month: month, day: 1, hour: 0, minute: 0, second: 0)
            }
            guard let day = matchingDays(year: t.year, month: t.month).first(where: { $0 >= t.day }) else {
                t = Self.startOfNextMonth(t)
                continue
            }
            if day != t.day {
                t = WallTime(year: t.year, month: t.month, day: day, hour: 0, minute: 0, second: 0)
            }
            guard let hour = sortedHours.first(where: { $0 >= t.hour }) else {
                t = Self.startOfNextDay(t)
                continue
            }
            if hour != t.hour { (t.hour, t.minute, t.second) = (hour, 0, 0) }
            guard let minute = sortedMinutes.first(where: { $0 >= t.minute }) else {
                t = Self.startOfNextHour(t)
                continue
            }
            if minute != t.minute { (t.minute, t.second) = (minute, 0) }
            guard let second = sortedSeconds.first(where: { $0 >= t.second }) else {
                t = Self.startOfNextMinute(t)
                continue
            }
            t.second = second
            return t
        }
        return nil
    }

    private func matchingDays(year: Int, month: Int) -> [Int] {
        switch (fields.dayOfMonth, fields.dayOfWeek) {
        case (.unspecified, let weekdays): weekdays.days(year: year, month: month)
        case (let days, _): days.days(year: year, month: month)
        }
    }

    private static func startOfNextMonth(_ t: WallTime) -> WallTime {
        t.month == 12
            ? WallTime(year: t.year + 1, month: 1, day: 1, hour: 0, minute: 0, second: 0)
            : WallTime(year: t.year, month: t.month + 1, day: 1, hour: 0, minute: 0, second: 0)
    }

    private static func startOfNextDay(_ t: WallTime) -> WallTime {
        t.day >= CivilCalendar.daysInMonth(year: t.year, month: t.month)
            ? startOfNextMonth(t)
            : WallTime(year: t.year, month: t.month, day: t.day + 1, hour: 0, minute: 0, second: 0)
    }

    private static func startOfNextHour(_ t: WallTime) -> WallTime {
        t.hour == 23 ? startOfNextDay(t) : WallTime(year: t.year, month: t.month, day: t.day, hour: t.hour + 1, minute: 0, second: 0)
    }

    private static func startOfNextMinute(_ t: WallTime) -> WallTime {
        t.minute == 59
            ? startOfNextHour(t)
            : WallTime(year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute + 1, second: 0)
    }
}
