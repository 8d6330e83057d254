import Dispatch
import Foundation
import Synchronization
import Testing
@testable import DagforgeEngine

@Suite("Reusable threads for blocking work")
struct ReusableThreadsTests {
    /// Runs `work` on `threads` and returns what it returned, once it has.
    private func result<T: Sendable>(of work: @escaping @Sendable () -> T, on threads: ReusableThreads) async -> T {
        await withCheckedContinuation { continuation in
            threads.run { continuation.resume(returning: work()) }
        }
    }

    /// Marks the current thread on first call; returns whether it was marked before.
    @Sendable private static func markThread() -> Bool {
        let dictionary = Thread.current.threadDictionary
        defer { dictionary["reusable-threads-test"] = true }
        return dictionary["reusable-threads-test"] != nil
    }

    @Test("work that blocks gets threads of its own: eight pieces each waiting for all the others all finish")
    func blockingWorkRunsConcurrently() async {
        let threads = ReusableThreads(idleTimeout: .seconds(5))
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let finished = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    await self.result(of: {
                        started.signal()
                        return release.wait(timeout: .now() + 10) == .success
                    }, on: threads)
                }
            }
            // All eight must be running at once before any may finish.
            let allStarted = (0..<8).allSatisfy { _ in started.wait(timeout: .now() + 10) == .success }
            for _ in 0..<8 { release.signal() }
            var results = [allStarted]
            for await result in group { results.append(result) }
            return results
        }
        #expect(finished.count == 9)
        #expect(finished.allSatisfy { $0 })
    }

    @Test("an idle thread takes the next work instead of a new thread starting")
    func idleThreadIsReused() async {
        let threads = ReusableThreads(idleTimeout: .seconds(5))
        #expect(await result(of: Self.markThread, on: threads) == false)
        try? await Task.sleep(for: .milliseconds(50))
        #expect(await result(of: Self.markThread, on: threads) == true)
    }

    @Test("a thread idle for the timeout ends: later work runs on a new thread")
    func idleThreadEnds() async {
        let threads = ReusableThreads(idleTimeout: .milliseconds(50))
        #expect(await result(of: Self.markThread, on: threads) == false)
        try? await Task.sleep(for: .milliseconds(500))
        #expect(await result(of: Self.markThread, on: threads) == false)
    }
}
