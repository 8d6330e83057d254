import DagforgeWire
import Foundation
import Testing

/// `DolphinDate` writes and reads dates with arithmetic; these compare it with the `DateFormatter` it replaced
/// (the same configuration) over more than a century of instants and every offset change of zones with odd
/// offsets, half-hour DST, skipped days and repeated hours.
@Suite("DolphinDate matches DateFormatter")
struct DolphinDateTests {
    static let zones = [
        "UTC", "Etc/UTC", "GMT", "America/New_York", "Europe/Berlin", "Europe/London", "Australia/Lord_Howe",
        "Asia/Kolkata", "Asia/Kathmandu", "Pacific/Apia", "Pacific/Chatham", "America/St_Johns",
        "America/Sao_Paulo", "Africa/Casablanca", "Asia/Shanghai", "Pacific/Kiritimati", "Etc/GMT+12",
    ]

    /// The formatter `DolphinDate` used before.
    static func reference(_ zone: TimeZone) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter
    }

    /// Instants from 1890 to 2045, about every fifteen days at a shifting time of day, plus a few outside.
    static let instants: [Date] = {
        var instants = stride(from: -2_524_521_600.0, to: 2_366_841_600, by: 1_314_568.75).map(Date.init(timeIntervalSince1970:))
        // Year 1, the Julian-to-Gregorian switch, the last second of year 9999, and fractions of a second around
        // 1970 (ICU cuts them to whole milliseconds towards zero before flooring into days).
        instants += [-62_135_596_800, -12_219_292_800, -12_219_292_801, 253_402_300_799, 253_402_300_800, 0, -0.001,
                     -0.000_000_1, -1.5, 1_700_000_000.999, 1_700_000_000.999_999_9].map(Date.init(timeIntervalSince1970:))
        return instants
    }()

    /// The zone's offset changes between 1900 and 2040.
    static func transitions(_ zone: TimeZone) -> [Date] {
        var found: [Date] = []
        var next = zone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: -2_208_988_800))
        while let transition = next, transition.timeIntervalSince1970 < 2_208_988_800 {
            found.append(transition)
            next = zone.nextDaylightSavingTimeTransition(after: transition)
        }
        return found
    }

    @Test("writes the same text", arguments: zones)
    func writes(zoneName: String) throws {
        let zone = try #require(TimeZone(identifier: zoneName))
        let formatter = Self.reference(zone)
        let around = Self.transitions(zone).flatMap { t in [-3601, -1, -0.5, 0, 0.25, 1, 3600].map { t + $0 } }
        for instant in Self.instants + around {
            #expect(DolphinDate.string(instant, timeZone: zone) == formatter.string(from: instant),
                    "\(instant.timeIntervalSince1970) in \(zoneName)")
        }
    }

    @Test("reads the same instants, including skipped and repeated wall times", arguments: zones)
    func reads(zoneName: String) throws {
        let zone = try #require(TimeZone(identifier: zoneName))
        let formatter = Self.reference(zone)
        let wallClock = Self.reference(TimeZone(identifier: "GMT")!)
        var texts = Self.instants.map { formatter.string(from: $0) }
        // Wall times every 20 minutes from 2 hours before to 2 hours after each change, in the old offset.
        for transition in Self.transitions(zone) {
            let offset = Double(zone.secondsFromGMT(for: transition - 1))
            texts += stride(from: -7200.0, through: 7200, by: 1200).map { wallClock.string(from: transition + offset + $0) }
        }
        for text in texts {
            #expect(DolphinDate.date(text, timeZone: zone) == formatter.date(from: text), "'\(text)' in \(zoneName)")
        }
    }

    @Test("odd and invalid text is read as the formatter reads it", arguments: [
        "2024-02-30 10:00:00", "2024-02-29 10:00:00", "2023-02-29 10:00:00", "2100-02-29 00:00:00", "2000-02-29 00:00:00",
        "2024-13-01 00:00:00", "2024-00-10 00:00:00", "2024-01-00 00:00:00", "2024-01-01 24:00:00",
        "2024-01-01 23:60:00", "2024-01-01 23:59:60", " 2024-01-01 00:00:00 ", "2024-1-1 0:0:0",
        "2024-01-01T00:00:00", "2024-01-01 00:00", "2024-01-01 00:00:00.5", "", "abc", "0001-01-01 00:00:00",
        "1582-10-10 12:00:00", "1899-12-31 23:59:59", "1900-01-01 00:00:00", "9999-12-31 23:59:59",
        "10000-01-01 00:00:00", "２０２４-01-01 00:00:00", "+024-01-01 00:00:00",
    ])
    func oddText(text: String) throws {
        for zoneName in ["UTC", "America/New_York", "Asia/Kathmandu"] {
            let zone = try #require(TimeZone(identifier: zoneName))
            #expect(DolphinDate.date(text, timeZone: zone) == Self.reference(zone).date(from: text), "'\(text)' in \(zoneName)")
        }
    }

    @Test("the engine's own zone is the default")
    func defaultZone() {
        let now = Date()
        #expect(DolphinDate.string(now) == Self.reference(.current).string(from: now))
        #expect(DolphinDate.date(DolphinDate.string(now)) == Self.reference(.current).date(from: DolphinDate.string(now)))
    }
}
