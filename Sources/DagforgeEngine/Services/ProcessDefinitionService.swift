import DagforgeWire
import Foundation

/// The form of a workflow create or update, JSON-in-form fields still as text.
struct WorkflowForm: Sendable {
    var name: String
    var description: String?
    var globalParams: String?
    var locations: String?
    var timeout: Int
    var executionType: ProcessExecutionType
    var taskDefinitionJson: String
    var taskRelationJson: String
}

/// Workflow (process definition) rules (reference §6.6, §10): creation, update as a new version, release,
/// delete and its preconditions.
struct ProcessDefinitionService: Sendable {
    let store: EngineStore
    let codes: CodeGenerator
    let projects: ProjectService

    func create(caller: EngineUser, projectCode: Int64, form: WorkflowForm) async throws -> ProcessDefinition {
        _ = try await projects.existing(projectCode, returned: true)
        try ProjectService.checkDescription(form.description)
        if try await store.definition(projectCode: projectCode, name: form.name) != nil {
            throw ServiceError(.processDefinitionNameExist, .text(form.name))
        }
        let draft = try draft(projectCode: projectCode, form: form)
        var created = try await store.createDefinition(code: codes.next(), draft: draft, userId: caller.id)
        // DolphinScheduler answers with its in-memory object: version 0, no release state (reference §16.12).
        created.version = 0
        created.releaseState = nil
        return created
    }

    func update(caller: EngineUser, projectCode: Int64, code: Int64, form: WorkflowForm,
                releaseState: ReleaseState) async throws -> ProcessDefinition {
        _ = try await projects.existing(projectCode, returned: true)
        try ProjectService.checkDescription(form.description)
        let draft = try draft(projectCode: projectCode, form: form)
        guard let existing = try await store.definition(code: code), existing.projectCode == projectCode else {
            throw ServiceError(.processDefineNotExist, .text(String(code)))
        }
        guard existing.releaseState != .ONLINE else { throw ServiceError(.processDefineNotAllowedEdit, .text(existing.name)) }
        if existing.name != form.name, try await store.definition(projectCode: projectCode, name: form.name) != nil {
            throw ServiceError(.processDefinitionNameExist, .text(form.name))
        }
        guard let previous = try await store.updateDefinition(code: code, draft: draft, userId: caller.id) else {
            throw ServiceError(.processDefineNotExist, .text(String(code)))
        }
        if releaseState == .ONLINE { try await release(projectCode: projectCode, code: code, state: .ONLINE) }
        return previous
    }

    func release(projectCode: Int64, code: Int64, state: ReleaseState) async throws {
        _ = try await projects.existing(projectCode)
        guard let definition = try await store.definition(code: code) else {
            throw ServiceError(.processDefineNotExist, .text(String(code)))
        }
        if state == .ONLINE {
            guard definition.releaseState != .ONLINE else { return }
            guard try await store.relationCount(definitionCode: code) > 0 else { throw ServiceError(.processDagIsEmpty) }
            try await checkSubProcessesOnline(code)
        } else if definition.releaseState == .OFFLINE {
            return
        }
        try await store.releaseDefinition(code: code, state: state)
    }

    /// Every SUB_PROCESS target, recursively, must be ONLINE.
    private func checkSubProcessesOnline(_ code: Int64) async throws {
        var pending = [code]
        var seen: Set<Int64> = [code]
        while let next = pending.popLast() {
            for child in try await store.referencedDefinitions(from: next, kind: .subProcess) where !seen.contains(child.code) {
                guard child.releaseState == .ONLINE else {
                    throw ServiceError(.internalServerErrorArgs, .text("SubWorkflowDefinition \(child.name) is not online"))
                }
                seen.insert(child.code)
                pending.append(child.code)
            }
        }
    }

    func delete(caller: EngineUser, projectCode: Int64, code: Int64) async throws {
        guard let definition = try await store.definition(code: code) else {
            throw ServiceError(.processDefineNotExist, .text(String(code)))
        }
        _ = try await projects.existing(projectCode)
        guard caller.isAdmin || Int64(definition.userId) == caller.id else { throw ServiceError(.userNoOperationPerm) }
        guard definition.releaseState != .ONLINE else { throw ServiceError(.processDefineStateOnline, .text(definition.name)) }
        let users = try await store.referencesTo(definitionCode: code)
        guard users.isEmpty else {
            throw ServiceError(.deleteProcessDefinitionUseByOtherFail, .text(users.joined(separator: ",")))
        }
        if let schedule = try await store.schedule(definitionCode: code), schedule.releaseState == .ONLINE {
            throw ServiceError(.scheduleStateOnline, .text(String(schedule.id)))
        }
        try await store.deleteDefinition(code: code)
    }

    func batchDelete(caller: EngineUser, projectCode: Int64, codes: [Int64]) async throws {
        guard !codes.isEmpty else { throw ServiceError(.processDefinitionCodesIsEmpty) }
        for code in codes {
            guard try await store.definition(code: code) != nil else {
                throw ServiceError(.batchDeleteProcessDefineByCodesError, .text("\(code)[process definition not exist]"))
            }
        }
        for code in codes {
            let name = try await store.definition(code: code)?.name ?? String(code)
            do {
                try await delete(caller: caller, projectCode: projectCode, code: code)
            } catch let error as ServiceError {
                throw ServiceError(.deleteProcessDefineError, .text(name), .text(error.message))
            }
        }
    }

    /// Nothing when `name` is free in the project or belongs to workflow `code`; else 10168.
    func verifyName(projectCode: Int64, name: String, code: Int64) async throws {
        _ = try await projects.existing(projectCode)
        if let existing = try await store.definition(projectCode: projectCode, name: name), existing.code != code {
            throw ServiceError(.processDefinitionNameExist, .text(name))
        }
    }

    func existing(projectCode: Int64, code: Int64) async throws -> ProcessDefinition {
        _ = try await projects.existing(projectCode)
        guard let definition = try await store.definition(code: code) else {
            throw ServiceError(.processDefineNotExist, .text(String(code)))
        }
        return definition
    }

    func switchVersion(projectCode: Int64, code: Int64, version: Int) async throws {
        _ = try await projects.existing(projectCode)
        guard try await store.definition(code: code) != nil else {
            throw ServiceError(.switchProcessDefinitionVersionNotExistProcessDefinitionError, .number(code))
        }
        guard try await store.definitionVersionExists(code: code, version: version) else {
            throw ServiceError(.switchProcessDefinitionVersionNotExistProcessDefinitionVersionError, .number(code),
                               .number(Int64(version)))
        }
        try await store.switchDefinitionVersion(code: code, version: version)
    }

    func deleteVersion(projectCode: Int64, code: Int64, version: Int) async throws {
        let definition = try await existing(projectCode: projectCode, code: code)
        guard definition.version != version else { throw ServiceError(.mainTableUsingVersion) }
        try await store.deleteDefinitionVersion(code: code, version: version)
    }

    /// Validates the form's DAG and gives every task without a code one of ours.
    func draft(projectCode: Int64, form: WorkflowForm) throws -> WorkflowDraft {
        var tasks = try DagValidator.tasks(form.taskDefinitionJson)
        for index in tasks.indices where tasks[index].code == 0 { tasks[index].code = codes.next() }
        let relations = try DagValidator.relations(form.taskRelationJson, tasks: tasks)
        return WorkflowDraft(projectCode: projectCode, name: form.name, description: form.description ?? "",
                             globalParams: form.globalParams ?? "[]", locations: form.locations, timeout: form.timeout,
                             executionType: form.executionType, tasks: tasks, relations: relations)
    }
}
