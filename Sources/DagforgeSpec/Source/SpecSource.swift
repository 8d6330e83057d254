/// Where specs are read from: a working tree or a git revision. Nothing else in Spec or Compiler touches
/// the disk, so `--rev` and the working tree share every other code path.
public protocol SpecSource: Sendable {
    /// Which content this is (commit, dirty flag), for messages and for the deployer's provenance.
    var revision: SourceRevision { get throws(SpecSourceError) }
    /// Every spec file: `dagforge.yaml`, `environments/*`, `workflows/**`, with its bytes, sorted by path.
    func specFiles() throws(SpecSourceError) -> [SpecFile]
}

/// One file of a spec repository; `path` is relative to the spec root, with `/` separators.
public struct SpecFile: Hashable, Sendable {
    public var path: String
    public var contents: [UInt8]

    public init(path: String, contents: [UInt8]) {
        self.path = path
        self.contents = contents
    }

    public var text: String { String(decoding: contents, as: UTF8.self) }

    /// Whether a repository-relative path belongs to the spec format.
    static func isSpecPath(_ path: String) -> Bool {
        path == "dagforge.yaml" || path.hasPrefix("workflows/") || path.hasPrefix("environments/")
    }
}

/// The content a source reads.
public struct SourceRevision: Hashable, Sendable, Codable {
    /// The full SHA of the commit read (`--rev`), or of HEAD for a working tree in a git checkout.
    public var commit: String?
    /// For a working tree: whether spec files differ from HEAD (modified, added or untracked).
    public var isDirty: Bool
    /// What the user asked for: `main`, `HEAD~1`, or `working tree`.
    public var requested: String

    public init(commit: String?, isDirty: Bool, requested: String) {
        self.commit = commit
        self.isDirty = isDirty
        self.requested = requested
    }
}

/// Environmental failures reading specs (not user mistakes in the specs, which are diagnostics).
public enum SpecSourceError: Error, Hashable, Sendable, CustomStringConvertible {
    case notADirectory(path: String)
    case notAGitRepository(path: String)
    case revisionNotFound(revision: String, reason: String)
    case git(operation: String, reason: String)
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .notADirectory(let path): "'\(path)' is not a directory; pass --repo with a spec repository folder"
        case .notAGitRepository(let path): "'\(path)' is not inside a git repository; --rev needs one"
        case .revisionNotFound(let revision, let reason): "revision '\(revision)' not found: \(reason)"
        case .git(let operation, let reason): "git \(operation) failed: \(reason)"
        case .unreadable(let path, let reason): "cannot read '\(path)': \(reason)"
        }
    }
}
