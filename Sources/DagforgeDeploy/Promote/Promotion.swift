import DagforgeCompiler
import DagforgeSpec

/// Finds the commit an environment runs, for `promote`. Markers record per workflow the commit its
/// current content came from, so an environment that runs commit C legitimately shows older commits on
/// workflows C did not change. The commit an environment runs is therefore the marker commit whose specs,
/// compiled with that environment's settings, plan no change against it. Pure apart from `load`.
public struct Promotion: Sendable {
    /// The environment promoted from.
    public var source: String
    /// Go ahead despite drift or a mix of commits.
    public var force: Bool

    public init(source: String, force: Bool = false) {
        self.source = source
        self.force = force
    }

    /// The commit `snapshot` (the source environment's project) runs. `load(commit)` reads the repository
    /// at a commit; the source environment is compiled with its settings from that commit.
    public func sourceCommit(snapshot: EngineSnapshot,
                             load: (String) throws -> LoadedRepository) throws -> String {
        let drifted = Self.drifted(snapshot)
        if !drifted.isEmpty, !force { throw PromotionError.drift(environment: source, workflows: drifted) }
        let counts = Self.markerCommits(snapshot)
        guard !counts.isEmpty else { throw PromotionError.nothingDeployed(environment: source) }
        let candidates = counts.keys.filter(Self.isCommit).sorted { (counts[$0, default: 0], $0) > (counts[$1, default: 0], $1) }
        guard !candidates.isEmpty else {
            throw PromotionError.uncommitted(environment: source, commits: counts.keys.sorted())
        }
        var changesByCommit: [(commit: String, changes: Int)] = []
        for commit in candidates {
            let repository = try load(commit)
            let compiled = Compiler(repository: repository).compile(environment: source)
            guard !compiled.hasErrors, let project = compiled.environment?.project?.value else { continue }
            let plan = try? Planner(environment: source, project: project, commit: commit)
                .plan(desired: compiled.workflows, snapshot: snapshot)
            guard let plan else { continue }
            let changes = plan.workflows.filter { $0.action != .noOp }.count
            if changes == 0 { return commit }
            changesByCommit.append((commit, changes))
        }
        guard force, let closest = changesByCommit.min(by: { $0.changes < $1.changes }) else {
            throw PromotionError.mixedCommits(environment: source, commits: counts)
        }
        return closest.commit
    }

    /// `repository` (read at the promoted commit) with the environment files of the current checkout.
    public static func repository(_ repository: LoadedRepository, environmentsFrom current: LoadedRepository) -> LoadedRepository {
        var promoted = repository
        promoted.environments = current.environments
        promoted.diagnostics = repository.diagnostics.filter { !isEnvironmentFile($0.range?.path) }
            + current.diagnostics.filter { isEnvironmentFile($0.range?.path) }
        return promoted
    }

    /// Managed workflows edited on the engine since dagforge deployed them.
    public static func drifted(_ snapshot: EngineSnapshot) -> [String] {
        snapshot.deployed.map(\.summary).filter(\.drifted).map(\.name).sorted()
    }

    /// Marker commits and how many workflows carry each.
    public static func markerCommits(_ snapshot: EngineSnapshot) -> [String: Int] {
        snapshot.deployed.compactMap { $0.summary.marker?.commit }
            .reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    private static func isCommit(_ text: String) -> Bool {
        text.count == 40 && text.allSatisfy(\.isHexDigit)
    }

    private static func isEnvironmentFile(_ path: String?) -> Bool {
        path?.hasPrefix("environments/") ?? false
    }
}

/// Why promote refuses.
public enum PromotionError: Error, Sendable, CustomStringConvertible {
    case drift(environment: String, workflows: [String])
    case mixedCommits(environment: String, commits: [String: Int])
    case nothingDeployed(environment: String)
    case uncommitted(environment: String, commits: [String])

    public var description: String {
        switch self {
        case .drift(let environment, let workflows):
            "\(environment) has workflows edited on the engine since they were deployed: \(workflows.joined(separator: ", "))\n"
                + "hint: bring the edits into git and apply \(environment) again, or promote anyway with --force"
        case .mixedCommits(let environment, let commits):
            "\(environment) runs a mix of commits that no single commit explains: "
                + commits.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value) workflows)" }.joined(separator: ", ")
                + "\nhint: apply one commit to \(environment) first, or promote the closest one with --force"
        case .nothingDeployed(let environment):
            "\(environment) has no workflows deployed by dagforge\nhint: apply \(environment) first (dagforge apply --env \(environment))"
        case .uncommitted(let environment, let commits):
            "\(environment) runs uncommitted specs (\(commits.joined(separator: ", "))): there is no commit to promote\n"
                + "hint: commit the specs and apply \(environment) from the commit"
        }
    }
}
