import DagforgeTestSupport
import DagforgeWire
import Foundation
import Testing

/// Starting, authenticating against and stopping the real `dagforge engine` binary.
@Suite("Engine lifecycle and authentication", .serialized)
struct EngineLifecycleTests {
    @Test("a fresh data dir looks like a fresh DolphinScheduler standalone server")
    func freshDataDirectory() async throws {
        let directory = try TemporaryDirectory(prefix: "dagforge-engine")
        defer { directory.remove() }
        let engine = try EngineProcess(dataDirectory: directory.path, adminPassword: "dolphinscheduler123")
        try engine.start()
        defer { engine.stop() }
        #expect(engine.engineLog().contains("admin password is DolphinScheduler's default"))
        let client = EngineClient(base: URL(string: engine.baseURL)!)
        let login = try await client.login(password: "dolphinscheduler123")
        #expect(login.status == 200)
        #expect(login.msg == "login success")
        #expect(login.headers["set-cookie"]?.contains("sessionId=") == true)

        let user = try await client.get("/users/get-user-info")
        #expect(user.data["userName"] == .string("admin"))
        #expect(user.data["userType"] == .string("ADMIN_USER"))
        #expect(user.data["tenantCode"] == .string("default"))
        #expect(user.data["userPassword"] == .string(""))

        let queues = try await client.get("/queues/list")
        #expect(queues.data.arrayValue?.first?["id"] == .int(1))
        #expect(queues.data.arrayValue?.first?["queueName"] == .string("default"))
        let tenants = try await client.get("/tenants/list")
        #expect(tenants.data.arrayValue?.contains { $0["tenantCode"] == .string("default") && $0["id"] == .int(-1) } == true)
        let groups = try await client.get("/worker-groups/all")
        #expect(groups.data == .array([.string("default")]))
        let workers = try await client.get("/worker-groups/worker-address-list")
        #expect(workers.data.arrayValue?.first?.stringValue?.hasSuffix(":1234") == true)
    }

    @Test("every endpoint but login answers 401 with an empty body without a session")
    func unauthenticated() async throws {
        let testbed = try await EngineTestbed.start()
        defer { testbed.stop() }
        let client = EngineClient(base: testbed.client.base)
        for path in ["/projects/list", "/users/get-user-info", "/tenants/list", "/projects/1/process-definition/all"] {
            let response = try await client.get(path)
            #expect(response.status == 401, "\(path)")
            #expect(response.body.isEmpty, "\(path)")
        }
        client.sessionId = "not-a-session"
        #expect(try await client.get("/projects/list").status == 401)

        let wrong = try await client.post("/login", form: ["userName": "admin", "userPassword": "wrong"])
        #expect(wrong.status == 200)
        #expect(wrong.code == 10013)
        #expect(wrong.success == false)
        #expect(try await client.post("/login", form: ["userName": "admin"]).code == 10043)
    }

    @Test("one session per user: a second login returns the same id, signOut ends it")
    func sessions() async throws {
        let testbed = try await EngineTestbed.start()
        defer { testbed.stop() }
        let first = testbed.client
        let second = EngineClient(base: first.base)
        try await second.login(password: testbed.engine.adminPassword)
        #expect(first.sessionId != nil)
        #expect(first.sessionId == second.sessionId)
        let cookie = try await EngineClient(base: first.base)
            .send("GET", "/projects/list", headers: ["Cookie": "language=en_US; sessionId=\(first.sessionId!)"])
        #expect(cookie.code == 0)
        #expect(try await first.post("/signOut").code == 0)
        #expect(try await second.get("/projects/list").status == 401)
    }

    @Test("access tokens authenticate through the token header; a bad token is 401 even with a session")
    func accessTokens() async throws {
        let testbed = try await EngineTestbed.start()
        defer { testbed.stop() }
        let admin = testbed.client
        let created = try await admin.post("/access-tokens", form: ["userId": "1", "expireTime": "2099-01-01 00:00:00"])
        #expect(created.status == 201)
        let token = try #require(created.data["token"]?.stringValue)
        #expect(token.count == 32)

        let byToken = EngineClient(base: admin.base)
        byToken.token = token
        #expect(try await byToken.get("/projects/list").code == 0)
        let expired = try await admin.post("/access-tokens", form: ["userId": "1", "expireTime": "2001-01-01 00:00:00", "token": "old"])
        #expect(expired.code == 0)
        byToken.token = "old"
        #expect(try await byToken.get("/projects/list").status == 401)
        admin.token = "bogus"
        #expect(try await admin.get("/projects/list").status == 401)
        admin.token = nil

        let list = try await admin.get("/access-tokens", query: ["pageNo": "1", "pageSize": "10"])
        #expect(list.data["total"] == .int(2))
        let id = try #require(created.data["id"]?.int64Value)
        let deleted = try await admin.delete("/access-tokens/\(id)")
        #expect(deleted.code == 0)
        #expect(deleted.data == .bool(false))
        byToken.token = token
        #expect(try await byToken.get("/projects/list").status == 401)
        #expect(!testbed.engine.engineLog().contains(token))
    }

