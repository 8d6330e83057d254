import DagforgeCompiler
import DagforgeSpec
import Testing

/// `IncrementalCheck` must report exactly what the whole-repository path reports (`Compiler.impact` and
/// `Compiler.validate(_:)`), whether its archive is empty, warm, or written under other environments, while
/// reading only the folders it needs.
struct IncrementalCheckTests {
    /// `orders` feeds `billing` (declared), `marts` (inferred from `dw.orders`) and `watch` (a dependent task);
    /// `gate` branches with conditions; `shared_sql` reads its SQL from another folder; `hr` is unrelated and
    /// has its own problems (an unknown upstream), which a change elsewhere must not report.
    static let base: [String: String] = [
        "dagforge.yaml": "name: demo\n",
        "environments/test.yaml": "variables: { region: emea }\ndatasources:\n  dw: { name: dw_test, type: POSTGRESQL }\n",
        "workflows/orders/load.sql": "-- datasource: dw\nINSERT INTO dw.orders SELECT 1;",
        "workflows/orders/clean.sql": "-- upstream: load\n-- datasource: dw\nDELETE FROM dw.orders WHERE 0;",
        "workflows/billing/invoice.sql": "-- upstream: orders/clean\nSELECT '{{ region }}';",
        "workflows/billing/archive.sql": "INSERT INTO dw.archive SELECT 3;",
        "workflows/marts/daily.sql": "-- datasource: dw\nINSERT INTO dw.daily SELECT * FROM dw.orders;",
        "workflows/marts/weekly.sql": "-- upstream: daily\nSELECT * FROM dw.daily;",
        "workflows/watch/workflow.yaml": "tasks:\n  - name: wait\n    type: dependent\n    on: [orders]\n",
        "workflows/watch/after.sh": "# upstream: wait\necho done\n",
        "workflows/gate/check.sh": "echo check\n",
        "workflows/gate/workflow.yaml": """
            tasks:
              - name: branch
                type: conditions
                upstream: [check]
                success: [ok]
                failed: [ko]
            """,
        "workflows/gate/ok.sh": "echo ok\n",
        "workflows/gate/ko.sh": "echo ko\n",
        "workflows/shared_sql/workflow.yaml": "tasks:\n  - name: reuse\n    type: sql\n    datasource: dw\n    file: ../orders/load.sql\n",
        "workflows/hr/people.sh": "# upstream: nobody\necho 5\n",
    ]

    /// Edits as a pull request would make them: path → new text (nil deletes).
    static let changes: [[String: String?]] = [
        ["workflows/orders/clean.sql": "-- upstream: load\nDELETE FROM dw.orders WHERE 1;"],
        ["workflows/orders/clean.sql": nil],
        ["workflows/billing/invoice.sql": "-- upstream: orders/clean, orders/nope\nSELECT '{{ regoin }}';"],
        ["workflows/marts/daily.sql": "-- datasource: dw\nINSERT INTO dw.daily SELECT * FROM dw.archive;"],
        ["workflows/gate/ok.sh": "echo still ok\n", "workflows/new_wf/first.sql": "SELECT * FROM dw.daily;"],
        ["workflows/hr/people.sh": "echo fixed\n"],
    ]

