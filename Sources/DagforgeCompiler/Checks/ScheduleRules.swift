import DagforgeCron
import DagforgeSpec
import Foundation

/// The checks one schedule gets, wherever it was written.
enum ScheduleRules {
    /// DF302 for an invalid Quartz cron, DF304 for an unknown time zone; `requireCron` adds DF303 when no
    /// cron is set.
    static func problems(in schedule: WorkflowSchedule, requireCron: Bool, workflow: String,
                         answers: ScheduleAnswers = ScheduleAnswers()) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if let cron = schedule.cron {
            if let error = answers.cronError(cron.value) {
                problems.append(Diagnostic(.error, "DF302", "invalid cron \"\(cron.value)\": \(error)",
                                           hint: "Write a Quartz cron: sec min hour day-of-month month day-of-week [year], with '?' in one day field, e.g. \"0 0 2 * * ? *\".",
                                           at: cron.range, workflow: workflow))
            }
        } else if requireCron {
            problems.append(Diagnostic(.error, "DF303", "schedule of workflow '\(workflow)' has no 'cron'",
                                       hint: "Add `cron:` with a Quartz expression, e.g. \"0 0 2 * * ? *\".",
                                       at: schedule.range, workflow: workflow))
        }
        if let zone = schedule.timezone, !answers.isKnownZone(zone.value) {
            let suggestion = NameSuggestion.phrase(for: zone.value, in: TimeZone.knownTimeZoneIdentifiers)
            problems.append(Diagnostic(.error, "DF304", "unknown time zone '\(zone.value)'\(suggestion)",
                                       hint: "Use an IANA zone id such as Asia/Shanghai or UTC.", at: zone.range, workflow: workflow))
        }
        return problems
    }
}

/// The verdicts on a repository's distinct cron expressions and time zone ids, each reached once (on all
/// cores): 4,000 workflows share a few hundred crons and a handful of zones, and parsing a cron or loading a
/// zone is what the schedule checks cost.
struct ScheduleAnswers {
    /// The parse error of each cron seen; nil for a valid one.
    private var cronErrors: [String: String?] = [:]
    private var zones: [String: Bool] = [:]

    init(schedules: [WorkflowSchedule] = []) {
        let crons = Array(Set(schedules.compactMap { $0.cron?.value }))
        let errors = crons.concurrentMap(Self.parseError(of:))
        cronErrors = Dictionary(uniqueKeysWithValues: zip(crons, errors))
        for identifier in Set(schedules.compactMap { $0.timezone?.value }) {
            zones[identifier] = TimeZone(identifier: identifier) != nil
        }
    }

    func cronError(_ cron: String) -> String? {
        if let known = cronErrors[cron] { return known }
        return Self.parseError(of: cron)
    }

    private static func parseError(of cron: String) -> String? {
        do {
            _ = try QuartzCron(parsing: cron)
            return nil
        } catch {
            return error.description
        }
    }

    func isKnownZone(_ identifier: String) -> Bool {
        zones[identifier] ?? (TimeZone(identifier: identifier) != nil)
    }
}
