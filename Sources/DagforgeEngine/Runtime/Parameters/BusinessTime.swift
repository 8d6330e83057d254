import DagforgeWire
import Foundation
import Synchronization

/// The business-date parameters of a run (DolphinScheduler's BusinessTimeUtils): `system.biz.curdate` is the
/// run's schedule date (or today for a manual run without one), `system.biz.date` the day before, and
/// `system.datetime` the schedule time as yyyyMMddHHmmss. `$[...]` time placeholders are relative to
/// `system.datetime`.
public struct BusinessTime: Sendable, Equatable {
    public static let businessDate = "system.biz.date"
    public static let currentDate = "system.biz.curdate"
    public static let dateTime = "system.datetime"

    /// The instance's schedule time; nil for a manual start, which uses the current time.
    public var scheduleTime: Date?
    public var commandType: CommandType
    public var timeZone: TimeZone

    public init(scheduleTime: Date?, commandType: CommandType, timeZone: TimeZone) {
        self.scheduleTime = scheduleTime
        self.commandType = commandType
        self.timeZone = timeZone
    }

    /// The three built-in date parameters as of `now` (used only when there is no schedule time).
    public func parameters(now: Date) -> [String: String] {
        // A backfill always carries its date; without one DolphinScheduler provides no date parameters.
        if commandType == .COMPLEMENT_DATA && scheduleTime == nil { return [:] }
        // Second precision (the finest pattern is yyyyMMddHHmmss): every task of a burst started within the same
        // second shares the last values instead of formatting three dates through a calendar again.
        let key = RunSecond(second: (scheduleTime ?? now).timeIntervalSince1970.rounded(.down), zone: timeZone)
        if let values = Self.lastValues.withLock({ $0?.key == key ? $0?.values : nil }) { return values }
        let runTime = Date(timeIntervalSince1970: key.second)
        let calendar = ZonedCalendar(timeZone)
        let format = { (date: Date, pattern: String) in
            (try? JavaDateFormat.format(date, pattern: pattern, in: timeZone)) ?? ""
        }
        let values = [
            Self.currentDate: format(runTime, "yyyyMMdd"),
            Self.businessDate: format(calendar.addingDays(-1, to: runTime), "yyyyMMdd"),
            Self.dateTime: format(runTime, "yyyyMMddHHmmss"),
        ]
        Self.lastValues.withLock { $0 = (key, values) }
        return values
    }

    private struct RunSecond: Equatable {
        var second: TimeInterval
        var zone: TimeZone
    }

    private static let lastValues = Mutex<(key: RunSecond, values: [String: String])?>(nil)
}
