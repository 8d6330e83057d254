import Foundation
import Glibc
import Synchronization

/// Appends a task instance's log to its file one line at a time, so the log is readable while the task
/// runs and output is never held in memory.
public final class TaskLogWriter: Sendable {
    public let path: URL
    private let descriptor: Mutex<Int32>

    /// Opens (creating directories as needed) the log file for appending.
    public init(path: URL) throws {
        var fd = Self.openForAppending(path)
        if fd < 0 && errno == ENOENT {
            try TaskFiles.makeDirectory(path.deletingLastPathComponent())
            fd = Self.openForAppending(path)
        }
        guard fd >= 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path.path,
                                                          NSLocalizedDescriptionKey: String(cString: strerror(errno))])
        }
        self.path = path
        self.descriptor = Mutex(fd)
    }

    private static func openForAppending(_ path: URL) -> Int32 {
        open(path.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
    }

    deinit {
        descriptor.withLock { fd in
            if fd >= 0 { _ = close(fd) }
        }
    }

    /// A line the task itself printed, written as is.
    public func output(_ line: String) {
        write(line)
    }

    /// A line from the engine about the task, stamped like DolphinScheduler's task logs.
    public func info(_ message: String) {
        write("[INFO] \(Self.timestamp()) - \(message)")
    }

    public func error(_ message: String) {
        write("[ERROR] \(Self.timestamp()) - \(message)")
    }

    private func write(_ line: String) {
        var bytes = Array(line.utf8)
        bytes.append(UInt8(ascii: "\n"))
        descriptor.withLock { fd in
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }

    /// Now in UTC as `yyyy-MM-dd HH:mm:ss.SSS`, from the C clock: several lines per task, where Foundation's
    /// ISO 8601 format style cost more than the rest of the line.
    static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var fields = tm()
        gmtime_r(&seconds, &fields)
        var text = [UInt8]()
        text.reserveCapacity(23)
        func append(_ value: Int32, digits: Int, then separator: UInt8?) {
            var divisor: Int32 = 1
            for _ in 1..<digits { divisor *= 10 }
            while divisor > 0 {
                text.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                divisor /= 10
            }
            if let separator { text.append(separator) }
        }
        append(fields.tm_year + 1900, digits: 4, then: UInt8(ascii: "-"))
        append(fields.tm_mon + 1, digits: 2, then: UInt8(ascii: "-"))
        append(fields.tm_mday, digits: 2, then: UInt8(ascii: " "))
        append(fields.tm_hour, digits: 2, then: UInt8(ascii: ":"))
        append(fields.tm_min, digits: 2, then: UInt8(ascii: ":"))
        append(fields.tm_sec, digits: 2, then: UInt8(ascii: "."))
        append(Int32(now.tv_nsec / 1_000_000), digits: 3, then: nil)
        return String(decoding: text, as: UTF8.self)
    }
}
