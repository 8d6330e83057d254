import Foundation

/// Formats and parses dates with Java `SimpleDateFormat` patterns (`yyyyMMdd`, `yyyy-MM-dd HH:mm:ss`, ...), the
/// pattern language DolphinScheduler's parameters use. Letters Java would reject are errors here too.
enum JavaDateFormat {
    /// Pattern letters that mean the same in Java's SimpleDateFormat and ICU (Foundation's DateFormatter).
    private static let supportedLetters: Set<Character> = [
        "G", "y", "Y", "M", "L", "w", "W", "D", "d", "F", "E", "a", "H", "k", "K", "h", "m", "s", "S", "z", "Z", "X",
    ]

    static func format(_ date: Date, pattern: String, in zone: TimeZone) throws(ParameterError) -> String {
        try formatter(pattern, zone).string(from: date)
    }

    static func parse(_ text: String, pattern: String, in zone: TimeZone) throws(ParameterError) -> Date {
        guard let date = try formatter(pattern, zone).date(from: text) else {
            throw ParameterError("'\(text)' does not match the date format '\(pattern)'")
        }
        return date
    }

    private static func formatter(_ pattern: String, _ zone: TimeZone) throws(ParameterError) -> DateFormatter {
        try validate(pattern)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = zone
        formatter.dateFormat = pattern
        return formatter
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
