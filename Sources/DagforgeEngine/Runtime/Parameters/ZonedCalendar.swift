import Foundation

/// Wall-clock date arithmetic in one time zone, with java.util.Calendar's rules as DolphinScheduler uses them:
/// adding days or months keeps the time of day (months clamp to the month's last day), weeks run Monday to
/// Sunday, and minutes are absolute.
struct ZonedCalendar: Sendable {
    let zone: TimeZone
    private let calendar: Calendar

    init(_ zone: TimeZone) {
        self.zone = zone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        calendar.firstWeekday = 2
        calendar.minimumDaysInFirstWeek = 4
        self.calendar = calendar
    }

    func addingDays(_ days: Int, to date: Date) -> Date {
        calendar.date(byAdding: .day, value: days, to: date) ?? date
    }

    func addingMonths(_ months: Int, to date: Date) -> Date {
        calendar.date(byAdding: .month, value: months, to: date) ?? date
    }

    func addingHours(_ hours: Int, to date: Date) -> Date {
        date.addingTimeInterval(TimeInterval(hours * 3_600))
    }

    func addingMinutes(_ minutes: Int, to date: Date) -> Date {
        date.addingTimeInterval(TimeInterval(minutes * 60))
    }

    /// The Monday of the Monday-to-Sunday week holding `date`, same time of day.
    func monday(of date: Date) -> Date {
        let weekday = calendar.component(.weekday, from: date)
        return addingDays(-((weekday + 5) % 7), to: date)
    }

    /// The Sunday ending the Monday-to-Sunday week holding `date`, same time of day.
    func sunday(of date: Date) -> Date {
        addingDays(6, to: monday(of: date))
    }

    func firstDayOfMonth(_ date: Date) -> Date {
        addingDays(1 - calendar.component(.day, from: date), to: date)
    }

    func lastDayOfMonth(_ date: Date) -> Date {
        addingDays(-1, to: firstDayOfMonth(addingMonths(1, to: firstDayOfMonth(date))))
    }

    func startOfDay(_ date: Date) -> Date {
        calendar.startOfDay(for: date)
    }

    func startOfHour(_ date: Date) -> Date {
        calendar.dateInterval(of: .hour, for: date)?.start ?? date
    }

    func hour(of date: Date) -> Int {
        calendar.component(.hour, from: date)
    }

    /// Java's `WEEK_OF_YEAR` and `YEAR` for weeks starting on `firstWeekday` (1 = Sunday ... 7 = Saturday) with at
    /// least four days in the first week.
    func weekOfYear(_ date: Date, firstWeekday: Int) -> (year: Int, week: Int) {
        var weekCalendar = calendar
        weekCalendar.firstWeekday = firstWeekday
        return (weekCalendar.component(.year, from: date), weekCalendar.component(.weekOfYear, from: date))
    }
}
