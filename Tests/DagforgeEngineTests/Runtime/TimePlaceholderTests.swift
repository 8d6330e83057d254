import Foundation
import Testing
@testable import DagforgeEngine

@Suite("Time placeholders $[...]")
struct TimePlaceholderTests {
    // 2024-03-01 is a Friday; 2024 is a leap year.
    private let placeholder = TimePlaceholder(base: runtimeWall("2024-03-01 02:00:00", "Asia/Shanghai"),
                                              zone: zone("Asia/Shanghai"))

    @Test("day and fractional-day offsets", arguments: [
        ("yyyyMMdd", "20240301"), ("yyyyMMdd-1", "20240229"), ("yyyy-MM-dd+7", "2024-03-08"),
        ("yyyy-MM-dd", "2024-03-01"), ("HHmmss-1/24", "010000"), ("yyyyMMddHHmmss+1/24/2", "20240301023000"),
        ("yyyy-MM-dd HH:mm:ss-7*2", "2024-02-16 02:00:00"), ("HH:mm:ss", "02:00:00"),
    ])
    func offsets(expression: String, expected: String) throws {
        #expect(try placeholder.evaluate(expression) == expected)
    }

    @Test("calendar functions", arguments: [
        ("add_months(yyyyMMdd,-1)", "20240201"), ("add_months(yyyyMMdd,12*2)", "20260301"),
        ("this_day(yyyy-MM-dd)", "2024-03-01"), ("last_day(yyyy-MM-dd)", "2024-02-29"),
        ("month_first_day(yyyy-MM-dd,-1)", "2024-02-01"), ("month_first_day(yyyyMMdd)", "20240301"),
        ("month_last_day(yyyy-MM-dd,-1)", "2024-02-29"), ("month_last_day(yyyyMMdd)", "20240331"),
        ("week_first_day(yyyy-MM-dd,0)", "2024-02-26"), ("week_first_day(yyyyMMdd,-1)", "20240219"),
        ("week_last_day(yyyy-MM-dd)", "2024-03-03"), ("month_begin(yyyyMMdd,1)", "20240302"),
        ("month_end(yyyyMMdd,-1)", "20240330"), ("week_begin(yyyyMMdd,0)", "20240226"),
        ("week_end(yyyyMMdd,0)", "20240303"), ("year_week(yyyy-MM-dd)", "2024-09"),
        ("year_week(yyyyMMdd,7)", "202409"),
    ])
    func functions(expression: String, expected: String) throws {
        #expect(try placeholder.evaluate(expression) == expected)
    }

    @Test("add_months clamps to the end of a shorter month")
    func addMonthsClamps() throws {
        let endOfJanuary = TimePlaceholder(base: runtimeWall("2023-01-31 00:00:00", "UTC"), zone: zone("UTC"))
        #expect(try endOfJanuary.evaluate("add_months(yyyy-MM-dd,1)") == "2023-02-28")
    }

    @Test("year_week reports the calendar year with the week number, as DolphinScheduler does")
    func yearWeekAtYearEnd() throws {
        // 2024-12-31 (a Tuesday) is in week 1 of the Monday-based week year 2025; DolphinScheduler prints 2024-01.
        let newYearsEve = TimePlaceholder(base: runtimeWall("2024-12-31 12:00:00", "UTC"), zone: zone("UTC"))
        #expect(try newYearsEve.evaluate("year_week(yyyy-MM-dd)") == "2024-01")
    }

    @Test("timestamp() gives epoch seconds of the formatted time")
    func timestamp() throws {
        let expected = Int(runtimeWall("2024-02-29 18:00:00", "UTC").timeIntervalSince1970)
        #expect(try placeholder.evaluate("timestamp(yyyyMMddHHmmss)") == String(expected))
        #expect(try placeholder.evaluate("timestamp(yyyyMMddHHmmss-1)") == String(expected - 86_400))
    }

    @Test("day offsets are absolute minutes, so they cross a DST change by 24 real hours")
    func absoluteMinutesAcrossDST() throws {
        // 2024-03-11 00:30 EDT minus 1440 minutes is 2024-03-09 23:30 EST (the 10th had 23 hours).
        let afterSpringForward = TimePlaceholder(base: runtimeWall("2024-03-11 00:30:00", "America/New_York"),
                                                 zone: zone("America/New_York"))
        #expect(try afterSpringForward.evaluate("yyyyMMddHHmm-1") == "202403092330")
    }

    @Test("an illegal format letter is an error naming it")
    func illegalFormat() {
        #expect(throws: ParameterError.self) { try placeholder.evaluate("abc") }
        #expect(throws: ParameterError.self) { try placeholder.evaluate("add_months(yyyyMMdd)") }
    }

    @Test("offset arithmetic follows DolphinScheduler's evaluator, quirks included")
    func arithmetic() throws {
        #expect(try TimeOffsetArithmetic.evaluate("(1+2)*3") == 9)
        #expect(try TimeOffsetArithmetic.evaluate("7/2") == 3)
        #expect(try TimeOffsetArithmetic.evaluate("2*-3") == -6)
        #expect(try TimeOffsetArithmetic.evaluate("10-2-3") == 5)
        // The unary minus applies after the addition that follows it: -(1+2).
        #expect(try TimeOffsetArithmetic.evaluate("-1+2") == -3)
        #expect(throws: ParameterError.self) { try TimeOffsetArithmetic.evaluate("1+x") }
        #expect(throws: ParameterError.self) { try TimeOffsetArithmetic.evaluate("(1+2") }
        #expect(throws: ParameterError.self) { try TimeOffsetArithmetic.evaluate("1/0") }
    }
}
