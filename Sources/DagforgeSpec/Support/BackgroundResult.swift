import Dispatch

/// A result computed on another thread from the moment it is created, waited for when first read. Lets the
/// working tree's git status run while the spec files are read.
final class BackgroundResult<Success: Sendable, Failure: Error>: @unchecked Sendable {
    private let finished = DispatchGroup()
    // Written once by the background work before `finished` is left; read only after waiting on it.
    private var result: Result<Success, Failure>?

    init(_ work: @escaping @Sendable () throws(Failure) -> Success) {
        finished.enter()
        DispatchQueue.global().async {
            self.result = Result(catching: work)
            self.finished.leave()
        }
    }

    func get() throws(Failure) -> Success {
        finished.wait()
        return try result!.get()
    }
}
