import DagforgeWire
import Foundation

/// Export and import in DolphinScheduler's JSON format (reference §11).
struct WorkflowTransferService: Sendable {
    let store: EngineStore
    let codes: CodeGenerator
    let projects: ProjectService

    /// The pretty-printed export file of the workflows of `codes` in the project (others are skipped).
    func export(projectCode: Int64, codes: [Int64]) async throws -> String {
        var items: [DagDataSchedule] = []
        for code in codes {
            guard let dag = try await store.dagData(code: code), dag.processDefinition.projectCode == projectCode else { continue }
            var schedule = try await store.schedule(definitionCode: code)
            schedule?.releaseState = .OFFLINE
            items.append(DagDataSchedule(dag: dag, schedule: schedule))
        }
        let encoder = WireJSON.encoder()
        encoder.outputFormatting.insert(.prettyPrinted)
        return String(decoding: try encoder.encode(items), as: UTF8.self)
    }

    /// Imports an export file: new codes everywhere, versions reset to 1, the name made unique and suffixed
    /// with `_import_<timestamp>`, release state and schedule kept. Returns the last imported workflow.
    func importFile(caller: EngineUser, projectCode: Int64, file: [UInt8]) async throws -> ProcessDefinition {
        _ = try await projects.existing(projectCode)
        guard let items = try? WireJSON.decoder().decode([ImportItem].self, from: Data(file)), !items.isEmpty else {
            throw ServiceError(.dataIsNull, "fileContent")
        }
        var workflows: [ImportedWorkflow] = []
        var usedNames: Set<String> = []
        for item in items {
            guard let definition = item.processDefinition else { throw ServiceError(.dataIsNull, "ProcessDefinition") }
            guard let tasks = item.taskDefinitionList, !tasks.isEmpty else { throw ServiceError(.dataIsNull, "TaskDefinitionList") }
            guard let relations = item.processTaskRelationList, !relations.isEmpty else {
                throw ServiceError(.dataIsNull, "ProcessTaskRelationList")
            }
            let name = try await importName(definition.name, projectCode: projectCode, reserved: &usedNames)
            var newCodes: [Int64: Int64] = [:]
            let newTasks = tasks.map { task -> TaskDefinition in
                var copy = task
                let code = self.codes.next()
                newCodes[task.code] = code
                copy.code = code
                copy.version = 1
                copy.id = nil
                return copy
            }
            let newRelations = relations.map { relation -> ProcessTaskRelation in
                var copy = ProcessTaskRelation(preTaskCode: relation.preTaskCode == 0 ? 0 : newCodes[relation.preTaskCode] ?? 0,
                                               preTaskVersion: relation.preTaskCode == 0 ? 0 : 1,
                                               postTaskCode: newCodes[relation.postTaskCode] ?? 0, postTaskVersion: 1)
                copy.name = relation.name
                copy.conditionType = relation.conditionType
                copy.conditionParams = relation.conditionParams
                return copy
            }
            let draft = WorkflowDraft(
                projectCode: projectCode, name: name, description: definition.description,
                globalParams: definition.globalParams, locations: remap(definition.locations, codes: newCodes),
                timeout: definition.timeout, executionType: definition.executionType,
                releaseState: definition.releaseState ?? .OFFLINE, tasks: newTasks, relations: newRelations)
            workflows.append(ImportedWorkflow(code: codes.next(), draft: draft, schedule: item.schedule.map(Self.scheduleDraft),
                                              scheduleState: item.schedule?.releaseState ?? .OFFLINE))
        }
        guard let last = try await store.importDefinitions(workflows, userId: caller.id) else {
            throw ServiceError(.importProcessDefineError)
        }
        return last
    }

    private func importName(_ base: String, projectCode: Int64, reserved: inout Set<String>) async throws -> String {
        var name = base
        var counter = 0
        while try await store.definitionNameTaken(projectCode: projectCode, name: name) {
            counter += 1
            name = "\(base)(\(counter))"
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMddHHmmssSSS"
        var result = "\(name)_import_\(formatter.string(from: Date()))"
        while reserved.contains(result) { result += "_" }
        reserved.insert(result)
        return result
    }

    /// `locations` with task codes replaced by their new codes.
    private func remap(_ locations: String?, codes: [Int64: Int64]) -> String? {
        guard let locations, let entries = try? WireJSON.decode([JSONValue].self, from: locations) else { return locations }
        let remapped = entries.map { entry -> JSONValue in
            guard var object = entry.objectValue, let code = object["taskCode"]?.int64Value, let new = codes[code] else { return entry }
            object["taskCode"] = .int(new)
            return .object(object)
        }
        return JSONValue.array(remapped).compactString()
    }

    private static func scheduleDraft(_ schedule: Schedule) -> ScheduleDraft {
        ScheduleDraft(startTime: schedule.startTime, endTime: schedule.endTime, timezoneId: schedule.timezoneId,
                      crontab: schedule.crontab, failureStrategy: schedule.failureStrategy, warningType: schedule.warningType,
                      warningGroupId: schedule.warningGroupId, processInstancePriority: schedule.processInstancePriority,
                      workerGroup: schedule.workerGroup, tenantCode: schedule.tenantCode ?? "default",
                      environmentCode: schedule.environmentCode)
    }
}

/// One element of an import file, each part optional so missing parts get DolphinScheduler's 50018.
private struct ImportItem: Decodable {
    let processDefinition: ProcessDefinition?
    let processTaskRelationList: [ProcessTaskRelation]?
    let taskDefinitionList: [TaskDefinition]?
    let schedule: Schedule?

    enum CodingKeys: String, CodingKey { case processDefinition, processTaskRelationList, taskDefinitionList, schedule }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        processDefinition = try? c.decodeIfPresent(ProcessDefinition.self, forKey: .processDefinition)
        processTaskRelationList = try? c.decodeIfPresent([ProcessTaskRelation].self, forKey: .processTaskRelationList)
        taskDefinitionList = try? c.decodeIfPresent([TaskDefinition].self, forKey: .taskDefinitionList)
        schedule = try? c.decodeIfPresent(Schedule.self, forKey: .schedule)
    }
}
