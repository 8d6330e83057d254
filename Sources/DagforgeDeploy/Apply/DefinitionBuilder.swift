import DagforgeCompiler
import DagforgeWire

/// Turns a compiled workflow into the exact create/update request for one engine: placeholder task codes
/// replaced by engine codes (existing tasks keep theirs and their current version), bindings resolved, and
/// the marker appended to the description.
struct DefinitionBuilder {
    var resolver: BindingResolver
    var commit: String

    /// `taskCodes`: task name → (engine code, version to send).
    func build(_ workflow: CompiledWorkflow, taskCodes: [String: (code: Int64, version: Int)]) throws -> ProcessDefinitionRequest {
        let (resolved, problems) = resolver.resolve(workflow, allowPending: false)
        if !problems.isEmpty { throw PlanningError(problems: problems) }
        var request = resolved
        var codeByPlaceholder: [Int64: Int64] = [:]
        var versionByCode: [Int64: Int] = [:]
        for task in request.taskDefinitionJson {
            guard let target = taskCodes[task.name] else { continue }
            codeByPlaceholder[task.code] = target.code
            versionByCode[target.code] = target.version
        }
        let engineCode = { (placeholder: Int64) -> Int64 in codeByPlaceholder[placeholder] ?? placeholder }
        request.taskDefinitionJson = request.taskDefinitionJson.map { task in
            var task = task
            task.code = engineCode(task.code)
            task.version = versionByCode[task.code] ?? 1
            task.taskParams = LocalTaskReferences.map(task.taskParams, taskType: task.taskType) { .int(engineCode($0)) }
            return task
        }
        request.taskRelationJson = request.taskRelationJson.map { relation in
            var relation = relation
            if relation.preTaskCode != 0 {
                relation.preTaskCode = engineCode(relation.preTaskCode)
                relation.preTaskVersion = versionByCode[relation.preTaskCode] ?? 1
            }
            relation.postTaskCode = engineCode(relation.postTaskCode)
            relation.postTaskVersion = versionByCode[relation.postTaskCode] ?? 1
            return relation
        }
        request.locations = request.locations.map { Location(taskCode: engineCode($0.taskCode), x: $0.x, y: $0.y) }
        let userText = request.description
        request.description = Marker.deployedUserText(userText, sourcePath: workflow.sourcePath, commit: commit)
        let marker = Marker(sourcePath: workflow.sourcePath, commit: commit, contentHash: WorkflowShape.contentHash(digest: ShapeDigest.of(request: request)))
        request.description = marker.description(userText: userText)
        return request
    }
}
