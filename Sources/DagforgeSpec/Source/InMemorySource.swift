/// Specs held in memory, path → text: for tools that generate or edit specs before checking them, and for
/// tests that write a repository inline.
public struct InMemorySource: SpecSource {
    public let revision: SourceRevision
    let files: [SpecFile]

    public init(_ files: [String: String], revision: SourceRevision = SourceRevision(commit: nil, isDirty: false, requested: "memory")) {
        self.files = files.keys.sorted().filter(SpecFile.isSpecPath).map { SpecFile(path: $0, contents: Array(files[$0]!.utf8)) }
        self.revision = revision
    }

    public func specFiles() throws(SpecSourceError) -> [SpecFile] { files }
}

extension SpecLoader {
    /// Loads specs written inline (see `InMemorySource`); reading memory cannot fail.
    public static func load(_ files: [String: String]) -> LoadedRepository {
        let source = InMemorySource(files)
        return load(files: source.files, revision: source.revision)
    }
}