    @Test("kill -9 loses no acknowledged write; SIGTERM stops cleanly")
    func killNine() async throws {
        let testbed = try await EngineTestbed.start()
        defer { testbed.stop() }
        let client = testbed.client
        var projects: [Int64] = []
        for index in 0..<20 {
            projects.append(try await client.createProject("durable_\(index)"))
        }
        let workflow = try await client.createWorkflow(project: projects[0], name: "durable_workflow")
        testbed.engine.kill9()

        try testbed.engine.start()
        let again = EngineClient(base: client.base)
        try await again.login(password: testbed.engine.adminPassword)
        let names = try await again.get("/projects/list").data.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
        #expect(Set(names) == Set((0..<20).map { "durable_\($0)" }))
        let dag = try await again.get("/projects/\(projects[0])/process-definition/\(workflow.code)")
        #expect(dag.data["taskDefinitionList"]?.arrayValue?.count == 2)

        testbed.engine.stop()
        #expect(!testbed.engine.isRunning)
        #expect(testbed.engine.engineLog().contains("listening"))
    }

    @Test("the default admin password is refused on a non-loopback address; a set password is not")
    func publicAddress() throws {
        let directory = try TemporaryDirectory(prefix: "dagforge-engine")
        defer { directory.remove() }
        // Refusing must end the process; on a loaded machine that can take longer than the 2 s that show a
        // served engine keeps running, so this launch waits for the exit.
        let refused = try launchBriefly(["--host", "0.0.0.0", "--data-dir", directory.path], waitingUpTo: 30)
        #expect(refused.exited)
        #expect(refused.status != 0)
        #expect(refused.log.contains("refusing to listen on 0.0.0.0"))

        let allowed = try launchBriefly(["--host", "0.0.0.0", "--data-dir", directory.path],
                                        environment: ["DAGFORGE_ADMIN_PASSWORD": "s3cret-pass"])
        #expect(!allowed.exited, "with a password of its own the engine serves on 0.0.0.0")
        #expect(!allowed.log.contains("s3cret-pass"))
    }

    @Test("dagforge engine becomes the engine executable beside it: same process, same pid")
    func handsOverToEngineExecutable() async throws {
        let testbed = try await EngineTestbed.start()
        defer { testbed.stop() }
        let pid = try #require(testbed.engine.processIdentifier)
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe")
        let sibling = URL(fileURLWithPath: DagforgeBinary.path).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("dagforge-engine").path
        #expect(executable == sibling)
        #expect(try await testbed.client.get("/projects/list").code == 0)
    }

    @Test("dagforge engine --help lists the engine's options")
    func engineHelp() throws {
        let help = try DagforgeBinary.run(["engine", "--help"])
        #expect(help.succeeded)
        for option in ["--host", "--port", "--data-dir", "--admin-password"] {
            #expect(help.stdout.contains(option), "\(option)")
        }
    }

    @Test("without dagforge-engine beside it, dagforge engine says what is missing and how to build it")
    func missingEngineExecutable() throws {
        let directory = try TemporaryDirectory(prefix: "dagforge-alone")
        defer { directory.remove() }
        let alone = directory.url.appendingPathComponent("dagforge").path
        try FileManager.default.linkItem(atPath: DagforgeBinary.path, toPath: alone)
        let result = try ProcessRunner.run(alone, ["engine", "--port", "1", "--data-dir", directory.path])
        #expect(!result.succeeded)
        #expect(result.stderr.contains(directory.url.appendingPathComponent("dagforge-engine").path))
        #expect(result.stderr.contains("make release"))
    }

    /// Runs `dagforge engine` with `arguments` for up to two seconds; stops it if it is still running.
    /// Starts the engine and stops it after `seconds` unless it exited before.
    private func launchBriefly(_ arguments: [String], environment: [String: String] = [:],
                               waitingUpTo seconds: TimeInterval = 2) throws -> (exited: Bool, status: Int32, log: String) {
        let logURL = FileManager.default.temporaryDirectory.appendingPathComponent("dagforge-launch-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: logURL) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: DagforgeBinary.path)
        process.arguments = ["engine", "--port", String(try FreePort.find())] + arguments
        var env = ProcessInfo.processInfo.environment
        env["DAGFORGE_ADMIN_PASSWORD"] = nil
        process.environment = env.merging(environment) { _, new in new }
        process.standardError = try FileHandle(forWritingTo: logURL)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        let exited = !process.isRunning
        if !exited { process.terminate() }
        process.waitUntilExit()
        return (exited, process.terminationStatus, (try? String(contentsOf: logURL, encoding: .utf8)) ?? "")
    }
}
