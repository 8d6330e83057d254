import Foundation

/// Proleptic Gregorian calendar arithmetic on wall-clock values, independent of any time zone.
enum CivilCalendar {
    static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Quartz weekday numbering: Sunday = 1 ... Saturday = 7.
    static func weekday(year: Int, month: Int, day: Int) -> Int {
        let days = daysSinceEpoch(year: year, month: month, day: day)
        // 1970-01-01 was a Thursday (5).
        return ((days + 4) % 7 + 7) % 7 + 1
    }
}

/// A wall-clock time (what a clock on the wall in some zone shows), to the second.
struct WallTime: Comparable, Sendable {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int

    /// Seconds since 1970-01-01T00:00:00 of this wall time read as if it were UTC.
    var naiveSeconds: Int {
        CivilCalendar.daysSinceEpoch(year: year, month: month, day: day) * 86_400
            + hour * 3_600 + minute * 60 + second
    }

    init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        (self.year, self.month, self.day) = (year, month, day)
        (self.hour, self.minute, self.second) = (hour, minute, second)
    }

    /// The wall time shown in `zone` at `instant` (whole seconds, rounded down).
    init(_ instant: Date, in zone: TimeZone) {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
        let local = seconds + zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
        let days = Int((Double(local) / 86_400).rounded(.down))
        let secondOfDay = local - days * 86_400
        // Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day,
                  hour: secondOfDay / 3_600, minute: secondOfDay % 3_600 / 60, second: secondOfDay % 60)
    }

    static func < (lhs: WallTime, rhs: WallTime) -> Bool { lhs.naiveSeconds < rhs.naiveSeconds }

    /// The instant this wall time denotes in `zone`, resolved as Quartz (java.util.Calendar, lenient) does:
    /// in a fall-back overlap the earlier instant; in a spring-forward gap the time is pushed forward by the
    /// gap's length (02:30 in a one-hour gap fires at 03:30).
    func instant(in zone: TimeZone) -> Date {
        let naive = naiveSeconds
        // Every offset in effect within a day of this wall time; one of them is the right one.
        let probes = [-86_400, 0, 86_400].map {
            zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(naive + $0)))
        }
        let valid = Set(probes).map { naive - $0 }.filter { candidate in
            naive - zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(candidate))) == candidate
        }
        if let earliest = valid.min() {
            return Date(timeIntervalSince1970: TimeInterval(earliest))
        }
        // In a gap: apply the offset in effect before the transition.
        let before = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(naive - 86_400)))
        return Date(timeIntervalSince1970: TimeInterval(naive - before))
    }
}
