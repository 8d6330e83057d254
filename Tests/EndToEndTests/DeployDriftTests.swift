import DagforgeTestSupport
import DagforgeWire
import Foundation
import Testing

/// Hand edits through the engine's API show as drift in plan and status, and apply puts the specs back.
@Suite(.serialized) struct DeployDriftTests {
    @Test func aHandEditThroughTheAPIShowsAsDrift() async throws {
        let bed = try await DeployTestbed.start()
        defer { bed.stop() }
        let apply = try await bed.dagforge(["apply", "--env", "test"])
        #expect(apply.status == 0, "\(apply.stderr)")

        try await bed.editTask(project: "pharmacovigilance_test", workflow: "pv_signals", task: "compute_prr") { sql in
            sql + "\n-- tuned by hand"
        }

        let status = try await bed.dagforge(["status", "--env", "test"])
        #expect(status.status == 0, "\(status.stderr)")
        let row = status.stdout.split(separator: "\n").first { $0.hasPrefix("pv_signals ") }
        #expect(row?.contains("DRIFTED") == true, "\(status.stdout)")
        #expect(row?.contains("differs") == true)
        #expect(status.stdout.contains("Drift (edited on the engine): pv_signals"))
        let commit = String(try bed.repository.head().prefix(12))
        let ingest = status.stdout.split(separator: "\n").first { $0.hasPrefix("pv_ingest ") }
        #expect(ingest?.contains(commit) == true && ingest?.contains("matches") == true, "\(status.stdout)")

        let plan = try await bed.dagforge(["plan", "--env", "test", "--detailed-exitcode"])
        #expect(plan.status == 2)
        #expect(plan.stdout.contains("! edited on the engine since dagforge deployed it (drift)"))
        #expect(plan.stdout.contains("-  -- tuned by hand") || plan.stdout.contains("-- tuned by hand"))

        let restore = try await bed.dagforge(["apply", "--env", "test"])
        #expect(restore.stdout.contains("0 created, 1 updated"), "\(restore.stdout)")
        let clean = try await bed.dagforge(["status", "--env", "test"])
        #expect(clean.stdout.contains("No drift."))
    }
}

extension DeployTestbed {
    /// Edits one task's SQL the way a person would in the UI: take the workflow offline, save it, release it.
    func editTask(project: String, workflow: String, task: String, _ edit: (String) -> String) async throws {
        let code = try await projectCode(project)
        guard let dag = try await workflows(project: project)[workflow],
              let definition = dag["processDefinition"], let definitionCode = definition["code"]?.int64Value,
              var tasks = dag["taskDefinitionList"]?.arrayValue else { throw DeployTestError.engine("no workflow \(workflow)") }
        guard let index = tasks.firstIndex(where: { $0["name"]?.stringValue == task }),
              case .object(var taskObject) = tasks[index], case .object(var params)? = taskObject["taskParams"],
              let sql = params["sql"]?.stringValue else { throw DeployTestError.engine("no SQL task \(task)") }
        params["sql"] = .string(edit(sql))
        taskObject["taskParams"] = .object(params)
        tasks[index] = .object(taskObject)
        let base = "/projects/\(code)/process-definition/\(definitionCode)"
        _ = try await api("POST", base + "/release", form: ["releaseState": "OFFLINE"])
        _ = try await api("PUT", base, form: [
            "name": workflow,
            "description": definition["description"]?.stringValue ?? "",
            "globalParams": definition["globalParams"]?.stringValue ?? "[]",
            "locations": definition["locations"]?.stringValue ?? "[]",
            "timeout": String(definition["timeout"]?.int64Value ?? 0),
            "executionType": definition["executionType"]?.stringValue ?? "PARALLEL",
            "taskDefinitionJson": try WireJSON.string(JSONValue.array(tasks)),
            "taskRelationJson": try WireJSON.string(dag["processTaskRelationList"] ?? .array([])),
        ])
        _ = try await api("POST", base + "/release", form: ["releaseState": "ONLINE"])
    }
}
