import Foundation

/// The `DateFormatter` path of ``DolphinDate``, for what its arithmetic leaves to ICU: one formatter per time
/// zone (building one costs far more than using it), used under a lock (a formatter is not safe to share
/// unlocked).
enum DolphinDateFormatters {
    static func string(_ date: Date, timeZone: TimeZone) -> String {
        shared.withFormatter(timeZone) { $0.string(from: date) }
    }

    static func date(_ text: String, timeZone: TimeZone) -> Date? {
        shared.withFormatter(timeZone) { $0.date(from: text.trimmingCharacters(in: .whitespaces)) }
    }

    private static let shared = FormatterCache()

    private final class FormatterCache: @unchecked Sendable {
        private let lock = NSLock()
        private var formatters: [TimeZone: DateFormatter] = [:]

        func withFormatter<T>(_ timeZone: TimeZone, _ body: (DateFormatter) -> T) -> T {
            lock.lock()
            defer { lock.unlock() }
            if let formatter = formatters[timeZone] { return body(formatter) }
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.calendar = Calendar(identifier: .gregorian)
            formatter.timeZone = timeZone
            formatter.dateFormat = DolphinDate.pattern
            formatters[timeZone] = formatter
            return body(formatter)
        }
    }
}
