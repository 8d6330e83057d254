import DagforgeWire
import Foundation

/// `LoggerController` (reference §6.13): task logs, in chunks of lines or whole.
struct LoggerController: Sendable {
    let logs: TaskLogService

    private static let chunk: [EndpointParameter] = [
        .required("taskInstanceId", .int32), .required("skipLineNum", .int32), .required("limit", .int32),
    ]

    var endpoints: [Endpoint] {
        [
            Endpoint(.get, "/log/detail", "Lines of a task log", tag: "log", error: .queryTaskInstanceLogError,
                     parameters: Self.chunk) { input in
                try .ok(try await logs.detail(taskInstanceId: try input.int("taskInstanceId"),
                                              skipLineNum: try input.int("skipLineNum"), limit: try input.int("limit")))
            },
            Endpoint(.get, "/log/{projectCode}/detail", "Lines of a task log, as text", tag: "log",
                     error: .queryTaskInstanceLogError, parameters: [.projectCode] + Self.chunk) { input in
                try .ok(try await logs.detail(projectCode: try input.int64("projectCode"),
                                              taskInstanceId: try input.int("taskInstanceId"),
                                              skipLineNum: try input.int("skipLineNum"), limit: try input.int("limit")).message)
            },
            Endpoint(.get, "/log/download-log", "A whole task log file", tag: "log", error: .downloadTaskInstanceLogFileError,
                     parameters: [.required("taskInstanceId", .int32)]) { input in
                Self.file(try await logs.download(taskInstanceId: try input.int("taskInstanceId")))
            },
            Endpoint(.get, "/log/{projectCode}/download-log", "A whole task log file", tag: "log",
                     error: .downloadTaskInstanceLogFileError,
                     parameters: [.projectCode, .required("taskInstanceId", .int32)]) { input in
                Self.file(try await logs.download(projectCode: try input.int64("projectCode"),
                                                  taskInstanceId: try input.int("taskInstanceId")))
            },
        ]
    }

    private static func file(_ text: String) -> Reply {
        var reply = Reply.raw(text, contentType: "application/octet-stream")
        let name = Int64(Date().timeIntervalSince1970 * 1000)
        reply.headers[.contentDisposition] = "attachment; filename=\"\(name).log\""
        return reply
    }
}
