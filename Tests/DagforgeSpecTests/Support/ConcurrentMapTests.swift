import DagforgeSpec
import Synchronization
import Testing

struct ConcurrentMapTests {
    @Test func resultsKeepTheElementsOrder() {
        let numbers = Array(0..<10_000)
        #expect(numbers.concurrentMap { $0 * 3 } == numbers.map { $0 * 3 })
    }

    @Test func theSideJobRunsOnceBesideTheMapAndItsResultComesBack() {
        let runs = Atomic<Int>(0)
        let numbers = Array(0..<5_000)
        let (mapped, side) = numbers.concurrentMap({ String($0) }, alongside: {
            runs.add(1, ordering: .relaxed)
            return (0..<1_000).reduce(0, +)
        })
        #expect(mapped == numbers.map { String($0) })
        #expect(side == 499_500)
        #expect(runs.load(ordering: .relaxed) == 1)
    }

    @Test func anEmptyArrayStillRunsTheSideJob() {
        let (mapped, side) = [Int]().concurrentMap({ $0 }, alongside: { "done" })
        #expect(mapped.isEmpty)
        #expect(side == "done")
    }
}
