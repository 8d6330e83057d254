import Foundation
import Synchronization

/// Formats and parses dates with Java `SimpleDateFormat` patterns (`yyyyMMdd`, `yyyy-MM-dd HH:mm:ss`, ...), the
/// pattern language DolphinScheduler's parameters use. Letters Java would reject are errors here too.
enum JavaDateFormat {
    /// Pattern letters that mean the same in Java's SimpleDateFormat and ICU (Foundation's DateFormatter).
    private static let supportedLetters: Set<Character> = [
        "G", "y", "Y", "M", "L", "w", "W", "D", "d", "F", "E", "a", "H", "k", "K", "h", "m", "s", "S", "z", "Z", "X",
    ]

    static func format(_ date: Date, pattern: String, in zone: TimeZone) throws(ParameterError) -> String {
        try withFormatter(pattern, zone) { $0.string(from: date) }
    }

    static func parse(_ text: String, pattern: String, in zone: TimeZone) throws(ParameterError) -> Date {
        guard let date = try withFormatter(pattern, zone, { $0.date(from: text) }) else {
            throw ParameterError("'\(text)' does not match the date format '\(pattern)'")
        }
        return date
    }

    private struct FormatterKey: Hashable {
        let pattern: String
        let zone: TimeZone
    }

    /// Every task resolves a dozen date parameters and building a DateFormatter costs far more than using one:
    /// formatters are kept per pattern and zone and used under the lock (sharing one unlocked is not safe).
    /// Patterns come from workflow definitions; the cache starts over if they ever grow past a bound.
    private static let formatters = Mutex<[FormatterKey: DateFormatter]>([:])
    private static let cacheLimit = 512

    private static func withFormatter<T>(_ pattern: String, _ zone: TimeZone,
                                         _ body: (DateFormatter) -> T) throws(ParameterError) -> T {
        try validate(pattern)
        return formatters.withLock { cache in
            let key = FormatterKey(pattern: pattern, zone: zone)
            if let formatter = cache[key] { return body(formatter) }
            if cache.count >= cacheLimit { cache.removeAll() }
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.calendar = Calendar(identifier: .gregorian)
            formatter.timeZone = zone
            formatter.dateFormat = pattern
            cache[key] = formatter
            return body(formatter)
        }
    }

    private static func validate(_ pattern: String) throws(ParameterError) {
        var quoted = false
        for character in pattern {
            if character == "'" {
                quoted.toggle()
            } else if !quoted, character.isASCII, character.isLetter, !supportedLetters.contains(character) {
                throw ParameterError("'\(pattern)' is not a supported date format: illegal pattern character '\(character)'")
            }
        }
    }
}
