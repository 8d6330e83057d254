import DagforgeWire

/// CONDITIONS tasks: the AND/OR tree of "task X ended in state S" over this instance's task states decides
/// whether the success branch or the failed branch runs (master `ConditionLogicTask`). A task without an
/// instance counts as not matching.
public enum ConditionsEvaluator {
    /// True when the condition holds (the success branch runs).
    public static func holds(_ parameters: ConditionsParameters, states: [Int64: TaskExecutionStatus]) -> Bool {
        let groups = parameters.dependence.dependTaskList.map { group in
            DependResult.combined(group.relation, group.dependItemList.map { item in
                states[item.depTaskCode] == item.status ? .SUCCESS : .FAILED
            })
        }
        return DependResult.combined(parameters.dependence.relation, groups) == .SUCCESS
    }

    /// The branch to follow and the branch to skip.
    public static func branches(_ parameters: ConditionsParameters,
                                states: [Int64: TaskExecutionStatus]) -> (follow: [Int64], skip: [Int64]) {
        let result = parameters.conditionResult
        return holds(parameters, states: states)
            ? (result.successNode, result.failedNode)
            : (result.failedNode, result.successNode)
    }
}
