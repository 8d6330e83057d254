import DagforgeSpec
import Foundation

/// `validate --changed-since` without reading the whole repository: workflow folders that are byte-equal to
/// an earlier run's (same git tree) enter the dependency graph from their kept outline; only the changed
/// folders, those whose outline is missing, and those the check needs in full (the affected workflows and
/// their upstreams) are read. The result equals `Compiler.validate(_:)` on the whole repository.
public struct IncrementalCheck: Sendable {
    public var impact: ChangeImpact
    public var diagnostics: [Diagnostic]
    /// Every workflow with the fully read ones complete and the others hollow (names, references and source
    /// paths only): for attributing diagnostics and listing what was checked, not for rendering.
    public var repository: LoadedRepository
    /// The dependency graph of the whole repository.
    public var dependencies: DependencyGraph
    /// The outlines to keep for the next run: those of this run's unchanged folders, and the earlier ones of
    /// the changed folders (still right for the revision compared with).
    public var archive: OutlineArchive
    /// Whether `archive` holds anything the archive read did not: only then is it worth writing.
    public var archiveGrew: Bool

    /// Reads spec files: the project, environments and stray files, and the named workflow folders only.
    public typealias Reader = (Set<String>) throws -> LoadedRepository

    /// What can be done before the diff says what changed: each archived outline whose folder's tree is still
    /// the revision's becomes a hollow spec with its lineage, against the project and environments of the
    /// checkout (`base`, loaded without workflow folders).
    public struct Preparation: Sendable {
        let base: LoadedRepository
        let dialects: DialectChoice
        let trees: [String: String]
        let present: [String]
        let archive: OutlineArchive
        /// Folder name → its hollow spec, its lineage (nil when its dialect changed: it must be read) and outline.
        let outlined: [String: (spec: WorkflowSpec, lineage: [TaskLineage]?, outline: WorkflowOutline)]

