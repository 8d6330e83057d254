import DagforgeCompiler
import DagforgeWire

/// The engine calls for one workflow's change, in the order DolphinScheduler's rules require (reference
/// §10.2, §14.1): an ONLINE definition is taken offline, rewritten with one PUT and brought back online;
/// its schedule is updated while offline and left ONLINE or OFFLINE as the environment wants.
struct WorkflowApplication: Sendable {
    let client: DolphinClient
    let snapshot: EngineSnapshot
    let index: EngineSnapshot.Index
    let book: CodeBook
    let resolver: BindingResolver
    let commit: String
    let progress: @Sendable (ApplyEvent) -> Void

    func apply(_ change: WorkflowChange) async throws {
        progress(.workflowStarted(name: change.name, action: change.action))
        do {
            guard let project = await book.projectCode else { throw ApplyError.engineChanged(["project"]) }
            if change.action == .delete {
                try await delete(change, project: project)
            } else if let desired = change.desired {
                try await deploy(change, desired: desired, project: project)
            }
        } catch {
            progress(.workflowFailed(name: change.name, error: String(describing: error)))
            throw error
        }
        progress(.workflowFinished(name: change.name, action: change.action))
    }

    private func deploy(_ change: WorkflowChange, desired: CompiledWorkflow, project: Int64) async throws {
        let existing = index.byName[change.name]
        let engineSchedule = existing.flatMap { index.scheduleByCode[$0.summary.code] }
        var online = existing?.summary.releaseState == .ONLINE
        var scheduleOnline = engineSchedule?.releaseState == .ONLINE
        var code = existing?.summary.code ?? 0

        if change.definitionChanges {
            let request = try await buildRequest(desired, existing: try existing?.dag(), project: project)
            if let existing {
                if online {
                    try await client.release(project: project, code: code, state: .OFFLINE)
                    online = false
                    scheduleOnline = false  // going offline takes the schedule offline (reference §6.6.4)
                    step(change, "taken offline")
                }
                try await client.updateDefinition(project: project, code: existing.summary.code, request)
                step(change, "updated")
            } else {
                code = try await client.createDefinition(project: project, request).code
                await book.setWorkflow(change.name, code: code)
                step(change, "created")
            }
        }
        if !online {
            try await client.release(project: project, code: code, state: .ONLINE)
            step(change, "released ONLINE")
        }
        try await applySchedule(change, desired: desired, engine: engineSchedule, scheduleOnline: scheduleOnline,
                                project: project, code: code)
    }

    private func buildRequest(_ desired: CompiledWorkflow, existing: DagData?, project: Int64) async throws -> ProcessDefinitionRequest {
        var taskCodes: [String: (code: Int64, version: Int)] = [:]
        for task in existing?.taskDefinitionList ?? [] { taskCodes[task.name] = (task.code, max(1, task.version)) }
        let newTasks = desired.definition.taskDefinitionJson.map(\.name).filter { taskCodes[$0] == nil }
        if !newTasks.isEmpty {
            let codes = try await client.generateTaskCodes(project: project, count: newTasks.count)
            for (name, code) in zip(newTasks, codes) { taskCodes[name] = (code, 1) }
        }
        await book.setTasks(desired.name, codes: taskCodes.mapValues(\.code))
        var resolver = self.resolver
        resolver.projectCode = await book.projectCode
        resolver.workflowCodes = await book.workflowCodes
        resolver.taskCodes = await book.taskCodes
        return try DefinitionBuilder(resolver: resolver, commit: commit).build(desired, taskCodes: taskCodes)
    }

    private func applySchedule(_ change: WorkflowChange, desired: CompiledWorkflow, engine: Schedule?, scheduleOnline: Bool,
                               project: Int64, code: Int64) async throws {
        var scheduleOnline = scheduleOnline
        let (wanted, problem) = Planner.resolvedSchedule(desired, snapshot: snapshot)
        if let problem { throw PlanningError(problems: [problem]) }
        guard let wanted else {
            guard let engine else { return }
            if scheduleOnline { try await client.scheduleOffline(project: project, id: engine.id) }
            try await client.deleteSchedule(project: project, id: engine.id)
            step(change, "schedule deleted")
            return
        }
        let id: Int
        if let engine {
            id = engine.id
            if change.schedule?.fields.isEmpty == false {
                if scheduleOnline {
                    try await client.scheduleOffline(project: project, id: id)
                    scheduleOnline = false
                }
                try await client.updateSchedule(project: project, id: id, wanted.request(warningGroupId: engine.warningGroupId))
                step(change, "schedule updated")
            }
        } else {
            id = try await client.createSchedule(project: project, definitionCode: code, wanted.request(warningGroupId: 0)).id
            step(change, "schedule created")
        }
        if wanted.schedule.online && !scheduleOnline {
            try await client.scheduleOnline(project: project, id: id)
            step(change, "schedule ONLINE")
        } else if !wanted.schedule.online && scheduleOnline {
            try await client.scheduleOffline(project: project, id: id)
            step(change, "schedule OFFLINE")
        }
    }

    private func delete(_ change: WorkflowChange, project: Int64) async throws {
        guard let existing = index.byName[change.name] else { return }
        let code = existing.summary.code
        if let schedule = index.scheduleByCode[code], schedule.releaseState == .ONLINE {
            try await client.scheduleOffline(project: project, id: schedule.id)
        }
        if existing.summary.releaseState == .ONLINE {
            try await client.release(project: project, code: code, state: .OFFLINE)
            step(change, "taken offline")
        }
        try await client.deleteDefinition(project: project, code: code)
        step(change, "deleted")
    }

    private func step(_ change: WorkflowChange, _ detail: String) {
        progress(.step(workflow: change.name, detail: detail))
    }
}
