import Foundation
@testable import DagforgeEngine

extension EngineStore {
    /// A migrated store in `directory` with the standalone seed (admin password "pw"), as the engine starts.
    static func seeded(in directory: URL) async throws -> EngineStore {
        let store = try EngineStore(directory: directory)
        try store.migrate()
        let hashed = try PasswordHasher.hash("pw")
        _ = try await store.seedIfEmpty(StandaloneSeed(adminPasswordHash: hashed.hash, adminPasswordSalt: hashed.salt,
                                                       workerAddress: "127.0.0.1:1234"))
        return store
    }
}
