import Foundation
import DagforgeSpec

/// Everything compiled for one environment: the hand-off to the deployer plus the graph and diagnostics.
public struct CompilationResult: Sendable {
    public var environment: EnvironmentSpec?
    /// The environment's engine with secrets filled in; nil when the environment has no `engine:`.
    public var engine: EngineConnection?
    /// One per workflow, sorted by name (empty when the environment is unknown).
    public var workflows: [CompiledWorkflow]
    public var rendered: [RenderedWorkflow]
    public var dependencies: DependencyGraph
    var repositoryDiagnostics: [Diagnostic]
    var environmentDiagnostics: [Diagnostic]
    /// Values read from `{{ env.* }}`: never print them; see `redacting(_:)`.
    public var secrets: Set<String>

    /// Repository and environment diagnostics, sorted.
    public var diagnostics: [Diagnostic] { (repositoryDiagnostics + environmentDiagnostics).sortedForDisplay() }

    public var hasErrors: Bool { repositoryDiagnostics.hasErrors || environmentDiagnostics.hasErrors }

    /// `text` with every secret value replaced by `***`, for anything printed or logged.
    public func redacting(_ text: String) -> String {
        secrets.sorted { $0.count > $1.count }.reduce(text) { $0.replacingOccurrences(of: $1, with: "***") }
    }
}