        /// - Parameters:
        ///   - present: the workflow folders of the checkout.
        ///   - trees: the folders' trees at the revision compared with (unchanged folders are byte-equal to them).
        public init(archive: OutlineArchive, trees: [String: String], present: [String], base: LoadedRepository) {
            self.base = base
            self.trees = trees
            self.present = present
            self.archive = archive
            let dialects = DialectChoice(repository: base)
            self.dialects = dialects
            let candidates = present.compactMap { name in trees[name].flatMap { archive.outlines[.init(workflow: name, tree: $0)] } }
            // On all cores: each outline's hollow spec, and its lineage.
            let prepared = candidates.concurrentMap { outline in
                let spec = outline.hollowSpec()
                return (spec, outline.lineage(of: spec, in: base, dialects: dialects), outline)
            }
            outlined = Dictionary(prepared.map { ($0.0.name, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// - Parameter changedFiles: from `ChangedFiles.since`; every path must be inside a workflow folder
    ///   (otherwise everything is affected and the whole repository is validated instead).
    public init(changedFiles: Set<String>, prepared: Preparation, environments names: [String]?,
                processEnvironment: [String: String] = ProcessInfo.processInfo.environment, read: Reader) rethrows {
        let changed = Set(changedFiles.compactMap(ChangeImpact.workflowName(ofPath:)))
        let trees = prepared.trees, archive = prepared.archive, dialects = prepared.dialects
        var outlines: [String: WorkflowOutline] = [:]
        var outlineLineage: [String: [TaskLineage]] = [:]
        var hollowSpecs: [WorkflowSpec] = []
        var toRead: Set<String> = []
        for name in prepared.present {
            // An outline whose dialect changed is read again, as is everything without one.
            if !changed.contains(name), let (spec, lineage, outline) = prepared.outlined[name], let lineage {
                outlines[name] = outline
                outlineLineage[name] = lineage
                hollowSpecs.append(spec)
            } else {
                toRead.insert(name)
            }
        }
        var loaded = Loaded(base: prepared.base)
        try loaded.add(read(toRead), names: toRead)

        // The whole graph: read workflows analyzed now, the others' lineage from their outlines.
        let fresh = loaded.analyzed()
        var whole = loaded.base
        whole.workflows = (Array(loaded.workflows.values) + hollowSpecs).sorted { $0.name < $1.name }
        var analyzed: [TaskLineage] = []
        analyzed.reserveCapacity(fresh.count + outlineLineage.values.reduce(0) { $0 + $1.count })
        for workflow in whole.workflows {
            analyzed += outlineLineage[workflow.name] ?? workflow.tasks.compactMap { fresh[$0.address] }
        }
        let (dependencies, lineage, inference) = Compiler.resolve(whole, analyzed: analyzed, inferredEdges: [])
        self.dependencies = dependencies
        impact = ChangeImpact(changedFiles: changedFiles, workflows: whole.workflows, dependencies: dependencies)

        // The workflows the check renders must be complete.
        let kept = dependencies.workflows(neededToCheck: impact)
        let missing = kept.subtracting(loaded.workflows.keys)
        if !missing.isEmpty { try loaded.add(read(missing), names: missing) }
        var scope = loaded.base
        scope.workflows = kept.compactMap { loaded.workflows[$0] }.sorted { $0.name < $1.name }
        diagnostics = Compiler.validate(impact, scope: scope, inferredEdges: dependencies.inferredEdges(among: kept),
                                        environments: names, processEnvironment: processEnvironment)

        var complete = whole
        complete.workflows = whole.workflows.map { loaded.workflows[$0.name] ?? $0 }
        repository = complete
        var keptOutlines = Array(outlines.values)
        for name in changed {
            if let tree = trees[name], let earlier = archive.outlines[.init(workflow: name, tree: tree)] { keptOutlines.append(earlier) }
        }
        // A folder that failed to load (say `file:` names a file that is not there yet) may read differently
        // once something outside it changes: it is read every time until it loads cleanly.
        let failed = Set(loaded.base.diagnostics.filter { $0.severity == .error }.compactMap(\.workflowFolder))
        var grew = false
        for (name, workflow) in loaded.workflows where outlines[name] == nil && !changed.contains(name) && !failed.contains(name) {
            guard let tree = trees[name],
                  let outline = WorkflowOutline(workflow, tree: tree, lineage: fresh, dialects: dialects) else { continue }
            keptOutlines.append(outline)
            grew = grew || archive.outlines[.init(workflow: name, tree: tree)] != outline
        }
        self.archive = OutlineArchive(keptOutlines)
        archiveGrew = grew
        // Kept to the process's exit with the result: freeing 40,000 tasks' lineage piece by piece costs time.
        retained = (analyzed, lineage, inference)
    }

    private var retained: ([TaskLineage], RepositoryLineage, LineageInference)

    /// What has been read so far: the project and environments (from the preparation), every loading
    /// diagnostic, and the complete workflows.
    private struct Loaded {
        var base: LoadedRepository
        var workflows: [String: WorkflowSpec]

        /// - Parameter base: the project, environments and the diagnostics outside workflow folders.
        init(base: LoadedRepository) {
            self.base = base
            workflows = [:]
        }

        /// A read's workflows of `names` (a read may hold part of another folder, for a file one of them
        /// names), and its diagnostics about them (the others repeat `base`'s).
        mutating func add(_ more: LoadedRepository, names: Set<String>) {
            for workflow in more.workflows where names.contains(workflow.name) { workflows[workflow.name] = workflow }
            base.diagnostics += more.diagnostics.filter { $0.workflowFolder.map(names.contains) ?? false }
        }

        /// The SQL lineage of the complete workflows, analyzed on all cores.
        func analyzed() -> [TaskAddress: TaskLineage] {
            var repository = base
            repository.workflows = workflows.values.sorted { $0.name < $1.name }
            return Dictionary(RepositoryLineage.analyze(repository).map { ($0.task, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }
}

extension Diagnostic {
    /// The workflow a diagnostic is about: the one it names, else the folder its file is in.
    var workflowFolder: String? {
        workflow ?? range.flatMap { ChangeImpact.workflowName(ofPath: $0.path) }
    }
}
