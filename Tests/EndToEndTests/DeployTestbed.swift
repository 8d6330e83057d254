import DagforgeTestSupport
import DagforgeWire
import Foundation

/// The example repository (workflows/, environments/) in a real git repository, deployed with the built
/// binary to the real included engine on a free loopback port. `test` and `uat` both point at that engine
/// (projects `pharmacovigilance_test` and `pharmacovigilance_uat`), each with its SQLite datasource; uat's
/// tenant `pv_etl` exists.
struct DeployTestbed {
    let engineDirectory: TemporaryDirectory
    let engine: EngineProcess
    let repository: GitRepository

    static func start() async throws -> DeployTestbed {
        try await offload {
            let directory = try TemporaryDirectory(prefix: "dagforge-deploy-engine")
            let engine = try EngineProcess(dataDirectory: directory.path)
            try engine.start()
            let session = try engine.login()
            for name in ["pv_dw", "pv_dw_uat"] {
                // The engine checks that it can open the database before it accepts the datasource.
                _ = FileManager.default.createFile(atPath: "\(directory.path)/\(name).sqlite", contents: nil)
                let body = #"{"name":"\#(name)","type":"SQLITE","database":"\#(directory.path)/\#(name).sqlite"}"#
                let created = try HTTPForm.send("POST", "\(engine.baseURL)/datasources", form: nil,
                                                headers: ["sessionId": session], rawBody: Data(body.utf8))
                guard created.code == 0 else { throw DeployTestError.engine("create datasource \(name): \(created.body)") }
            }
            // uat's tenant (test uses `default`).
            let tenant = try HTTPForm.post("\(engine.baseURL)/tenants", ["tenantCode": "pv_etl", "queueId": "1"],
                                           headers: ["sessionId": session])
            guard tenant.code == 0 else { throw DeployTestError.engine("create tenant pv_etl: \(tenant.body)") }
            let repository = try GitRepository()
            let example = DagforgeBinary.exampleRepository
            try repository.copy(example.appendingPathComponent("workflows"), to: "workflows")
            try repository.copy(example.appendingPathComponent("dagforge.yaml"), to: "dagforge.yaml")
            for environment in ["test", "uat"] {
                try repository.write("environments/\(environment).yaml",
                                     try Self.environmentFile(example, environment, engineURL: engine.baseURL))
            }
            try repository.commitAll("the example")
            return DeployTestbed(engineDirectory: directory, engine: engine, repository: repository)
        }
    }

    /// The example's environment file with its `engine:` block pointing at this engine as admin.
    static func environmentFile(_ example: URL, _ name: String, engineURL: String) throws -> String {
        let original = try String(contentsOf: example.appendingPathComponent("environments/\(name).yaml"), encoding: .utf8)
        var lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: "engine:") else { throw DeployTestError.engine("no engine: in \(name).yaml") }
        var end = start + 1
        while end < lines.count, lines[end].hasPrefix("  ") { end += 1 }
        lines.replaceSubrange(start..<end, with: [
            "engine:", "  url: \(engineURL)", "  user: admin", "  password: \"{{ env.DAGFORGE_ADMIN_PASSWORD }}\"", "  api: \"3.2\"",
        ])
        return lines.joined(separator: "\n")
    }

    /// Runs the built `dagforge` in the repository (or `directory`) with the admin password in its environment.
    func dagforge(_ arguments: [String], in directory: String? = nil, input: String? = nil) async throws -> ProcessResult {
        let path = directory ?? repository.path
        let password = engine.adminPassword
        return try await offload {
            try DagforgeBinary.run(arguments, in: path, environment: ["DAGFORGE_ADMIN_PASSWORD": password, "NO_COLOR": "1"],
                                   input: input)
        }
    }

    /// An API call as admin; returns the envelope's `data`.
    func api(_ method: String, _ path: String, form: [String: String]? = nil, query: [String: String] = [:]) async throws -> JSONValue {
        let base = engine.baseURL
        let engine = engine
        return try await offload {
            let session = try engine.login()
            let url = query.isEmpty ? base + path : base + path + "?" + HTTPForm.encode(query)
            let response = try HTTPForm.send(method, url, form: form, headers: ["sessionId": session])
            let envelope = try WireJSON.decoder().decode(JSONValue.self, from: Data(response.body.utf8))
            guard envelope["code"]?.int64Value == 0 else { throw DeployTestError.engine("\(method) \(path): \(response.body)") }
            return envelope["data"] ?? .null
        }
    }

    func projectCode(_ name: String) async throws -> Int64 {
        let projects = try await api("GET", "/projects/list").arrayValue ?? []
        guard let code = projects.first(where: { $0["name"]?.stringValue == name })?["code"]?.int64Value else {
            throw DeployTestError.engine("no project \(name)")
        }
        return code
    }

    /// Every workflow of a project with its DAG (`/all`).
    func workflows(project: String) async throws -> [String: JSONValue] {
        let code = try await projectCode(project)
        let all = try await api("GET", "/projects/\(code)/process-definition/all").arrayValue ?? []
        return Dictionary(all.compactMap { dag in dag["processDefinition"]?["name"]?.stringValue.map { ($0, dag) } },
                          uniquingKeysWith: { a, _ in a })
    }

    func stop() {
        engine.stop()
        engineDirectory.remove()
        repository.remove()
    }
}

enum DeployTestError: Error, CustomStringConvertible {
    case engine(String)

    var description: String {
        switch self {
        case .engine(let message): message
        }
    }
}
