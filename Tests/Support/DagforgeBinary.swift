import Foundation

/// The built `dagforge` executable, as end-to-end tests run it.
public enum DagforgeBinary {
    /// The package root, found from this source file's location.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `.build/debug/dagforge` (or `DAGFORGE_BIN` when set, e.g. to test a release build).
    public static var path: String {
        if let override = ProcessInfo.processInfo.environment["DAGFORGE_BIN"] { return override }
        return packageRoot.appendingPathComponent(".build/debug/dagforge").path
    }

    /// The example spec repository shipped with the project (`workflows/`, `environments/`).
    public static var exampleRepository: URL { packageRoot }

    public static func run(
        _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:], input: String? = nil
    ) throws -> ProcessResult {
        try ProcessRunner.run(path, arguments, in: directory, environment: environment, input: input)
    }
}
