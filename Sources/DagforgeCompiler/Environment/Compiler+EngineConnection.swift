import DagforgeSpec
import Foundation

extension Compiler {
    /// The environment's engine connection, rendered without resolving or compiling any workflow, so a
    /// deployer can start reading the engine while the workflows compile. nil when the environment has no
    /// engine or a template of the environment does not render (the full compile reports why).
    public static func engineConnection(of repository: LoadedRepository, environment name: String,
                                        processEnvironment: [String: String] = ProcessInfo.processInfo.environment)
        -> EngineConnection? {
        guard let environment = repository.environment(named: name) else { return nil }
        var renderer = EnvironmentRenderer(environment: environment, project: repository.project,
                                           processEnvironment: processEnvironment, missingSecretSeverity: .error,
                                           rendersTexts: false)
        let connection = renderer.engineConnection()
        return renderer.templates.diagnostics.isEmpty ? connection : nil
    }
}
