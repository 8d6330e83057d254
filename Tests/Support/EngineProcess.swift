import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The included engine running as a real subprocess (`dagforge engine`) on a free loopback port with its
/// own data dir, for end-to-end tests. Survives restarts on the same data dir to test `kill -9`.
public final class EngineProcess: @unchecked Sendable {
    public let port: Int
    public let dataDirectory: String
    public let adminPassword: String
    private var process: Process?
    private let logURL: URL

    public var baseURL: String { "http://127.0.0.1:\(port)/dolphinscheduler" }

    public init(dataDirectory: String, adminPassword: String = "dagforge-test-password", port: Int? = nil) throws {
        self.port = try port ?? FreePort.find()
        self.dataDirectory = dataDirectory
        self.adminPassword = adminPassword
        self.logURL = URL(fileURLWithPath: dataDirectory).appendingPathComponent("engine-test.log")
    }

    /// Starts the engine and waits until `/login` answers.
    public func start(timeout: TimeInterval = 20) throws {
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: logURL.path) {
            _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        }
        let log = try FileHandle(forWritingTo: logURL)
        log.seekToEndOfFile()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: DagforgeBinary.path)
        process.arguments = ["engine", "--port", String(port), "--data-dir", dataDirectory,
                             "--admin-password", adminPassword]
        process.standardOutput = log
        process.standardError = log
        try process.run()
        self.process = process
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if !process.isRunning { throw EngineProcessError.exited(log: engineLog()) }
            if (try? HTTPForm.post("\(baseURL)/login", ["userName": "admin", "userPassword": adminPassword]))?.status == 200 {
                return
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw EngineProcessError.notAnswering(log: engineLog())
    }

    /// SIGTERM and wait: a clean shutdown.
    public func stop() {
        guard let process, process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    /// SIGKILL and wait: the crash every acknowledged write must survive.
    public func kill9() {
        guard let process, process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    public var isRunning: Bool { process?.isRunning ?? false }

    /// The process id of the running engine (`dagforge engine` keeps it when it hands over to `dagforge-engine`).
    public var processIdentifier: Int32? { process?.processIdentifier }

    public func engineLog() -> String {
        (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
    }

    /// Logs in as admin and returns the session id.
    public func login() throws -> String {
        let response = try HTTPForm.post("\(baseURL)/login", ["userName": "admin", "userPassword": adminPassword])
        guard let data = response.json?["data"] as? [String: Any], let session = data["sessionId"] as? String else {
            throw EngineProcessError.loginFailed(body: response.body)
        }
        return session
    }

    deinit { stop() }
}

public enum EngineProcessError: Error, CustomStringConvertible {
    case exited(log: String)
    case notAnswering(log: String)
    case loginFailed(body: String)

    public var description: String {
        switch self {
        case .exited(let log): "engine exited during start-up:\n\(log)"
        case .notAnswering(let log): "engine did not answer in time:\n\(log)"
        case .loginFailed(let body): "login failed: \(body)"
        }
    }
}
