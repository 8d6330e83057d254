import DagforgeCompiler
import DagforgeSpec
import Foundation
import DagforgeTestSupport
import Testing

/// Every scenario under Tests/Fixtures/specs is a small spec repository whose files mark the diagnostics
/// they must produce: `# ERROR: DF301` / `-- ERROR: DF201` at the end of the offending line, or alone on
/// the line before it. Each scenario is read both from a plain folder and from a git revision.
struct FixtureTests {
    static let scenarios: [String] = (try? FileManager.default.contentsOfDirectory(atPath: DagforgeBinary.packageRoot.appendingPathComponent("Tests/Fixtures/specs").path).sorted()) ?? []

    @Test(arguments: scenarios)
    func reportsExactlyTheMarkedDiagnostics(scenario: String) throws {
        let folder = DagforgeBinary.packageRoot.appendingPathComponent("Tests/Fixtures/specs").path + "/" + scenario
        let fromFolder = try SpecLoader.load(from: WorkingTreeSource(root: folder))
        let expected = Set(FixtureMarkers.expectations(in: fromFolder, root: folder))
        let actual = Set(Compiler(repository: fromFolder).validate(processEnvironment: [:]).map(FixtureMarkers.key))
        #expect(actual == expected, "\(scenario): unexpected \(actual.subtracting(expected).sorted()), missing \(expected.subtracting(actual).sorted())")

        let sandbox = try GitRepository()
        defer { sandbox.remove() }
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            try sandbox.copy(URL(fileURLWithPath: folder + "/" + name), to: name)
        }
        try sandbox.commitAll(scenario)
        let fromRevision = try SpecLoader.load(from: GitRevisionSource(root: sandbox.path, revision: "HEAD"))
        #expect(Compiler(repository: fromRevision).validate(processEnvironment: [:]) == Compiler(repository: fromFolder).validate(processEnvironment: [:]))
    }
}

enum FixtureMarkers {
    static func key(_ diagnostic: Diagnostic) -> String {
        "\(diagnostic.severity.rawValue.uppercased()) \(diagnostic.code) \(diagnostic.range?.path ?? "-"):\(diagnostic.range?.start.line ?? 0)"
    }

    static func expectations(in repository: LoadedRepository, root: String) -> [String] {
        let paths = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).sorted()
        return paths.flatMap { path -> [String] in
            guard let text = try? String(contentsOfFile: root + "/" + path, encoding: .utf8) else { return [] }
            return markers(in: text, path: path)
        }
    }

    private static func markers(in text: String, path: String) -> [String] {
        var result: [String] = []
        var pending: [String] = []
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            let found = line.matches(of: /(ERROR|WARNING): (DF\d{3})/).map { "\($0.1) \($0.2)" }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let markerOnly = !found.isEmpty && (trimmed.hasPrefix("#") || trimmed.hasPrefix("--"))
                && trimmed.drop { $0 == "#" || $0 == "-" || $0 == " " }.hasPrefix(found[0].prefix(5))
            if markerOnly {
                pending += found
                continue
            }
            result += (pending + found).map { "\($0) \(path):\(index + 1)" }
            pending = []
        }
        return result
    }
}
