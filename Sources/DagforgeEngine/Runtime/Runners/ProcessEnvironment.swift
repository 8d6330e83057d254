import Foundation
import Glibc

/// The environment a task process starts with: the engine's own (read once: the engine never changes it) with the
/// task's variables over it. The engine's variables are kept as C strings made once, so a spawn copies only the
/// task's own few variables, not every variable of the engine (a night burst spawns hundreds of processes a second).
struct ProcessEnvironment: Sendable {
    /// Variables set for the process, over the engine's.
    let overrides: [String: String]

    init(_ overrides: [String: String] = [:]) {
        self.overrides = overrides
    }

    /// Calls `body` with the NULL-terminated `envp` array of the environment.
    func withCEnvironment<R>(_ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
        let engine = EngineVariables.shared
        let added: [UnsafeMutablePointer<CChar>?] = overrides.map { strdup("\($0.key)=\($0.value)") }
        defer { added.forEach { free($0) } }
        var entries: [UnsafeMutablePointer<CChar>?] = []
        entries.reserveCapacity(engine.entries.count + added.count + 1)
        for (name, entry) in zip(engine.names, engine.entries) where overrides[name] == nil { entries.append(entry) }
        entries.append(contentsOf: added)
        entries.append(nil)
        return entries.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}

/// The engine's environment as `NAME=value` C strings, made on first use and kept (never freed) for the engine's
/// lifetime. Immutable once made, so sharing it between threads is safe.
private final class EngineVariables: @unchecked Sendable {
    static let shared = EngineVariables(ProcessInfo.processInfo.environment)

    let names: [String]
    let entries: [UnsafeMutablePointer<CChar>?]

    private init(_ environment: [String: String]) {
        names = Array(environment.keys)
        entries = names.map { strdup("\($0)=\(environment[$0] ?? "")") }
    }
}
