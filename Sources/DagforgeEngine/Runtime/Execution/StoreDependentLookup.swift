import DagforgeWire
import Foundation

/// DEPENDENT items answered from the engine's own instances (DolphinScheduler's DependentExecute).
struct StoreDependentLookup: DependentInstanceLookup {
    let store: EngineStore

    func result(for item: DependentParameters.Item, in window: DateInterval) async throws -> DependResult {
        guard let instance = try await store.latestInstance(definitionCode: item.definitionCode,
                                                            from: DolphinDate.string(window.start),
                                                            to: DolphinDate.string(window.end)) else { return .WAITING }
        switch item.depTaskCode {
        case 0:
            return Self.result(of: instance.state)
        case -1:
            guard instance.state.isFinished else { return .WAITING }
            let states = try await store.taskStates(processInstanceId: instance.id)
            return states.values.allSatisfy(\.isSuccess) ? .SUCCESS : .FAILED
        default:
            guard let state = try await store.taskStates(processInstanceId: instance.id)[item.depTaskCode] else {
                return instance.state.isFinished ? .FAILED : .WAITING
            }
            guard state.isFinished else { return .WAITING }
            return state.isSuccess ? .SUCCESS : .FAILED
        }
    }

    private static func result(of state: WorkflowExecutionStatus) -> DependResult {
        guard state.isFinished else { return .WAITING }
        return state == .SUCCESS ? .SUCCESS : .FAILED
    }
}
