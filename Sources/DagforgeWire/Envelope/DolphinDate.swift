import Foundation

/// DolphinScheduler's date text, `yyyy-MM-dd HH:mm:ss` (reference §1.5). Dates travel as strings in the
/// wire types; this is the one formatter that reads and writes them.
public enum DolphinDate {
    public static let pattern = "yyyy-MM-dd HH:mm:ss"

    public static func formatter(timeZone: TimeZone = .current) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = timeZone
        formatter.dateFormat = pattern
        return formatter
    }

    public static func string(_ date: Date, timeZone: TimeZone = .current) -> String {
        formatter(timeZone: timeZone).string(from: date)
    }

    public static func date(_ text: String, timeZone: TimeZone = .current) -> Date? {
        formatter(timeZone: timeZone).date(from: text.trimmingCharacters(in: .whitespaces))
    }
}
