import DagforgeCompiler
import DagforgeSpec
import DagforgeWire

/// `validate --env E --online`: whether the engine of E has every datasource, worker group, tenant and
/// DolphinScheduler environment the compiled specs use. Only reads the engine.
public enum OnlineCheck {
    /// One DF601-DF604 diagnostic per name the engine lacks, at the first spec line that uses it.
    /// Throws when the engine cannot be read (unreachable, refused credentials).
    public static func diagnostics(for result: CompilationResult, client: DolphinClient) async throws -> [Diagnostic] {
        let references = EngineReference.collect(from: result)
        let kinds = Set(references.map(\.kind))
        var existing: [EngineReference.Kind: Set<String>] = [:]
        if kinds.contains(.datasource) { existing[.datasource] = Set(try await client.allDataSources().map(\.name)) }
        if kinds.contains(.workerGroup) { existing[.workerGroup] = Set(try await client.workerGroupNames()) }
        if kinds.contains(.tenant) { existing[.tenant] = Set(try await client.listTenants().map(\.tenantCode)) }
        if kinds.contains(.environment) { existing[.environment] = Set(try await client.listEnvironments().map(\.name)) }
        let environment = result.environment?.name ?? "?"
        return references.filter { !(existing[$0.kind]?.contains($0.name) ?? false) }.map { missing($0, environment: environment) }
    }

    /// Where and how to reach the environment's engine; nil when the environment names no engine or
    /// no way to sign in to it.
    public static func configuration(for result: CompilationResult) -> DolphinClientConfiguration? {
        guard let engine = result.engine, let authentication = engine.authentication else { return nil }
        let credentials: DolphinCredentials = switch authentication {
        case .token(let token): .token(token)
        case .credentials(let user, let password): .password(user: user, password: password)
        }
        return DolphinClientConfiguration(baseURL: engine.url, credentials: credentials,
                                          apiVersion: DolphinAPIVersion(rawValue: engine.api.rawValue) ?? .v3_2,
                                          timeout: 30, maxAttempts: 2)
    }

    private static func missing(_ reference: EngineReference, environment: String) -> Diagnostic {
        var notes: [Diagnostic.Note] = []
        if let mapping = reference.mapping { notes.append(Diagnostic.Note("mapped in environment '\(environment)'", at: mapping)) }
        if reference.taskCount > 1 { notes.append(Diagnostic.Note("used by \(reference.taskCount) tasks; this is the first")) }
        return Diagnostic(
            .error, reference.kind.ruleCode,
            "\(reference.kind.noun) '\(reference.name)' does not exist on the engine of environment '\(environment)'",
            hint: DiagnosticRule.lookup(reference.kind.ruleCode)?.help, at: reference.use, notes: notes,
            workflow: reference.task?.workflow, task: reference.task?.task
        )
    }
}
