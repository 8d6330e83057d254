import Dispatch

extension Array where Element: Sendable {
    /// Maps the elements on all cores, keeping order. Used to read and parse thousands of spec files, and by
    /// the compiler to render environments side by side.
    public func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        let results = ResultSlots<Result>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.store(transform(self[index]), at: index)
        }
        return results.values()
    }

    /// `concurrentMap(transform)` with one more job running beside it: `side` starts first, on one core, and
    /// that core joins the map once it is done. A parallel map nested in `concurrently` would get one core.
    public func concurrentMap<Result: Sendable, Side: Sendable>(_ transform: @Sendable (Element) -> Result,
                                                                alongside side: @Sendable () -> Side) -> ([Result], Side) {
        let results = ResultSlots<Result>(count: count), sideResult = ResultSlots<Side>(count: 1)
        // Iterations are handed out in order, so the side job is the first one taken.
        DispatchQueue.concurrentPerform(iterations: count + 1) { index in
            if index == 0 { sideResult.store(side(), at: 0) } else { results.store(transform(self[index - 1]), at: index - 1) }
        }
        return (results.values(), sideResult.values()[0])
    }

    /// Splits the elements into one contiguous chunk per core (at least one element each).
    public func chunkedForCores(_ cores: Int) -> [[Element]] {
        guard !isEmpty else { return [] }
        let size = Swift.max(1, (count + cores - 1) / cores)
        return stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}

/// Runs two independent computations at the same time and returns both results.
public func concurrently<First: Sendable, Second: Sendable>(_ first: @Sendable () -> First,
                                                            _ second: @Sendable () -> Second) -> (First, Second) {
    let firstResult = ResultSlots<First>(count: 1), secondResult = ResultSlots<Second>(count: 1)
    DispatchQueue.concurrentPerform(iterations: 2) { index in
        if index == 0 { firstResult.store(first(), at: 0) } else { secondResult.store(second(), at: 0) }
    }
    return (firstResult.values()[0], secondResult.values()[0])
}

/// Write-once slots filled from `concurrentPerform`; each index is written by exactly one iteration, and
/// the buffer is allocated once so writes never go through Swift's exclusivity-checked array storage.
private final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    func store(_ value: Value, at index: Int) { buffer[index] = value }

    func values() -> [Value] { buffer.map { $0! } }
}