    @Test(arguments: changes.indices)
    func reportsWhatTheWholeRepositoryCheckReports(change index: Int) throws {
        let edited = Self.apply(Self.changes[index], to: Self.base)
        let changed = Set(Self.changes[index].keys)
        let whole = Compiler(repository: SpecLoader.load(edited))
        let expectedImpact = whole.impact(ofChangedFiles: changed)
        let expected = whole.validate(expectedImpact, processEnvironment: [:])

        let cold = Self.check(edited, changed: changed, trees: Self.trees(Self.base), archive: Self.emptyArchive)
        #expect(cold.check.impact == expectedImpact)
        #expect(cold.check.diagnostics == expected)

        // Warm: the archive a run over the unchanged repository kept, through its bytes.
        let first = Self.check(Self.base, changed: [], trees: Self.trees(Self.base), archive: Self.emptyArchive).check
        let archive = OutlineArchive(bytes: first.archive.encoded(stamp: "t"), stamp: "t")
        #expect(archive.count == first.archive.count)
        let warm = Self.check(edited, changed: changed, trees: Self.trees(Self.base), archive: archive)
        #expect(warm.check.impact == expectedImpact)
        #expect(warm.check.diagnostics == expected)
        let needed = whole.dependencies.workflows(neededToCheck: expectedImpact)
        #expect(warm.read.isSubset(of: needed.union(["shared_sql"])),
                "read \(warm.read.sorted()), needed \(needed.sorted())")
    }

    @Test func keepsNoOutlineForAWorkflowReadingAFileOutsideItsFolder() {
        let run = Self.check(Self.base, changed: [], trees: Self.trees(Self.base), archive: Self.emptyArchive).check
        #expect(run.archive.count == Set(Self.base.keys.compactMap(ChangeImpact.workflowName(ofPath:))).count - 1)
        #expect(run.archiveGrew)
        let again = Self.check(Self.base, changed: [], trees: Self.trees(Self.base), archive: run.archive)
        #expect(again.read == ["shared_sql"], "every other folder comes from the archive")
        #expect(!again.check.archiveGrew, "nothing new to write")
    }

    @Test func aFolderThatFailedToLoadIsReadAgainOnceTheFileItNamesExists() {
        var files = Self.base
        files["workflows/shared_sql/workflow.yaml"] = "tasks:\n  - name: reuse\n    type: sql\n    file: ../orders/later.sql\n"
        let first = Self.check(files, changed: [], trees: Self.trees(files), archive: Self.emptyArchive).check
        #expect(first.repository.workflow(named: "shared_sql")?.tasks.isEmpty == true, "DF104: the file is missing")
        #expect(first.archive.count == Set(files.keys.compactMap(ChangeImpact.workflowName(ofPath:))).count - 1,
                "no outline for the folder that failed to load")
        // `orders/later.sql` appears: only `orders` changed, yet `shared_sql` now has its task.
        files["workflows/orders/later.sql"] = "INSERT INTO dw.later SELECT 1;"
        let changed: Set<String> = ["workflows/orders/later.sql"]
        let before = files.filter { $0.key != "workflows/orders/later.sql" }
        let run = Self.check(files, changed: changed, trees: Self.trees(before), archive: first.archive)
        #expect(run.read.contains("shared_sql"))
        #expect(run.check.repository.workflow(named: "shared_sql")?.task(named: "reuse") != nil)
    }

    @Test func anOutlineReadInAnotherDialectIsReadAgain() {
        let first = Self.check(Self.base, changed: [], trees: Self.trees(Self.base), archive: Self.emptyArchive).check
        // The environment now maps `dw` to MySQL: SQL tasks on `dw` must be analyzed again.
        var mysql = Self.base
        mysql["environments/test.yaml"] = "variables: { region: emea }\ndatasources:\n  dw: { name: dw_test, type: MYSQL }\n"
        let changed: Set<String> = ["workflows/orders/clean.sql"]
        mysql["workflows/orders/clean.sql"] = "-- upstream: load\n-- datasource: dw\nDELETE FROM dw.orders WHERE 2;"
        let run = Self.check(mysql, changed: changed, trees: Self.trees(Self.base), archive: first.archive)
        #expect(run.read.isSuperset(of: ["marts", "orders"]))
        let whole = Compiler(repository: SpecLoader.load(mysql))
        let impact = whole.impact(ofChangedFiles: changed)
        #expect(run.check.impact == impact)
        #expect(run.check.diagnostics == whole.validate(impact, processEnvironment: [:]))
    }

    @Test func anArchiveFromAnotherProgramOrDamagedReadsAsEmpty() {
        let run = Self.check(Self.base, changed: [], trees: Self.trees(Self.base), archive: Self.emptyArchive).check
        let bytes = run.archive.encoded(stamp: "build 1")
        #expect(OutlineArchive(bytes: bytes, stamp: "build 1").count == run.archive.count)
        #expect(OutlineArchive(bytes: bytes, stamp: "build 2").count == 0)
        #expect(OutlineArchive(bytes: Array(bytes.dropLast(3)), stamp: "build 1").count == 0)
        var flipped = bytes
        flipped[bytes.count / 2] ^= 0xFF
        // A flipped byte either breaks the structure (empty) or changes a value inside it (still decodes).
        #expect(OutlineArchive(bytes: flipped, stamp: "build 1").count <= run.archive.count)
        #expect(OutlineArchive(bytes: Array("not an archive".utf8), stamp: "build 1").count == 0)
    }

    // MARK: - Helpers

    static let emptyArchive = OutlineArchive(bytes: [], stamp: "t")

    static func apply(_ change: [String: String?], to files: [String: String]) -> [String: String] {
        var result = files
        for (path, text) in change { result[path] = text }
        return result
    }

    /// A stand-in for git tree ids: equal folder contents give equal ids.
    static func trees(_ files: [String: String]) -> [String: String] {
        var folders: [String: [String]] = [:]
        for path in files.keys.sorted() {
            guard let workflow = ChangeImpact.workflowName(ofPath: path) else { continue }
            folders[workflow, default: []].append(path + "\u{0}" + files[path]!)
        }
        return folders.mapValues { String($0.joined(separator: "\u{1}").hashValue) }
    }

    /// Runs the check over `files`, recording which workflow folders it read. Like the working-tree reader, a
    /// read also brings the files a requested `workflow.yaml` names outside its folder.
    static func check(_ files: [String: String], changed: Set<String>, trees: [String: String],
                      archive: OutlineArchive) -> (check: IncrementalCheck, read: Set<String>) {
        let present = Set(files.keys.compactMap(ChangeImpact.workflowName(ofPath:))).sorted()
        let outside = SpecLoader.load(files.filter { ChangeImpact.workflowName(ofPath: $0.key) == nil })
        let prepared = IncrementalCheck.Preparation(archive: archive, trees: trees, present: present, base: outside)
        var read: Set<String> = []
        let check = IncrementalCheck(changedFiles: changed, prepared: prepared, environments: nil, processEnvironment: [:]) { names in
            read.formUnion(names)
            let yaml = names.compactMap { files["workflows/\($0)/workflow.yaml"] }
            return SpecLoader.load(files.filter { path, _ in
                guard let workflow = ChangeImpact.workflowName(ofPath: path) else { return true }
                return names.contains(workflow) || yaml.contains { $0.contains("../" + path.dropFirst("workflows/".count)) }
            })
        }
        return (check, read)
    }
}
