@testable import DagforgeDeploy
import DagforgeWire
import Foundation
import Testing
import Yams

@Suite struct SpecImporterTests {
    func importedFiles() throws -> [String: String] {
        var compiled = Fixtures.compiled()
        compiled.definition.taskDefinitionJson.append(TaskDefinition(
            code: 4, name: "wait_ods", taskType: TaskType.dependent, taskParams: .object(["dependence": .object([
                "relation": .string("AND"), "dependTaskList": .array([]),
            ])])))
        compiled.definition.taskRelationJson.append(ProcessTaskRelation(preTaskCode: 0, postTaskCode: 4))
        compiled.definition.taskRelationJson[1] = ProcessTaskRelation(preTaskCode: 1, postTaskCode: 2)
        compiled.definition.taskRelationJson.append(ProcessTaskRelation(preTaskCode: 4, postTaskCode: 2))
        compiled.definition.taskDefinitionJson[2].failRetryTimes = 2
        compiled.definition.taskDefinitionJson[2].timeoutFlag = .OPEN
        compiled.definition.taskDefinitionJson[2].timeout = 30
        let snapshot = try Fixtures.deployed([compiled])
        let files = try SpecImporter(snapshot: snapshot, logicalDataSources: ["dw_pg": "dw"]).files()
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) })
    }

    @Test func sqlTasksBecomeFilesWithHeaders() throws {
        let files = try importedFiles()
        #expect(files["workflows/pv_daily/extract.sql"] == """
            -- upstream: root
            -- datasource: dw
            -- sql_type: non_query
            -- retries: 0
            -- retry_interval: 1
            \(Fixtures.extractSQL)
            """)
        #expect(files["workflows/pv_daily/load.sql"]?.hasPrefix("-- upstream: extract, wait_ods\n") == true)
        #expect(files["workflows/pv_daily/notify.sh"] == """
            # upstream: load
            # retries: 2
            # retry_interval: 1
            # timeout: 30
            # timeout_strategy: WARN
            echo done

            """)
    }

    @Test func theRestGoesIntoWorkflowYAML() throws {
        let text = try #require(try importedFiles()["workflows/pv_daily/workflow.yaml"])
        let yaml = try #require(try Yams.load(yaml: text) as? [String: Any])
        #expect(yaml["description"] as? String == "Daily signal detection")
        #expect((yaml["schedule"] as? [String: Any])?["cron"] as? String == "0 0 2 * * ? *")
        #expect((yaml["params"] as? [String: Any])?["bizdate"] as? String == "$[yyyyMMdd-1]")
        #expect((yaml["defaults"] as? [String: Any])?["infer"] as? Bool == false)
        let tasks = try #require(yaml["tasks"] as? [[String: Any]])
        #expect(tasks.map { $0["name"] as? String } == ["wait_ods"])
        #expect(tasks.first?["type"] as? String == "DEPENDENT")
        #expect(((tasks.first?["params"] as? [String: Any])?["dependence"] as? [String: Any])?["relation"] as? String == "AND")
    }

    @Test func writingNeverOverwrites() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dagforge-import-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let files = [ImportedFile(path: "workflows/a/x.sql", contents: "select 1\n")]
        try ImportedFile.write(files, under: root)
        #expect(try String(contentsOf: root.appendingPathComponent("workflows/a/x.sql"), encoding: .utf8) == "select 1\n")
        #expect(throws: ImportError.self) { try ImportedFile.write(files, under: root) }
    }
}
