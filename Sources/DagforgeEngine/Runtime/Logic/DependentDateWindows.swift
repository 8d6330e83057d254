import Foundation

/// The date windows a DEPENDENT item checks, relative to the dependent task's business date (its instance's
/// schedule time, or start time for a manual run), as DolphinScheduler's `DependentUtils.getDateIntervalList`.
/// Each window is a half-open hour or day; several windows must all be satisfied.
public enum DependentDateWindows {
    /// The windows for `dateValue`, or nil for a value DolphinScheduler does not know (such an item fails).
    public static func windows(dateValue: String, businessDate: Date, timeZone: TimeZone) -> [DateInterval]? {
        let c = ZonedCalendar(timeZone)
        switch dateValue {
        case "currentHour": return [hour(containing: businessDate, c)]
        case "last1Hour": return lastHours(1, businessDate, c)
        case "last2Hours": return lastHours(2, businessDate, c)
        case "last3Hours": return lastHours(3, businessDate, c)
        case "last24Hours":
            // DolphinScheduler's quirk: the 24 hours from 01:00 yesterday to the first hour of today.
            let hourIndex = c.hour(of: businessDate)
            return (0..<24).reversed().map { offset in
                hour(containing: c.addingHours(-(hourIndex + offset), to: c.startOfHour(businessDate)), c)
            }
        case "today": return [day(containing: businessDate, c)]
        case "last1Days": return lastDays(1, businessDate, c)
        case "last2Days": return lastDays(2, businessDate, c)
        case "last3Days": return lastDays(3, businessDate, c)
        case "last7Days": return lastDays(7, businessDate, c)
        case "thisWeek": return days(from: c.monday(of: businessDate), through: businessDate, c)
        case "lastWeek":
            let sunday = c.addingDays(-1, to: c.monday(of: businessDate))
            return days(from: c.monday(of: sunday), through: sunday, c)
        case "lastMonday", "lastTuesday", "lastWednesday", "lastThursday", "lastFriday", "lastSaturday", "lastSunday":
            let weekday = ["lastMonday", "lastTuesday", "lastWednesday", "lastThursday", "lastFriday", "lastSaturday",
                           "lastSunday"].firstIndex(of: dateValue) ?? 0
            let lastMonday = c.monday(of: c.addingDays(-1, to: c.monday(of: businessDate)))
            return [day(containing: c.addingDays(weekday, to: lastMonday), c)]
        case "thisMonth": return days(from: c.firstDayOfMonth(businessDate), through: businessDate, c)
        case "lastMonth":
            let lastDay = c.addingDays(-1, to: c.firstDayOfMonth(businessDate))
            return days(from: c.firstDayOfMonth(lastDay), through: lastDay, c)
        case "thisMonthBegin": return [day(containing: c.firstDayOfMonth(businessDate), c)]
        // DolphinScheduler's quirk: "thisMonthEnd" is the first day of this month.
        case "thisMonthEnd": return [day(containing: c.firstDayOfMonth(businessDate), c)]
        case "lastMonthBegin":
            return [day(containing: c.firstDayOfMonth(c.addingDays(-1, to: c.firstDayOfMonth(businessDate))), c)]
        case "lastMonthEnd": return [day(containing: c.addingDays(-1, to: c.firstDayOfMonth(businessDate)), c)]
        default: return nil
        }
    }

    private static func hour(containing date: Date, _ c: ZonedCalendar) -> DateInterval {
        let start = c.startOfHour(date)
        return DateInterval(start: start, end: c.addingHours(1, to: start))
    }

    private static func day(containing date: Date, _ c: ZonedCalendar) -> DateInterval {
        let start = c.startOfDay(date)
        return DateInterval(start: start, end: c.startOfDay(c.addingDays(1, to: start)))
    }

    /// The `count` whole hours before the hour holding `date`, oldest first.
    private static func lastHours(_ count: Int, _ date: Date, _ c: ZonedCalendar) -> [DateInterval] {
        (1...count).reversed().map { hour(containing: c.addingHours(-$0, to: c.startOfHour(date)), c) }
    }

    /// The `count` days before the day holding `date`, oldest first.
    private static func lastDays(_ count: Int, _ date: Date, _ c: ZonedCalendar) -> [DateInterval] {
        (1...count).reversed().map { day(containing: c.addingDays(-$0, to: date), c) }
    }

    /// Every day from the day holding `first` through the day holding `last`.
    private static func days(from first: Date, through last: Date, _ c: ZonedCalendar) -> [DateInterval] {
        var result: [DateInterval] = []
        var cursor = c.startOfDay(first)
        let end = c.startOfDay(last)
        while cursor <= end {
            result.append(day(containing: cursor, c))
            cursor = c.startOfDay(c.addingDays(1, to: cursor))
        }
        return result
    }
}
