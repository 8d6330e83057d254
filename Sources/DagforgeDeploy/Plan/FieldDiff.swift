/// One changed field, old and new value as display text (nil = absent). Multi-line text fields (SQL,
/// scripts) also carry a unified diff of the two.
public struct FieldDiff: Codable, Hashable, Sendable {
    /// Dotted path, e.g. `timeout`, `taskParams.sql`, `schedule.crontab`.
    public var field: String
    public var old: String?
    public var new: String?
    /// Unified diff hunks (`@@ -a,b +c,d @@` …) when both sides are multi-line text.
    public var unifiedDiff: String?

    public init(field: String, old: String?, new: String?, unifiedDiff: String? = nil) {
        self.field = field
        self.old = old
        self.new = new
        self.unifiedDiff = unifiedDiff
    }
}

/// Create, update, delete or leave alone.
public enum Action: String, Codable, Sendable, CaseIterable {
    case create, update, delete, noOp
}

/// A task added, removed or changed in a workflow.
public struct TaskChange: Codable, Hashable, Sendable {
    public var name: String
    public var taskType: String
    public var action: Action
    public var fields: [FieldDiff]

    public init(name: String, taskType: String, action: Action, fields: [FieldDiff]) {
        self.name = name
        self.taskType = taskType
        self.action = action
        self.fields = fields
    }
}

/// Edges added to and removed from a workflow's DAG.
public struct RelationChanges: Codable, Hashable, Sendable {
    public var added: [Edge]
    public var removed: [Edge]

    public init(added: [Edge] = [], removed: [Edge] = []) {
        self.added = added
        self.removed = removed
    }

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty }
}

/// The schedule's fate: created, changed, deleted (spec no longer has one), and its ONLINE/OFFLINE state.
public struct ScheduleChange: Codable, Hashable, Sendable {
    public var action: Action
    public var fields: [FieldDiff]
    /// nil when the release state stays.
    public var release: ReleaseChange?

    public init(action: Action, fields: [FieldDiff], release: ReleaseChange?) {
        self.action = action
        self.fields = fields
        self.release = release
    }
}

/// A release state transition (`OFFLINE` → `ONLINE`…); `from` nil when the object does not exist yet.
public struct ReleaseChange: Codable, Hashable, Sendable {
    public var from: String?
    public var to: String

    public init(from: String?, to: String) {
        self.from = from
        self.to = to
    }
}
