import DagforgeWire
import Foundation

/// One environment's `DagSummary`s keyed by the SHA-256 of each DAG's bytes in `/all`, so that a plan
/// decodes only the DAGs whose bytes changed since the last read. Lives in
/// `<repository>/.dagforge/cache/engine-<environment>.json`. Only ever a shortcut: a missing, unreadable,
/// corrupt or other-version file, or one written for another engine or project, counts as empty; it is
/// written atomically, and deleting it at any time costs one full decode.
public struct DagSummaryCache: Sendable {
    /// Bump whenever `DagSummary` or what `ShapeDigest` covers changes: old files are then ignored.
    static let format = 1

    let file: URL
    let engine: String
    let project: String

    /// `directory` is the cache folder (`<repository>/.dagforge/cache`); `engine` and `project` name what
    /// the summaries were read from.
    public init(directory: String, environment: String, engine: String, project: String) {
        let safeName = String(environment.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
        file = URL(fileURLWithPath: directory).appendingPathComponent("engine-\(safeName).json")
        self.engine = engine
        self.project = project
    }

    /// The cache folder of the spec repository at `root`.
    public static func directory(repositoryRoot root: String) -> String {
        URL(fileURLWithPath: root).appendingPathComponent(".dagforge/cache").path
    }

    /// Summaries by the hex SHA-256 of the DAG's bytes; empty when there is no usable file.
    func load() -> [String: DagSummary] {
        guard let data = try? Data(contentsOf: file),
              let stored = try? JSONDecoder().decode(Stored.self, from: data),
              stored.format == Self.format, stored.engine == engine, stored.project == project else { return [:] }
        return stored.summaries
    }

    /// Replaces the file (write to a temporary file, then rename). A cache that cannot be written is no
    /// error: the next plan decodes everything again.
    func save(_ summaries: [String: DagSummary]) {
        let stored = Stored(format: Self.format, engine: engine, project: project, summaries: summaries)
        guard let data = try? JSONEncoder().encode(stored) else { return }
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? data.write(to: file, options: .atomic)
    }

    private struct Stored: Codable {
        var format: Int
        var engine: String
        var project: String
        var summaries: [String: DagSummary]
    }
}
