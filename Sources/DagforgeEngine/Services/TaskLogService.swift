import DagforgeWire
import Foundation

/// A chunk of a task log (`/log/detail`).
struct LogChunk: Encodable, Sendable {
    let lineNum: Int
    let message: String
}

/// Task instance logs (`LoggerServiceImpl`, reference §6.13), read from the task's log file, also while the
/// task still writes it.
struct TaskLogService: Sendable {
    let store: EngineStore
    let projects: ProjectService

    /// Lines `skipLineNum ..< skipLineNum + limit`; the first chunk starts with DolphinScheduler's header line.
    func detail(projectCode: Int64? = nil, taskInstanceId: Int, skipLineNum: Int, limit: Int) async throws -> LogChunk {
        let (task, path) = try await located(projectCode: projectCode, taskInstanceId: taskInstanceId)
        var lines: [String] = []
        if skipLineNum == 0 { lines.append("[LOG-PATH]: \(path), [HOST]:  \(task.host ?? "")") }
        let wanted = max(limit, 0)
        var index = 0
        if let reader = LineReader(path: path) {
            while lines.count < wanted + (skipLineNum == 0 ? 1 : 0), let line = reader.next() {
                if index >= skipLineNum { lines.append(line) }
                index += 1
            }
        }
        let message = lines.isEmpty ? "" : lines.joined(separator: "\r\n") + "\r\n"
        return LogChunk(lineNum: lines.count, message: message)
    }

    /// The whole log file.
    func download(projectCode: Int64? = nil, taskInstanceId: Int) async throws -> String {
        let (_, path) = try await located(projectCode: projectCode, taskInstanceId: taskInstanceId)
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    private func located(projectCode: Int64?, taskInstanceId: Int) async throws -> (TaskInstance, String) {
        if let projectCode { _ = try await projects.existing(projectCode) }
        guard let found = try await store.taskInstance(id: Int64(taskInstanceId)),
              projectCode == nil || found.task.projectCode == projectCode else {
            throw ServiceError(.taskInstanceNotFound)
        }
        guard let host = found.task.host, !host.isEmpty else { throw ServiceError(.taskInstanceHostIsNull) }
        guard let path = found.task.logPath, !path.isEmpty else {
            throw ServiceError(.queryTaskInstanceLogError, "task log path is empty")
        }
        return (found.task, path)
    }
}

/// Reads a file line by line through a small buffer (logs can be large).
final class LineReader {
    private let handle: FileHandle
    private var buffer = Data()
    private var atEnd = false

    init?(path: String) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        self.handle = handle
    }

    deinit { try? handle.close() }

    func next() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer.removeSubrange(buffer.startIndex...newline)
                return String(decoding: line, as: UTF8.self)
            }
            if atEnd {
                guard !buffer.isEmpty else { return nil }
                defer { buffer.removeAll() }
                return String(decoding: buffer, as: UTF8.self)
            }
            let chunk = (try? handle.read(upToCount: 64 * 1024)) ?? nil
            if let chunk, !chunk.isEmpty { buffer.append(chunk) } else { atEnd = true }
        }
    }
}
