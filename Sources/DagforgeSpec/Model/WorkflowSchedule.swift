/// A workflow schedule. In `workflow.yaml` `cron` is required; an environment override may set any subset.
public struct WorkflowSchedule: Hashable, Sendable {
    /// Quartz cron: `sec min hour day-of-month month day-of-week [year]`.
    public var cron: Located<String>?
    /// IANA zone id.
    public var timezone: Located<String>?
    /// `yyyy-MM-dd HH:mm:ss` wall-clock time in `timezone`.
    public var start: Located<String>?
    public var end: Located<String>?
    public var range: SourceRange

    public init(cron: Located<String>? = nil, timezone: Located<String>? = nil, start: Located<String>? = nil,
                end: Located<String>? = nil, range: SourceRange) {
        self.cron = cron
        self.timezone = timezone
        self.start = start
        self.end = end
        self.range = range
    }

    public func merged(over base: WorkflowSchedule) -> WorkflowSchedule {
        WorkflowSchedule(cron: cron ?? base.cron, timezone: timezone ?? base.timezone, start: start ?? base.start,
                 end: end ?? base.end, range: cron != nil ? range : base.range)
    }
}
