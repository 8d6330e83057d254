import ArgumentParser
import Foundation

/// The engine's executable beside this one, and the hand-over to it.
enum EngineExecutable {
    static let name = "dagforge-engine"

    /// `dagforge-engine` in the directory of the running `dagforge` (symbolic links resolved).
    static func locate() throws -> String {
        let own = Bundle.main.executableURL?.resolvingSymlinksInPath()
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let path = own.deletingLastPathComponent().appendingPathComponent(name).path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            DiagnosticPrinter.printFailure("""
                the engine executable \(path) is missing: build both executables with `make release` \
                (or `swift build -c release`) and keep \(name) next to dagforge
                """)
            throw ExitCode.failure
        }
        return path
    }

    /// Replaces this process with `path` (execv), keeping its pid and environment; returns only by throwing
    /// when the exec failed.
    static func replaceProcess(with path: String, arguments: [String]) throws -> Never {
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        execv(path, argv)
        DiagnosticPrinter.printFailure("cannot start the engine executable \(path): \(String(cString: strerror(errno)))")
        throw ExitCode.failure
    }
}
