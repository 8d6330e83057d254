import ArgumentParser

/// Which environments `validate` renders for, and whether warnings fail.
struct ValidationScopeOptions: ParsableArguments {
    @Option(name: .customLong("env"), help: "Validate for this environment only.")
    var environment: String?

    @Flag(name: .customLong("all-envs"), help: "Validate for every environment (the default).")
    var allEnvironments = false

    @Flag(help: "Fail on warnings too.")
    var strict = false

    func validate() throws {
        if environment != nil, allEnvironments {
            throw ValidationError("use either --env or --all-envs, not both")
        }
    }

    /// nil = every environment.
    var selectedEnvironments: [String]? { environment.map { [$0] } }
}
