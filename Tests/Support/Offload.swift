import Foundation

/// Runs blocking work (waiting on a subprocess, a semaphore, a socket) on a thread of its own and awaits it.
/// Async tests must not block: Swift's cooperative pool has one thread per core (two here), and a test that
/// blocks one of them delays every other test's timers and continuations in the same process.
public func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}
