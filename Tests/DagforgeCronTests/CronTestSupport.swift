import Foundation

/// Parses "yyyy-MM-dd HH:mm:ss" as a wall time in `zone` (test input only; crashes loudly on a typo).
func wall(_ text: String, _ zone: String = "UTC") -> Date {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: zone)!
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
    return formatter.date(from: text)!
}

/// Formats an instant as "yyyy-MM-dd HH:mm:ss" in UTC, for readable expectations.
func utc(_ date: Date?) -> String? {
    guard let date else { return nil }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")!
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
    return formatter.string(from: date)
}

let utcZone = TimeZone(identifier: "UTC")!
