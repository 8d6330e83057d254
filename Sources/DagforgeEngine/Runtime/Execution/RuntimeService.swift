import Logging
import ServiceLifecycle

/// The runtime as a `Service` of the engine application: once the store is migrated it recovers unfinished
/// instances, then fires schedules and runs queued commands until graceful shutdown. Task processes still
/// running at shutdown are left to the next start's recovery (failed over and run again), as after a crash.
struct RuntimeService: Service {
    let runtime: WorkflowRuntime
    let schedules: ScheduleFiring
    let storeReady: StartGate
    let logger: Logger

    func run() async throws {
        let schedules = self.schedules
        let runtime = self.runtime
        let logger = self.logger
        let storeReady = self.storeReady
        await cancelWhenGracefulShutdown {
            await storeReady.wait()
            guard !Task.isCancelled else { return }
            await runtime.run(tick: {
                do {
                    if try await schedules.fireDue() > 0 { runtime.commandQueued() }
                } catch {
                    logger.error("cannot fire schedules: \(error)")
                }
            })
        }
    }
}

/// Opens once. Waiting ends when it opens or when the waiting task is cancelled (a failed start-up shuts
/// the services down before the store is ready). One waiter.
final class StartGate: Sendable {
    private let opened: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    init() {
        (opened, continuation) = AsyncStream.makeStream(of: Void.self)
    }

    func open() {
        continuation.finish()
    }

    func wait() async {
        for await _ in opened {}
    }
}
