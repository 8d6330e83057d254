import Foundation
import Testing
import DagforgeCron

@Suite("Quartz cron fire times")
struct QuartzCronFireTimeTests {
    private func fires(_ expression: String, after: String, count: Int, zone: String = "UTC") throws -> [String?] {
        let cron = try QuartzCron(parsing: expression)
        return cron.nextFireTimes(after: wall(after, zone), count: count, timeZone: TimeZone(identifier: zone)!)
            .map(utc)
    }

    @Test("a daily 7-field schedule fires at the given time, strictly after the reference")
    func daily() throws {
        #expect(try fires("0 0 2 * * ? *", after: "2024-01-01 00:00:00", count: 2)
            == ["2024-01-01 02:00:00", "2024-01-02 02:00:00"])
        #expect(try fires("0 0 2 * * ? *", after: "2024-01-01 02:00:00", count: 1) == ["2024-01-02 02:00:00"])
    }

    @Test("steps, lists and wrapping ranges")
    func stepsListsRanges() throws {
        #expect(try fires("0 0 3/6 * * ? *", after: "2024-01-01 00:00:00", count: 5)
            == ["2024-01-01 03:00:00", "2024-01-01 09:00:00", "2024-01-01 15:00:00", "2024-01-01 21:00:00",
                "2024-01-02 03:00:00"])
        #expect(try fires("0 */20 * * * ?", after: "2024-01-01 00:00:00", count: 3)
            == ["2024-01-01 00:20:00", "2024-01-01 00:40:00", "2024-01-01 01:00:00"])
        #expect(try fires("15,45 10-12/2 0 * * ?", after: "2024-01-01 00:00:00", count: 5)
            == ["2024-01-01 00:10:15", "2024-01-01 00:10:45", "2024-01-01 00:12:15", "2024-01-01 00:12:45",
                "2024-01-02 00:10:15"])
        #expect(try fires("0 0 22-1 * * ?", after: "2024-01-01 12:00:00", count: 4)
            == ["2024-01-01 22:00:00", "2024-01-01 23:00:00", "2024-01-02 00:00:00", "2024-01-02 01:00:00"])
    }

    @Test("month and weekday names use Quartz numbering (SUN=1)")
    func names() throws {
        // 2026-11-21 is a Saturday.
        #expect(try fires("0 0 9 ? NOV,DEC MON-FRI", after: "2026-11-21 00:00:00", count: 2)
            == ["2026-11-23 09:00:00", "2026-11-24 09:00:00"])
        #expect(try fires("0 0 9 ? * 1", after: "2026-11-21 00:00:00", count: 1) == ["2026-11-22 09:00:00"])
        #expect(try fires("0 0 9 ? * FRI-MON", after: "2026-11-19 00:00:00", count: 4)
            == ["2026-11-20 09:00:00", "2026-11-21 09:00:00", "2026-11-22 09:00:00", "2026-11-23 09:00:00"])
        #expect(try fires("0 0 9 ? * L", after: "2026-11-19 00:00:00", count: 1) == ["2026-11-21 09:00:00"])
    }

    @Test("29 February fires only in leap years, including 2000 but not 2100")
    func leapYears() throws {
        #expect(try fires("0 0 0 29 2 ? *", after: "2023-03-01 00:00:00", count: 2)
            == ["2024-02-29 00:00:00", "2028-02-29 00:00:00"])
        #expect(try fires("0 0 0 29 2 ? *", after: "1999-01-01 00:00:00", count: 1) == ["2000-02-29 00:00:00"])
        #expect(try fires("0 0 0 29 2 ? 2097-2099", after: "2097-01-01 00:00:00", count: 1) == [])
        #expect(try fires("0 0 0 L 2 ?", after: "2023-01-01 00:00:00", count: 2)
            == ["2023-02-28 00:00:00", "2024-02-29 00:00:00"])
    }

    @Test("a day that never exists yields no fire time instead of looping")
    func impossibleDay() throws {
        #expect(try QuartzCron(parsing: "0 0 0 30 2 ?").next(after: wall("2024-01-01 00:00:00"), in: utcZone) == nil)
        #expect(try QuartzCron(parsing: "0 0 0 31 4,6 ?").next(after: wall("2024-01-01 00:00:00"), in: utcZone) == nil)
    }

    @Test("L, L-n, W and LW in day-of-month")
    func lastAndWeekdayDays() throws {
        #expect(try fires("0 0 0 L * ?", after: "2024-04-01 00:00:00", count: 2)
            == ["2024-04-30 00:00:00", "2024-05-31 00:00:00"])
        #expect(try fires("0 0 0 L-3 * ?", after: "2024-02-01 00:00:00", count: 1) == ["2024-02-26 00:00:00"])
        // 2024-06-01 is a Saturday: 1W moves forward to Monday the 3rd, never back into May.
        #expect(try fires("0 0 0 1W * ?", after: "2024-05-15 00:00:00", count: 1) == ["2024-06-03 00:00:00"])
        // 2024-09-15 is a Sunday: 15W is Monday the 16th; 2024-06-15 is a Saturday: Friday the 14th.
        #expect(try fires("0 0 0 15W * ?", after: "2024-09-01 00:00:00", count: 1) == ["2024-09-16 00:00:00"])
        #expect(try fires("0 0 0 15W * ?", after: "2024-06-01 00:00:00", count: 1) == ["2024-06-14 00:00:00"])
        // 2024-06-30 is a Sunday and the last day: 30W is Friday the 28th.
        #expect(try fires("0 0 0 30W * ?", after: "2024-06-01 00:00:00", count: 1) == ["2024-06-28 00:00:00"])
        // 2024-08-31 is a Saturday: LW is Friday the 30th.
        #expect(try fires("0 0 0 LW * ?", after: "2024-08-01 00:00:00", count: 1) == ["2024-08-30 00:00:00"])
    }

    @Test("nL and n#k in day-of-week")
    func lastAndNthWeekday() throws {
        #expect(try fires("0 0 0 ? * 6L", after: "2026-11-01 00:00:00", count: 2)
            == ["2026-11-27 00:00:00", "2026-12-25 00:00:00"])
        #expect(try fires("0 0 0 ? * FRIL", after: "2026-11-01 00:00:00", count: 1) == ["2026-11-27 00:00:00"])
        #expect(try fires("0 0 0 ? * 6#3", after: "2026-11-01 00:00:00", count: 1) == ["2026-11-20 00:00:00"])
        // Months with a fifth Monday in 2026 after March: June, August, November.
        #expect(try fires("0 0 0 ? * MON#5", after: "2026-04-01 00:00:00", count: 3)
            == ["2026-06-29 00:00:00", "2026-08-31 00:00:00", "2026-11-30 00:00:00"])
    }

    @Test("the year field limits the search and ends the schedule")
    func yearField() throws {
        #expect(try fires("0 0 0 1 1 ? 2030,2032", after: "2024-06-01 00:00:00", count: 5)
            == ["2030-01-01 00:00:00", "2032-01-01 00:00:00"])
        #expect(try fires("0 0 12 * * ? 2024", after: "2024-12-31 12:00:00", count: 1) == [])
    }

    @Test("fire times follow the zone's wall clock")
    func timeZones() throws {
        #expect(try fires("0 0 2 * * ? *", after: "2024-01-01 00:00:00", count: 1, zone: "Asia/Shanghai")
            == ["2023-12-31 18:00:00"])
        #expect(try fires("0 0 3/6 * * ? *", after: "2024-01-01 00:00:00", count: 1, zone: "America/Phoenix")
            == ["2024-01-01 10:00:00"])
    }

    @Test("a wall time inside a spring-forward gap fires after the gap, as Quartz")
    func springForwardGap() throws {
        // New York skips 02:00-03:00 on 2024-03-10; 02:30 EST-as-read becomes 03:30 EDT (07:30Z).
        #expect(try fires("0 30 2 * * ? *", after: "2024-03-09 12:00:00", count: 3, zone: "America/New_York")
            == ["2024-03-10 07:30:00", "2024-03-11 06:30:00", "2024-03-12 06:30:00"])
        #expect(try fires("0 0 * * * ?", after: "2024-03-10 00:30:00", count: 3, zone: "America/New_York")
            == ["2024-03-10 06:00:00", "2024-03-10 07:00:00", "2024-03-10 08:00:00"])
    }

    @Test("a wall time repeated by a fall-back overlap fires once, at its first occurrence")
    func fallBackOverlap() throws {
        // 01:30 happens at 05:30Z (EDT) and 06:30Z (EST) on 2024-11-03.
        #expect(try fires("0 30 1 * * ? *", after: "2024-11-02 12:00:00", count: 2, zone: "America/New_York")
            == ["2024-11-03 05:30:00", "2024-11-04 06:30:00"])
        let cron = try QuartzCron(parsing: "0 30 1 * * ? *")
        let zone = TimeZone(identifier: "America/New_York")!
        // Asked from inside the second 01:00-02:00 hour, the next 01:30 is the following day.
        #expect(utc(cron.next(after: wall("2024-11-03 06:10:00"), in: zone)) == "2024-11-04 06:30:00")
        // Europe: 2024-10-27 02:30 repeats (00:30Z CEST, 01:30Z CET).
        #expect(try fires("0 30 2 * * ?", after: "2024-10-26 12:00:00", count: 2, zone: "Europe/Berlin")
            == ["2024-10-27 00:30:00", "2024-10-28 01:30:00"])
    }

    @Test("start and end bound the fire times, both inclusive")
    func window() throws {
        let cron = try QuartzCron(parsing: "0 0 0 * * ? *")
        let times = cron.nextFireTimes(after: wall("2024-01-01 00:00:00"), count: 10, timeZone: utcZone,
                                       start: wall("2024-01-03 00:00:00"), end: wall("2024-01-05 00:00:00"))
        #expect(times.map(utc) == ["2024-01-03 00:00:00", "2024-01-04 00:00:00", "2024-01-05 00:00:00"])
        let late = cron.nextFireTimes(after: wall("2024-02-01 00:00:00"), count: 10, timeZone: utcZone,
                                      start: wall("2024-01-03 00:00:00"), end: wall("2024-02-03 00:00:00"))
        #expect(late.map(utc) == ["2024-02-02 00:00:00", "2024-02-03 00:00:00"])
    }

    @Test("sub-second references still land on whole seconds")
    func subSecondReference() throws {
        let cron = try QuartzCron(parsing: "* * * * * ?")
        let after = wall("2024-01-01 00:00:00").addingTimeInterval(0.5)
        #expect(utc(cron.next(after: after, in: utcZone)) == "2024-01-01 00:00:01")
    }
}
