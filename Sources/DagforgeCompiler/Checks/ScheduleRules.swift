import DagforgeCron
import DagforgeSpec
import Foundation

/// The checks one schedule gets, wherever it was written.
enum ScheduleRules {
    /// DF302 for an invalid Quartz cron, DF304 for an unknown time zone; `requireCron` adds DF303 when no
    /// cron is set.
    static func problems(in schedule: WorkflowSchedule, requireCron: Bool, workflow: String,
                         knownZones: KnownTimeZones = KnownTimeZones()) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if let cron = schedule.cron {
            do {
                _ = try QuartzCron(parsing: cron.value)
            } catch {
                problems.append(Diagnostic(.error, "DF302", "invalid cron \"\(cron.value)\": \(error.description)",
                                           hint: "Write a Quartz cron: sec min hour day-of-month month day-of-week [year], with '?' in one day field, e.g. \"0 0 2 * * ? *\".",
                                           at: cron.range, workflow: workflow))
            }
        } else if requireCron {
            problems.append(Diagnostic(.error, "DF303", "schedule of workflow '\(workflow)' has no 'cron'",
                                       hint: "Add `cron:` with a Quartz expression, e.g. \"0 0 2 * * ? *\".",
                                       at: schedule.range, workflow: workflow))
        }
        if let zone = schedule.timezone, !knownZones.contains(zone.value) {
            let suggestion = NameSuggestion.phrase(for: zone.value, in: TimeZone.knownTimeZoneIdentifiers)
            problems.append(Diagnostic(.error, "DF304", "unknown time zone '\(zone.value)'\(suggestion)",
                                       hint: "Use an IANA zone id such as Asia/Shanghai or UTC.", at: zone.range, workflow: workflow))
        }
        return problems
    }
}

/// Which time zone ids Foundation knows, asked once per distinct id: creating a `TimeZone` loads zone data,
/// and 4,000 workflows usually share a handful of zones.
struct KnownTimeZones {
    private var answers: [String: Bool] = [:]

    init(asking identifiers: some Sequence<String> = []) {
        for identifier in identifiers where answers[identifier] == nil {
            answers[identifier] = TimeZone(identifier: identifier) != nil
        }
    }

    func contains(_ identifier: String) -> Bool {
        answers[identifier] ?? (TimeZone(identifier: identifier) != nil)
    }
}
