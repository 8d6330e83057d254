import DagforgeTestSupport
import DagforgeWire
import Foundation
import Testing

/// `validate --env E --online` against the real included engine: every datasource, worker group, tenant and
/// DolphinScheduler environment the specs use must exist there; each missing one is reported at the spec
/// line that uses it, and creating it on the engine clears the report.
@Suite(.serialized) struct ValidateOnlineTests {
    private func specs(engine: EngineProcess) throws -> GitRepository {
        let sandbox = try GitRepository()
        try sandbox.write("environments/e2e.yaml", """
            engine:
              url: \(engine.baseURL)
              user: admin
              password: "{{ env.E2E_ENGINE_PASSWORD }}"
            project: online_check
            tenant: etl
            worker_group: default
            datasources:
              dw: { name: pv_dw, type: SQLITE }
              archive: { name: archive_dw, type: SQLITE }

            """)
        try sandbox.write("workflows/w/load.sql", "-- datasource: dw\nSELECT 1;\n")
        try sandbox.write("workflows/w/archive.sql", "-- datasource: archive\nSELECT 2;\n")
        try sandbox.write("workflows/w/score.sh", "# worker_group: gpu\n# environment: py311\necho scored\n")
        try sandbox.commitAll("specs")
        return sandbox
    }

    private func createDatasource(_ name: String, on testbed: EngineTestbed) async throws {
        let database = testbed.directory.url.appendingPathComponent("\(name).sqlite").path
        _ = FileManager.default.createFile(atPath: database, contents: Data())
        let body = try WireJSON.string(JSONValue.object(["name": .string(name), "type": .string("SQLITE"), "database": .string(database)]))
        let created = try await testbed.client.send("POST", "/datasources", body: Data(body.utf8), contentType: "application/json")
        try #require(created.status == 201, "\(created.text)")
    }

    @Test func reportsEachMissingNameAtItsUseAndPassesOnceTheEngineHasThem() async throws {
        let testbed = try await EngineTestbed.start()
        defer { testbed.stop() }
        try await createDatasource("pv_dw", on: testbed)
        let sandbox = try specs(engine: testbed.engine)
        defer { sandbox.remove() }
        let environment = ["E2E_ENGINE_PASSWORD": testbed.engine.adminPassword]

        let offline = try DagforgeBinary.run(["validate", "--env", "e2e"], in: sandbox.path, environment: environment)
        #expect(offline.status == 0, "without --online the engine is not asked: \(offline.stdout)")

        let first = try DagforgeBinary.run(["validate", "--env", "e2e", "--online", "--format", "json"], in: sandbox.path, environment: environment)
        #expect(first.status == 1, "\(first.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        let found = Set((document["diagnostics"] as? [[String: Any]] ?? []).map { entry in
            "\(entry["ruleId"] ?? "") \(entry["file"] ?? ""):\(entry["line"] ?? ""):\(entry["column"] ?? "") \(entry["message"] ?? "")"
        })
        #expect(found == [
            "DF601 workflows/w/archive.sql:1:16 datasource 'archive_dw' does not exist on the engine of environment 'e2e'",
            "DF602 workflows/w/score.sh:1:17 worker group 'gpu' does not exist on the engine of environment 'e2e'",
            "DF603 environments/e2e.yaml:1:1 tenant 'etl' does not exist on the engine of environment 'e2e'",
            "DF604 workflows/w/score.sh:2:16 environment 'py311' does not exist on the engine of environment 'e2e'",
        ], "\(first.stdout)")
        #expect(!first.stdout.contains(testbed.engine.adminPassword))

        try await createDatasource("archive_dw", on: testbed)
        #expect(try await testbed.client.post("/tenants", form: ["tenantCode": "etl", "queueId": "1"]).code == 0)
        #expect(try await testbed.client.post("/environment/create", form: ["name": "py311", "config": "export PYTHON_LAUNCHER=python3", "workerGroups": #"["default"]"#]).code == 0)
        let address = try #require(try await testbed.client.get("/worker-groups/worker-address-list").data.arrayValue?.first?.stringValue)
        #expect(try await testbed.client.post("/worker-groups", form: ["name": "gpu", "addrList": address]).code == 0)

        let second = try DagforgeBinary.run(["validate", "--env", "e2e", "--online"], in: sandbox.path, environment: environment)
        #expect(second.status == 0, "\(second.stdout)\(second.stderr)")
        #expect(!second.stdout.contains("DF60"))
    }

    @Test func anUnreachableEngineIsOneClearLineWithoutSecrets() throws {
        let engine = try EngineProcess(dataDirectory: "/nonexistent-never-started")
        let sandbox = try specs(engine: engine)
        defer { sandbox.remove() }
        let outcome = try DagforgeBinary.run(["validate", "--env", "e2e", "--online"], in: sandbox.path,
                                             environment: ["E2E_ENGINE_PASSWORD": "s3cret-value"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("error: cannot read the engine of environment 'e2e' at \(engine.baseURL)"), "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("s3cret-value") && !outcome.stdout.contains("s3cret-value"))
        let usage = try DagforgeBinary.run(["validate", "--online"], in: sandbox.path)
        #expect(usage.status == 64 && usage.stderr.contains("--env"))
    }
}
