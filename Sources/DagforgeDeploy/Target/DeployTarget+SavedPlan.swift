import DagforgeCompiler
import DagforgeWire
import Foundation

extension DeployTarget {
    /// A plan read from a file, made whole again: saved plans have secrets masked, so each workflow to
    /// write is taken from this target's compilation, which must match the saved one once masked.
    /// A plan for another environment or project, or made from other specs, is refused.
    public func restoring(_ saved: Plan) throws -> Plan {
        guard saved.environment == environment, saved.project == project else {
            throw SavedPlanError.otherTarget(plan: "\(saved.environment)/\(saved.project)", target: "\(environment)/\(project)")
        }
        let current = Dictionary(workflows.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var plan = saved
        var changed: [String] = []
        for index in plan.workflows.indices {
            guard let savedWorkflow = plan.workflows[index].desired else { continue }
            guard let now = current[savedWorkflow.name], try masked(now) == masked(savedWorkflow) else {
                changed.append(savedWorkflow.name)
                continue
            }
            plan.workflows[index].desired = now
        }
        if !changed.isEmpty { throw SavedPlanError.specsChanged(changed) }
        return plan
    }

    private func masked(_ workflow: CompiledWorkflow) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return redacting(String(decoding: try encoder.encode(workflow), as: UTF8.self))
    }
}

public enum SavedPlanError: Error, Sendable, CustomStringConvertible {
    case otherTarget(plan: String, target: String)
    case specsChanged([String])

    public var description: String {
        switch self {
        case .otherTarget(let plan, let target):
            "the plan file is for \(plan), not \(target)\nhint: pass the plan's environment with --env"
        case .specsChanged(let names):
            "the specs changed since the plan was made, for: \(names.joined(separator: ", "))\nhint: run `dagforge plan --out FILE` again"
        }
    }
}
