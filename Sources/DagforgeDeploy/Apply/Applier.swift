import DagforgeCompiler
import DagforgeWire

/// Carries out a `Plan` through a `DolphinClient`, and nothing else: every write it makes is a change the
/// plan lists, so a plan without changes makes no write at all. Workflows go level by level (referenced
/// workflows first, `ApplyOrder`), up to `parallelism` at a time; deletes come last.
public struct Applier: Sendable {
    public var client: DolphinClient
    public var parallelism: Int

    public init(client: DolphinClient, parallelism: Int = 8) {
        self.client = client
        self.parallelism = max(1, parallelism)
    }

    /// Applies `plan`, which must have been computed against the engine state `snapshot` describes (a
    /// fresh snapshot for a saved plan: changed workflows are refused).
    public func apply(_ plan: Plan, snapshot: EngineSnapshot,
                      progress: @escaping @Sendable (ApplyEvent) -> Void = { _ in }) async throws -> ApplyReport {
        guard plan.formatVersion == Plan.currentFormatVersion else { throw ApplyError.unsupportedPlanFormat(plan.formatVersion) }
        let index = EngineSnapshot.Index(snapshot)
        try verify(plan, index: index, snapshot: snapshot)
        let writesBefore = await client.writeCalls
        let changed = plan.workflows.filter { $0.action == .create || $0.action == .update }
        let deletes = plan.workflows.filter { $0.action == .delete }
        let levels = try ApplyOrder.levels(changed)
        let planner = Planner.resolver(project: plan.project, desired: plan.workflows.compactMap(\.desired), snapshot: snapshot)
        let book = CodeBook(projectCode: snapshot.project?.code, workflowCodes: planner.workflowCodes, taskCodes: planner.taskCodes)
        if !changed.isEmpty || !deletes.isEmpty {
            try await ensureProject(plan.project, snapshot: snapshot, book: book, progress: progress)
        }
        let context = WorkflowApplication(client: client, snapshot: snapshot, index: index, book: book, resolver: planner,
                                          commit: plan.commit, progress: progress)
        var completed: [String] = []
        for level in levels + [deletes] where !level.isEmpty {
            let failures = await Self.run(level, parallelism: parallelism) { change in
                try await context.apply(change)
            }
            completed += level.map(\.name).filter { failures[$0] == nil }
            if !failures.isEmpty { throw ApplyError.failed(failures: failures, completed: completed) }
        }
        return ApplyReport(created: changed.filter { $0.action == .create }.map(\.name),
                           updated: changed.filter { $0.action == .update }.map(\.name),
                           deleted: deletes.map(\.name), writeCalls: await client.writeCalls - writesBefore)
    }

    private func verify(_ plan: Plan, index: EngineSnapshot.Index, snapshot: EngineSnapshot) throws {
        var changedSince: [String] = []
        if plan.projectExists != (snapshot.project != nil) { changedSince.append("project \(plan.project)") }
        for change in plan.workflows where change.action != .noOp {
            let dag = index.byName[change.name]?.summary
            let schedule = dag.flatMap { index.scheduleByCode[$0.code] }
            if EngineFingerprint.of(dag, schedule: schedule) != change.engineFingerprint { changedSince.append(change.name) }
        }
        if !changedSince.isEmpty { throw ApplyError.engineChanged(changedSince) }
    }

    private func ensureProject(_ name: String, snapshot: EngineSnapshot, book: CodeBook,
                               progress: @Sendable (ApplyEvent) -> Void) async throws {
        guard snapshot.project == nil else { return }
        let code: Int64
        do {
            code = try await client.createProject(name: name, description: "managed by dagforge").code
        } catch let error as DolphinAPIError where error.code == 10019 {
            // Created by someone else meanwhile: use it.
            guard let project = try await client.listProjects().first(where: { $0.name == name }) else { throw error }
            code = project.code
        }
        await book.setProject(code)
        progress(.projectCreated(name: name, code: code))
    }

    /// Runs `body` for every change, at most `parallelism` at once; returns the failures by workflow name.
    static func run(_ changes: [WorkflowChange], parallelism: Int,
                    _ body: @escaping @Sendable (WorkflowChange) async throws -> Void) async -> [String: String] {
        let work: @Sendable (WorkflowChange) async -> (String, String?) = { change in
            do {
                try await body(change)
                return (change.name, nil)
            } catch {
                return (change.name, String(describing: error))
            }
        }
        return await withTaskGroup(of: (String, String?).self) { group in
            var failures: [String: String] = [:]
            var remaining = changes.makeIterator()
            for _ in 0..<parallelism {
                guard let change = remaining.next() else { break }
                group.addTask { await work(change) }
            }
            while let (name, failure) = await group.next() {
                if let failure { failures[name] = failure }
                if let change = remaining.next() { group.addTask { await work(change) } }
            }
            return failures
        }
    }
}
