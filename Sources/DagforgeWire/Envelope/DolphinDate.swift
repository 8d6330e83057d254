import Foundation

/// DolphinScheduler's date text, `yyyy-MM-dd HH:mm:ss` in a time zone (reference §1.5). Dates travel as strings
/// in the wire types; this is the one place that reads and writes them.
///
/// Written and read with integer arithmetic rather than a `DateFormatter`: the engine stamps a date in its first
/// requests, and a formatter loads ICU's locale, calendar and number-format data, megabytes of an idle engine's
/// resident memory. The result is the formatter's in every case: the offset is the same time zone's
/// (`TimeZone.secondsFromGMT(for:)`, ICU's zone data), the arithmetic is ICU's (whole milliseconds, floored
/// into days), and what the arithmetic does not settle for certain goes to the formatter: years outside
/// 1900...9999 (ICU's calendar is Julian before 1582), text that is not exactly the pattern, fields out of
/// range, and a wall time within a day of an offset change (skipped and repeated hours are ICU's call).
/// `DolphinDateTests` compare both over a century of instants in zones with odd offsets and changes.
public enum DolphinDate {
    public static let pattern = "yyyy-MM-dd HH:mm:ss"

    public static func string(_ date: Date, timeZone: TimeZone = .current) -> String {
        // As CoreFoundation hands the date to ICU and ICU reads it: milliseconds since 1970 as a Double, cut
        // towards zero to whole milliseconds, then the zone's offset added and the days floored.
        let millis = (date.timeIntervalSince1970 * 1000).rounded(.towardZero)
        guard millis.isFinite, abs(millis) < 1e15 else { return DolphinDateFormatters.string(date, timeZone: timeZone) }
        let local = Int64(millis) + Int64(timeZone.secondsFromGMT(for: date)) * 1000
        let day = floorDivide(local, 86_400_000)
        let secondOfDay = Int((local - day * 86_400_000) / 1000)
        let civil = CivilDate(daysSince1970: Int(day))
        guard fastYears.contains(civil.year) else { return DolphinDateFormatters.string(date, timeZone: timeZone) }
        return civil.text(hour: secondOfDay / 3600, minute: secondOfDay / 60 % 60, second: secondOfDay % 60)
    }

    public static func date(_ text: String, timeZone: TimeZone = .current) -> Date? {
        guard let wallClock = wallClockSeconds(text) else { return DolphinDateFormatters.date(text, timeZone: timeZone) }
        // The offset must be the same a day before and after: then the wall time is neither skipped nor repeated.
        let before = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(wallClock - 86_400)))
        let after = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(wallClock + 86_400)))
        let instant = Date(timeIntervalSince1970: Double(wallClock - Int64(before)))
        guard before == after, timeZone.secondsFromGMT(for: instant) == before else {
            return DolphinDateFormatters.date(text, timeZone: timeZone)
        }
        return instant
    }

    /// Years whose dates the arithmetic writes and reads itself.
    private static let fastYears = 1900...9999

    /// Seconds since 1970 of the wall-clock time `text` spells as if it were UTC, when `text` is exactly the
    /// pattern (ASCII digits, no surrounding space) with every field in range; nil otherwise.
    private static func wallClockSeconds(_ text: String) -> Int64? {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { bytes -> Int64? in
            guard bytes.count == 19, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
                  bytes[10] == UInt8(ascii: " "), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":") else {
                return nil
            }
            func number(_ start: Int, _ count: Int) -> Int? {
                var value = 0
                for byte in bytes[start..<start + count] {
                    guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                    value = value * 10 + Int(byte - UInt8(ascii: "0"))
                }
                return value
            }
            guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
                  let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
                  fastYears.contains(year), (1...12).contains(month),
                  (1...CivilDate.daysInMonth(month, of: year)).contains(day),
                  hour < 24, minute < 60, second < 60 else { return nil }
            let days = CivilDate(year: year, month: month, day: day).daysSince1970
            return Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        } ?? nil
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }
}
