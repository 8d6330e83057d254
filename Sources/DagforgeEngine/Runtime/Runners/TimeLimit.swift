/// How a piece of work under a task timeout ended.
enum TimeLimitedResult<Value: Sendable>: Sendable {
    case finished(Value)
    case failed(any Error)
    /// The timeout's strategy fails the task and the limit passed: the work was cancelled.
    case timedOut
    /// The calling task was cancelled (the task was stopped).
    case cancelled
}

/// Runs `work`, cancelling it when a failing timeout passes; a warn-only timeout just logs.
func withTimeout<Value: Sendable>(_ timeout: TaskTimeout?, log: TaskLogWriter,
                                  _ work: @escaping @Sendable () async throws -> Value) async -> TimeLimitedResult<Value> {
    let worker = Task { try await work() }
    let timer = Task {
        guard let timeout else { return false }
        try await Task.sleep(for: timeout.limit)
        log.info("task timed out after \(timeout.limit) (timeout strategy \(timeout.strategy.rawValue))")
        if timeout.fails { worker.cancel() }
        return timeout.fails
    }
    let result = await withTaskCancellationHandler {
        await worker.result
    } onCancel: {
        worker.cancel()
    }
    timer.cancel()
    if Task.isCancelled { return .cancelled }
    switch result {
    case .success(let value): return .finished(value)
    case .failure(let error): return (try? await timer.value) == true ? .timedOut : .failed(error)
    }
}
