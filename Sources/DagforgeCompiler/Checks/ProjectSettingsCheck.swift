import DagforgeSpec

/// DF402: `default_environment` in dagforge.yaml names an environment without a file.
struct ProjectSettingsCheck: RepositoryCheck {
    func check(_ input: CheckInput) -> [Diagnostic] {
        guard let name = input.repository.project.defaultEnvironment,
              input.repository.environment(named: name.value) == nil else { return [] }
        let names = input.repository.environments.map(\.name)
        return [Diagnostic(.error, "DF402", "default_environment '\(name.value)' has no file environments/\(name.value).yaml"
                           + NameSuggestion.phrase(for: name.value, in: names),
                           hint: "Environments: \(names.joined(separator: ", ")).", at: name.range)]
    }
}
