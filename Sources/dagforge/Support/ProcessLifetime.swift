/// Values a command keeps until the process exits instead of freeing them. At 40,000 tasks the loaded specs,
/// the dependency graph and the compiled workflows are millions of small objects: freeing them piece by piece
/// took longer on a no-op `plan` than comparing them, and the OS takes the whole heap back at exit at once.
enum ProcessLifetime {
    static func keepUntilExit(_ value: some Any) {
        _ = Unmanaged.passRetained(Kept(value))
    }

    private final class Kept<Value> {
        let value: Value

        init(_ value: Value) {
            self.value = value
        }
    }
}
