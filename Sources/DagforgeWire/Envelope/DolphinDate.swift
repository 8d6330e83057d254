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
        shared.withFormatter(timeZone) { $0.string(from: date) }
    }

    public static func date(_ text: String, timeZone: TimeZone = .current) -> Date? {
        shared.withFormatter(timeZone) { $0.date(from: text.trimmingCharacters(in: .whitespaces)) }
    }

    /// Building a DateFormatter costs far more than formatting with one, and the engine stamps every state
    /// change: one formatter per time zone, used under a lock (a formatter is not safe to share unlocked).
    private static let shared = FormatterCache()

    private final class FormatterCache: @unchecked Sendable {
        private let lock = NSLock()
        private var formatters: [TimeZone: DateFormatter] = [:]

        func withFormatter<T>(_ timeZone: TimeZone, _ body: (DateFormatter) -> T) -> T {
            lock.lock()
            defer { lock.unlock() }
            if let formatter = formatters[timeZone] { return body(formatter) }
            let formatter = DolphinDate.formatter(timeZone: timeZone)
            formatters[timeZone] = formatter
            return body(formatter)
        }
    }
}
