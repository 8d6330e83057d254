import Testing
import DagforgeCron

@Suite("Quartz cron parsing")
struct QuartzCronParsingTests {
    private func failure(_ expression: String) -> CronError? {
        do {
            _ = try QuartzCron(parsing: expression)
            return nil
        } catch {
            return error
        }
    }

    @Test("valid DolphinScheduler expressions parse", arguments: [
        "0 0 0 * * ? *", "0 0 3/6 * * ? *", "0 0/5 14,18 * * ?", "0 15 10 ? * MON-FRI", "0 15 10 L * ?",
        "0 15 10 ? * 6L 2025-2030", "0 15 10 ? * 6#3", "0 0 12 1/5 * ?", "0 11 11 11 11 ?", "0 0 0 LW * ?",
        "0 0 0 L-2 * ?", "0 0 0 15W * ?", "0 0 0 ? jan-mar sun", "  0   0 0 * * ?  *  ",
    ])
    func parses(expression: String) {
        #expect(failure(expression) == nil)
    }

    @Test("the wrong number of fields is reported")
    func fieldCount() {
        #expect(failure("0 0 * * ?")?.message.contains("found 5") == true)
        #expect(failure("0 0 0 * * ? * 1")?.column == 15)
        #expect(failure("")?.field == "expression")
    }

    @Test("an out-of-range value names its field and column")
    func outOfRange() {
        let error = failure("0 0 25 * * ? *")
        #expect(error?.field == "hours")
        #expect(error?.column == 5)
        #expect(error?.message.contains("25 is out of range") == true)
        #expect(failure("0 0 1 * 13 ? *")?.field == "month")
        #expect(failure("0 0 1 ? * 8 *")?.column == 11)
        #expect(failure("0 0 1 * * ? 1969")?.field == "year")
        // The column points at the list element, not the field start.
        #expect(failure("0 1,2,61 1 * * ?")?.column == 7)
    }

    @Test("day-of-month and day-of-week need exactly one '?'")
    func questionMarkRule() {
        #expect(failure("0 0 2 * * * *")?.field == "day-of-week")
        #expect(failure("0 0 2 * * * *")?.column == 11)
        #expect(failure("0 0 2 ? * ? *")?.message.contains("not both") == true)
        #expect(failure("? 0 2 * * ? *")?.field == "seconds")
    }

    @Test("malformed specials are rejected with a hint", arguments: [
        ("0 0 0 L,5 * ?", "day-of-month"), ("0 0 0 32W * ?", "day-of-month"), ("0 0 0 ? * 6#6", "day-of-week"),
        ("0 0 0 ? * 9L", "day-of-week"), ("0 0 0 ? * MOX", "day-of-week"), ("0 */0 0 * * ?", "minutes"),
        ("0 0 0 * FOO ?", "month"), ("0 0 0 1,,2 * ?", "day-of-month"), ("0 0 0 L-31 * ?", "day-of-month"),
        ("0 0 0 5-x * ?", "day-of-month"), ("0 0 0 ? * 6W", "day-of-week"),
    ])
    func malformed(expression: String, field: String) {
        let error = failure(expression)
        #expect(error?.field == field)
        #expect(error.map { !$0.message.isEmpty } == true)
    }

    @Test("equal schedules compare equal regardless of spelling")
    func equality() throws {
        #expect(try QuartzCron(parsing: "0 0 9 ? * MON-FRI") == QuartzCron(parsing: "0 0 9 ? * 2,3,4,5,6"))
        #expect(try QuartzCron(parsing: "0 0 9 ? * MON") != QuartzCron(parsing: "0 0 9 ? * TUE"))
    }
}
