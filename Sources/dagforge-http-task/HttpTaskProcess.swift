import DagforgeHttpCall
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `dagforge-http-task REQUEST-FILE RESPONSE-FILE`: sends the ``HttpCall`` in REQUEST-FILE with URLSession, writes
/// the response body to RESPONSE-FILE and one ``HttpCallResult`` line to standard output (exit status 1 when the
/// request failed). The engine runs one for each HTTP task, like the processes of its other task types, so that
/// URLSession's libcurl and the ~25 libraries it loads (TLS, Kerberos, LDAP, SSH) never enter the engine's own
/// long-running process.
@main
struct HttpTaskProcess {
    static func main() async {
        let arguments = CommandLine.arguments
        guard arguments.count == 3 else {
            report(HttpCallResult(error: "usage: dagforge-http-task REQUEST-FILE RESPONSE-FILE"))
            exit(2)
        }
        do {
            let call = try JSONDecoder().decode(HttpCall.self, from: Data(contentsOf: URL(fileURLWithPath: arguments[1])))
            let (status, body) = try await send(call)
            try body.write(to: URL(fileURLWithPath: arguments[2]))
            report(HttpCallResult(status: status))
        } catch {
            report(HttpCallResult(error: error.localizedDescription))
            exit(1)
        }
    }

    private static func send(_ call: HttpCall) async throws -> (Int, Data) {
        guard let url = URL(string: call.url) else { throw URLError(.badURL) }
        var request = URLRequest(url: url)
        request.httpMethod = call.method
        request.timeoutInterval = call.timeout
        request.httpBody = call.body.map { Data($0.utf8) }
        for header in call.headers {
            request.addValue(header.value, forHTTPHeaderField: header.name)
        }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = request.timeoutInterval
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    private static func report(_ result: HttpCallResult) {
        var line = (try? JSONEncoder().encode(result)) ?? Data()
        line.append(UInt8(ascii: "\n"))
        FileHandle.standardOutput.write(line)
    }
}
