import DagforgeCompiler
import DagforgeWire

/// Fills a compiled workflow's `bindings` with engine codes and ids. During plan a reference to a workflow
/// or task that apply will create first is written as a readable "pending" text; during apply every
/// reference must be known.
struct BindingResolver: Sendable {
    var projectName: String
    var projectCode: Int64?
    /// Engine codes of workflows, by name.
    var workflowCodes: [String: Int64]
    /// Engine codes of tasks, by workflow name then task name.
    var taskCodes: [String: [String: Int64]]
    /// Workflow name → task names, of the specs being deployed (targets apply will create).
    var desiredTasks: [String: Set<String>]
    var dataSources: [DataSource]
    var environments: [EnvironmentInfo]

    /// Returns the definition with every binding set, or the problems that prevent it.
    func resolve(_ workflow: CompiledWorkflow, allowPending: Bool) -> (ProcessDefinitionRequest, [DeployProblem]) {
        var definition = workflow.definition
        var problems: [DeployProblem] = []
        let indexByCode = Dictionary(definition.taskDefinitionJson.enumerated().map { ($1.code, $0) },
                                     uniquingKeysWith: { a, _ in a })
        for binding in workflow.bindings {
            guard let index = indexByCode[binding.taskCode] else {
                problems.append(DeployProblem(workflow: workflow.name, task: nil,
                                              message: "a binding names task code \(binding.taskCode), which the workflow does not have",
                                              hint: "this is a compiler defect: report it with `dagforge compile` output"))
                continue
            }
            var task = definition.taskDefinitionJson[index]
            let problem = apply(binding, to: &task, workflow: workflow.name, allowPending: allowPending)
            if let problem { problems.append(problem) } else { definition.taskDefinitionJson[index] = task }
        }
        return (definition, problems)
    }

    private func apply(_ binding: Binding, to task: inout TaskDefinition, workflow: String,
                       allowPending: Bool) -> DeployProblem? {
        func problem(_ message: String, _ hint: String) -> DeployProblem {
            DeployProblem(workflow: workflow, task: task.name, message: message, hint: hint)
        }
        let value: JSONValue
        switch binding.target {
        case .projectCode:
            if let projectCode { value = .int(projectCode) } else if allowPending {
                value = .string("(code of project \(projectName), created by apply)")
            } else { return problem("project \(projectName) has no code", "run apply again") }
        case .workflowCode(let target):
            if let code = workflowCodes[target] { value = .int(code) } else if allowPending, desiredTasks[target] != nil {
                value = .string("(code of new workflow \(target))")
            } else {
                return problem("refers to workflow \(target), which is neither in the specs nor on the engine",
                               "add workflows/\(target) or fix the reference")
            }
        case .taskCode(let target, let targetTask):
            if let code = taskCodes[target]?[targetTask] { value = .int(code) } else if allowPending,
                      desiredTasks[target]?.contains(targetTask) == true {
                value = .string("(code of new task \(target)/\(targetTask))")
            } else {
                return problem("refers to task \(target)/\(targetTask), which is neither in the specs nor on the engine",
                               "fix the reference or add the task")
            }
        case .datasourceId(let name):
            let siblingType = Self.sibling(of: binding.pointer, key: "type")
            let wantedType = siblingType.flatMap { task.taskParams.value(at: $0)?.stringValue }.flatMap { $0.isEmpty ? nil : $0 }
            let matches = dataSources.filter { $0.name == name && (wantedType == nil || $0.type.rawValue == wantedType) }
            guard let source = matches.first else {
                return problem("datasource \(name) does not exist on the engine",
                               "create it on the engine or map the logical name to an existing one under `datasources:` in the environment file")
            }
            if matches.count > 1 {
                return problem("datasource \(name) exists with several types (\(matches.map(\.type.rawValue).joined(separator: ", ")))",
                               "set `sql_type`/the task's datasource type, or rename one of them")
            }
            value = .int(Int64(source.id))
            if let siblingType, wantedType == nil {
                task.taskParams = task.taskParams.setting(siblingType, to: .string(source.type.rawValue))
                    ?? Self.adding(siblingType, .string(source.type.rawValue), to: task.taskParams)
            }
        case .environmentCode(let name):
            guard let environment = environments.first(where: { $0.name == name }) else {
                return problem("environment \(name) does not exist on the engine",
                               "create it on the engine (Security → Environment Manage) or fix the environment name")
            }
            task.environmentCode = environment.code
            return nil
        }
        guard let updated = task.taskParams.setting(binding.pointer, to: value) else {
            return problem("binding pointer \(binding.pointer) does not exist in taskParams",
                           "this is a compiler defect: report it with `dagforge compile` output")
        }
        task.taskParams = updated
        return nil
    }

    /// `/a/b/datasource` → `/a/b/type`.
    private static func sibling(of pointer: String, key: String) -> String? {
        guard let slash = pointer.lastIndex(of: "/") else { return nil }
        return String(pointer[..<slash]) + "/" + key
    }

    /// Adds a key to the object at the pointer's parent (used when `type` is absent).
    private static func adding(_ pointer: String, _ value: JSONValue, to params: JSONValue) -> JSONValue {
        guard let slash = pointer.lastIndex(of: "/") else { return params }
        let parentPointer = String(pointer[..<slash])
        let key = String(pointer[pointer.index(after: slash)...])
        guard case .object(var parent)? = params.value(at: parentPointer) else { return params }
        parent[key] = value
        return params.setting(parentPointer, to: .object(parent)) ?? params
    }
}

/// Something that keeps a workflow from being planned or applied, with where and what to do.
public struct DeployProblem: Codable, Hashable, Sendable, CustomStringConvertible {
    public var workflow: String
    public var task: String?
    public var message: String
    public var hint: String

    public var description: String {
        "\(workflow)\(task.map { "/" + $0 } ?? ""): \(message)\n  hint: \(hint)"
    }
}

/// Every problem found while planning, reported at once.
public struct PlanningError: Error, Sendable, CustomStringConvertible {
    public var problems: [DeployProblem]

    /// Problems with the same cause (one missing datasource used by 30 tasks) are listed once, with the
    /// tasks they affect.
    public var description: String {
        var groups: [(message: String, hint: String, places: [String])] = []
        for problem in problems {
            let place = problem.workflow + (problem.task.map { "/" + $0 } ?? "")
            if let index = groups.firstIndex(where: { $0.message == problem.message && $0.hint == problem.hint }) {
                groups[index].places.append(place)
            } else {
                groups.append((problem.message, problem.hint, [place]))
            }
        }
        return "\(problems.count) problem\(problems.count == 1 ? "" : "s") prevent planning:\n" + groups.map { group in
            let shown = group.places.prefix(5).joined(separator: ", ")
                + (group.places.count > 5 ? " and \(group.places.count - 5) more" : "")
            return "- \(group.message) (\(shown))\n  hint: \(group.hint)"
        }.joined(separator: "\n")
    }
}
