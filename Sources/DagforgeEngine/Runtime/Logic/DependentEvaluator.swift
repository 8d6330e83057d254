import DagforgeWire
import Foundation

/// What a DEPENDENT task decides at one check.
public enum DependentDecision: Sendable, Equatable {
    /// Not decided yet: check again after `checkInterval` seconds.
    case waiting
    case succeeded
    case failed
}

/// Answers one DEPENDENT item for one date window, from the engine's instances (DolphinScheduler's
/// DependentExecute): take the latest instance of the item's workflow whose schedule time (or start time, for
/// manual runs) lies in the window; none → WAITING; `depTaskCode` 0 → that instance's state, -1 → all its
/// tasks succeeded, else that task's state (not finished → WAITING, success → SUCCESS, else FAILED).
public protocol DependentInstanceLookup: Sendable {
    func result(for item: DependentParameters.Item, in window: DateInterval) async throws -> DependResult
}

/// Evaluates a DEPENDENT task's AND/OR tree across repeated checks. Items that succeeded are remembered and not
/// asked again, as DolphinScheduler does.
public struct DependentEvaluator: Sendable {
    public let dependence: DependentParameters.Dependence
    /// The dependent task's business date: its instance's schedule time, or start time for a manual run.
    public let businessDate: Date
    public let timeZone: TimeZone
    private var settled: [DependentParameters.Item: DependResult] = [:]

    public init(dependence: DependentParameters.Dependence, businessDate: Date, timeZone: TimeZone) {
        self.dependence = dependence
        self.businessDate = businessDate
        self.timeZone = timeZone
    }

    /// Seconds between checks (DolphinScheduler's default 10).
    public var checkInterval: Duration { .seconds(max(dependence.checkInterval ?? 10, 1)) }

    public mutating func check(_ lookup: some DependentInstanceLookup, now: Date) async throws -> DependentDecision {
        var groupResults: [DependResult] = []
        for group in dependence.dependTaskList {
            var itemResults: [DependResult] = []
            for item in group.dependItemList {
                itemResults.append(try await result(for: item, lookup))
            }
            groupResults.append(DependResult.combined(group.relation, itemResults))
        }
        switch DependResult.combined(dependence.relation, groupResults) {
        case .SUCCESS, .NON_EXEC:
            return .succeeded
        case .WAITING:
            return .waiting
        case .FAILED:
            // DEPENDENT_FAILURE_WAITING keeps waiting until failureWaitingTime minutes after the business date.
            if dependence.failurePolicy == .DEPENDENT_FAILURE_WAITING, let minutes = dependence.failureWaitingTime,
               now.timeIntervalSince(businessDate) <= TimeInterval(minutes * 60) {
                return .waiting
            }
            return .failed
        }
    }

    private mutating func result(for item: DependentParameters.Item,
                                 _ lookup: some DependentInstanceLookup) async throws -> DependResult {
        if let known = settled[item] { return known }
        guard let windows = DependentDateWindows.windows(dateValue: item.dateValue, businessDate: businessDate,
                                                         timeZone: timeZone) else {
            return .FAILED
        }
        var result = DependResult.FAILED
        for window in windows {
            result = try await lookup.result(for: item, in: window)
            if result != .SUCCESS { break }
        }
        if result == .SUCCESS || result == .NON_EXEC { settled[item] = result }
        return result
    }
}
