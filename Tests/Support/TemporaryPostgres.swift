import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real PostgreSQL server from Debian's packages in a temporary directory on a free loopback port, trusting
/// local connections, run as the unprivileged `dagforge-pg` user when the tests run as root (PostgreSQL refuses
/// to run as root). `make test` installs the packages (scripts/install-deps.sh).
public struct TemporaryPostgres: Sendable {
    public let directory: URL
    public let port: Int
    private let user: String?
    private let binaries: URL

    public static func start() async throws -> TemporaryPostgres {
        let root = URL(fileURLWithPath: "/usr/lib/postgresql")
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root.path))?.sorted() ?? []
        guard let version = versions.last else { throw Failure("PostgreSQL is not installed (run scripts/install-deps.sh)") }
        let directory = URL(fileURLWithPath: "/tmp/dagforge-pg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var user: String?
        if getuid() == 0 {
            user = "dagforge-pg"
            if try ProcessRunner.run("/usr/bin/id", ["dagforge-pg"]).status != 0 {
                let added = try ProcessRunner.run("/usr/sbin/useradd", ["--system", "--no-create-home", "--shell", "/bin/sh", "dagforge-pg"])
                // Another test may have added the user at the same moment.
                if try ProcessRunner.run("/usr/bin/id", ["dagforge-pg"]).status != 0 { try check(added) }
            }
            try check(ProcessRunner.run("/bin/chown", ["dagforge-pg", directory.path]))
        }
        let server = TemporaryPostgres(directory: directory, port: try FreePort.find(), user: user,
                                       binaries: root.appendingPathComponent(version).appendingPathComponent("bin"))
        let data = directory.appendingPathComponent("data").path
        // initdb takes seconds: run it off the cooperative pool so the other tests' timers keep firing.
        _ = try await offload { try server.runAsServerUser("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]) }
        let startLog = directory.appendingPathComponent("pg_ctl.log").path
        let status = try await DetachedSpawn.run(server.commandLine("pg_ctl", [
            "-D", data, "-l", directory.appendingPathComponent("server.log").path, "-w", "-t", "60",
            "-o", "-p \(server.port) -k \(directory.path) -c listen_addresses=127.0.0.1 -c fsync=off", "start",
        ]), directory: directory.path, outputPath: startLog)
        guard status == 0 else {
            throw Failure("pg_ctl start failed: \((try? String(contentsOfFile: startLog, encoding: .utf8)) ?? "")")
        }
        return server
    }

    /// Stops the server at once and removes its directory.
    public func stop() {
        _ = try? runAsServerUser("pg_ctl", ["-D", directory.appendingPathComponent("data").path, "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs a statement with psql as the `postgres` superuser, for checking what a task wrote; unaligned rows.
    public func psql(_ sql: String) throws -> String {
        try runAsServerUser("psql", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-At", "-c", sql])
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    private func commandLine(_ tool: String, _ arguments: [String]) -> [String] {
        let path = binaries.appendingPathComponent(tool).path
        guard let user else { return [path] + arguments }
        let command = ([path] + arguments).map(Self.quoted).joined(separator: " ")
        // Start in the server's own directory: the caller's (e.g. a root-only temp clone) may be unreadable to
        // the server user, and psql would print a warning into the output.
        return ["/bin/su", user, "-s", "/bin/sh", "-c", "cd \(Self.quoted(directory.path)) && \(command)"]
    }

    private func runAsServerUser(_ tool: String, _ arguments: [String]) throws -> String {
        let command = commandLine(tool, arguments)
        let result = try ProcessRunner.run(command[0], Array(command.dropFirst()), in: directory.path)
        try Self.check(result)
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func check(_ result: ProcessResult) throws {
        guard result.succeeded else { throw Failure("exited with \(result.status): \(result.stderr)\(result.stdout)") }
    }

    private static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
