import Synchronization
import Testing
@testable import DagforgeEngine

@Suite("Launch backlog")
struct LaunchBacklogTests {
    /// Counts the calls of the backlog's `resume`.
    private final class Resumes: Sendable {
        private let count = Atomic<Int>(0)
        func record() { count.add(1, ordering: .relaxed) }
        var value: Int { count.load(ordering: .relaxed) }
    }

    @Test("room shrinks with the work held and never goes below zero")
    func room() {
        let backlog = LaunchBacklog(limit: 4, resume: {})
        #expect(backlog.room() == 4)
        let held = (0..<3).map { _ in backlog.enter() }
        #expect(backlog.room() == 1)
        let more = (0..<3).map { _ in backlog.enter() }
        #expect(backlog.room() == 0)
        #expect(backlog.held == 6)
        withExtendedLifetime((held, more)) {}
    }

    @Test("a refused claim resumes once, when the backlog has drained to half the limit")
    func resumeAtHalf() {
        let resumes = Resumes()
        let backlog = LaunchBacklog(limit: 4, resume: { resumes.record() })
        let entries = (0..<4).map { _ in backlog.enter() }
        #expect(backlog.room() == 0)
        entries[0].leave()
        #expect(resumes.value == 0)
        entries[1].leave()
        #expect(resumes.value == 1)
        entries[2].leave()
        entries[3].leave()
        #expect(resumes.value == 1)
        #expect(backlog.room() == 4)
    }

    @Test("without a refusal, draining does not resume the command loop")
    func noRefusalNoResume() {
        let resumes = Resumes()
        let backlog = LaunchBacklog(limit: 4, resume: { resumes.record() })
        let entries = (0..<4).map { _ in backlog.enter() }
        entries.forEach { $0.leave() }
        #expect(resumes.value == 0)
        #expect(backlog.held == 0)
    }

    @Test("an entry leaves once, whether it leaves explicitly, again, or when it is released")
    func entryLeavesOnce() {
        let backlog = LaunchBacklog(limit: 8, resume: {})
        let kept = backlog.enter()
        kept.leave()
        kept.leave()
        #expect(backlog.held == 0)
        do {
            let dropped = backlog.enter()
            #expect(backlog.held == 1)
            withExtendedLifetime(dropped) {}
        }
        #expect(backlog.held == 0)
        let leftThenDropped = backlog.enter()
        leftThenDropped.leave()
        #expect(backlog.held == 0)
    }

    @Test("the held work never passes the limit when claims take only the room they are given")
    func claimsStayWithinTheLimit() {
        let backlog = LaunchBacklog(limit: 16, resume: {})
        var held: [LaunchBacklog.Entry] = []
        var peak = 0
        // A loop like the command loop's: claim what the room allows, let some work launch, repeat.
        for round in 0..<200 {
            held += (0..<backlog.room()).map { _ in backlog.enter() }
            peak = max(peak, backlog.held)
            let launched = min(held.count, round % 5)
            held.prefix(launched).forEach { $0.leave() }
            held.removeFirst(launched)
        }
        #expect(peak == 16)
        #expect(backlog.held == held.count)
    }
}
