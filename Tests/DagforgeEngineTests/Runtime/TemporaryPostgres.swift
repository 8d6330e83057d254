import DagforgeTestSupport
import Foundation
@testable import DagforgeEngine

/// A real PostgreSQL server from Debian's packages in a temporary directory on a free loopback port, run as the
/// unprivileged `dagforge-pg` user when the tests run as root (PostgreSQL refuses to run as root).
struct TemporaryPostgres {
    let directory: URL
    let port: Int
    private let user: String?
    private let binaries: URL

    static func start() async throws -> TemporaryPostgres {
        let root = URL(fileURLWithPath: "/usr/lib/postgresql")
        let versions = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        guard let version = versions.last else { throw Failure("PostgreSQL is not installed (apt-get install postgresql)") }
        let binaries = root.appendingPathComponent(version).appendingPathComponent("bin")
        let directory = URL(fileURLWithPath: "/tmp/dagforge-pg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var user: String?
        if getuid() == 0 {
            user = "dagforge-pg"
            if try run("/usr/bin/id", ["dagforge-pg"], allowFailure: true) != 0 {
                try run("/usr/sbin/useradd", ["--system", "--no-create-home", "--shell", "/bin/sh", "dagforge-pg"])
            }
            try run("/bin/chown", ["dagforge-pg", directory.path])
        }
        let server = TemporaryPostgres(directory: directory, port: try freePort(), user: user, binaries: binaries)
        let data = directory.appendingPathComponent("data").path
        // initdb takes seconds: run it off the cooperative pool so the other tests' timers keep firing.
        _ = try await offload { try server.runAsServerUser("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]) }
        try await server.startServer(data: data)
        return server
    }

    var settings: SqlConnection.PostgresSettings {
        SqlConnection.PostgresSettings(host: "127.0.0.1", port: port, database: "postgres", user: "postgres",
                                       password: nil)
    }

    func stop() {
        _ = try? runAsServerUser("pg_ctl", ["-D", directory.appendingPathComponent("data").path, "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs a statement with psql, for checking what a task wrote.
    func psql(_ sql: String) throws -> String {
        try runAsServerUser("psql", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-At", "-c", sql])
    }

    /// `pg_ctl start` leaves a daemon that inherits Foundation.Process's exit-detection socket, so
    /// `Process.waitUntilExit` would never return; the engine's own process spawning waits on the pid instead.
    private func startServer(data: String) async throws {
        let arguments = commandLine("pg_ctl", [
            "-D", data, "-l", directory.appendingPathComponent("server.log").path, "-w", "-t", "60",
            "-o", "-p \(port) -k \(directory.path) -c listen_addresses=127.0.0.1 -c fsync=off", "start",
        ])
        let process = try SpawnedProcess(arguments: arguments, environment: ProcessInfo.processInfo.environment,
                                         directory: directory.path)
        let output = LockedValue<[String]>([])
        let stop = OutputStop()
        async let reading: Void = process.readLines(stop: stop) { line in output.withLock { $0.append(line) } }
        let status = await process.waitForExit()
        stop.stop()
        await reading
        guard status == 0 else {
            throw Failure("pg_ctl start failed: \(output.withLock { $0.joined(separator: "\n") })")
        }
    }

    private func commandLine(_ tool: String, _ arguments: [String]) -> [String] {
        let path = binaries.appendingPathComponent(tool).path
        guard let user else { return [path] + arguments }
        let command = ([path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            .joined(separator: " ")
        // Start in the server's own directory: the caller's (e.g. a root-only temp clone) may be unreadable to
        // the server user, and psql would print a warning into the output.
        let directoryArgument = "'" + directory.path.replacingOccurrences(of: "'", with: "'\\''") + "'"
        return ["/bin/su", user, "-s", "/bin/sh", "-c", "cd \(directoryArgument) && \(command)"]
    }

    @discardableResult
    private func runAsServerUser(_ tool: String, _ arguments: [String]) throws -> String {
        let command = commandLine(tool, arguments)
        return try Self.output(command[0], Array(command.dropFirst()))
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    @discardableResult
    private static func run(_ path: String, _ arguments: [String], allowFailure: Bool = false) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        if !allowFailure && process.terminationStatus != 0 {
            throw Failure("\(path) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
        return process.terminationStatus
    }

    private static func output(_ path: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw Failure("\(path) \(arguments.joined(separator: " ")) failed: \(text)")
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A port nothing listens on right now.
    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(fd, socketAddress, length) == 0 && getsockname(fd, socketAddress, &length) == 0
            }
        }
        guard bound else { throw Failure("cannot find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
