/// The description of one diagnostic code, used by `--format sarif` (rules), docs and JUnit.
/// Codes are stable: DF1xx loading and syntax, DF2xx dependency resolution, DF3xx DAG and field checks,
/// DF4xx templating and environments, DF5xx SQL lineage, DF6xx online checks against an engine.
public struct DiagnosticRule: Hashable, Sendable {
    public var id: String
    /// A short PascalCase name, e.g. `UnknownUpstream`.
    public var name: String
    public var shortDescription: String
    public var fullDescription: String
    public var help: String

    public init(id: String, name: String, shortDescription: String, fullDescription: String, help: String) {
        self.id = id
        self.name = name
        self.shortDescription = shortDescription
        self.fullDescription = fullDescription
        self.help = help
    }
}
