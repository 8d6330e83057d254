import DagforgeHttpCall
import DagforgeWire
import Foundation

/// HTTP tasks (DolphinScheduler's HttpTask): PARAMETER params go to the query string, the body is `httpBody` or
/// else a JSON object of the BODY params, HEADERS params become headers; success is judged by the check
/// condition; the response body is published as the OUT parameter `<task name>.response`. The request itself is
/// sent by a process of its own (``HttpCallProcess``).
public struct HttpTaskRunner: TaskRunner {
    public init() {}

    public func run(_ task: TaskRun) async -> TaskOutcome {
        guard FileManager.default.isExecutableFile(atPath: HttpCallProcess.executable) else {
            return fail(task, "cannot send the request: \(HttpCallProcess.executable) is missing; build it with "
                        + "`make release` (or `swift build`) and keep it next to dagforge-engine")
        }
        let request: HttpCall
        let parameters: HttpParameters
        do {
            parameters = try task.taskParams.decode(as: HttpParameters.self)
            request = try makeRequest(parameters, task: task)
        } catch let error as ParameterError {
            return fail(task, "parameter error: \(error.message)")
        } catch {
            return fail(task, "\(error)")
        }
        let log = task.log
        log.info("http request: \(parameters.httpMethod.rawValue) \(request.url)")
        let started = ContinuousClock.now
        let process = HttpCallProcess(task: task)
        let outcome = await withTimeout(task.timeout, log: log) {
            try await process.send(request)
        }
        switch outcome {
        case .finished(let (status, body)):
            log.info("statusCode : \(status), costTime : \(ContinuousClock.now - started), body : \(body)")
            let response = Property(prop: "\(task.taskName).response", direct: .OUT, value: body)
            let varPool = VarPool.merge([task.varPool, [response]])
            if let problem = Self.check(parameters, status: status, body: body) {
                return fail(task, problem, varPool: varPool)
            }
            return TaskOutcome(status: .SUCCESS, varPool: varPool, exitCode: 0)
        case .failed(let error):
            return fail(task, "\(parameters.url) connection failed: \(error.localizedDescription)")
        case .timedOut:
            return fail(task, "\(parameters.url) timed out")
        case .cancelled:
            log.info("task stopped")
            return TaskOutcome(status: .KILL, varPool: task.varPool, message: "stopped")
        }
    }

    private func makeRequest(_ parameters: HttpParameters, task: TaskRun) throws -> HttpCall {
        let render = task.parameters.render
        let params = try parameters.httpParams.map { param in
            (type: param.httpParametersType, name: try render(param.prop), value: try render(param.value))
        }
        let urlText = try render(parameters.url)
        guard var components = URLComponents(string: urlText), components.scheme != nil else {
            throw ParameterError("'\(urlText)' is not a valid URL")
        }
        let query = params.filter { $0.type == .PARAMETER }.map { URLQueryItem(name: $0.name, value: $0.value) }
        if !query.isEmpty { components.queryItems = (components.queryItems ?? []) + query }
        guard let url = components.url else { throw ParameterError("'\(urlText)' is not a valid URL") }

        var body = try parameters.httpBody.map(render) ?? ""
        if body.isEmpty && !params.isEmpty {
            let fields = params.filter { $0.type == .BODY }.map { ($0.name, JSONValue.string($0.value)) }
            body = JSONValue.object(Dictionary(fields, uniquingKeysWith: { _, last in last })).compactString()
        }
        var headers = body.isEmpty ? [] : [HttpCall.Header(name: "Content-Type", value: "application/json; charset=UTF-8")]
        headers += params.filter { $0.type == .HEADERS }.map { HttpCall.Header(name: $0.name, value: $0.value) }
        return HttpCall(method: parameters.httpMethod.rawValue, url: url.absoluteString, headers: headers,
                        body: body.isEmpty ? nil : body,
                        timeout: TimeInterval(max(parameters.connectTimeout, parameters.socketTimeout, 1)) / 1000)
    }

    /// Why the response fails the task's check condition, or nil when it passes.
    static func check(_ parameters: HttpParameters, status: Int, body: String) -> String? {
        let url = parameters.url
        switch parameters.httpCheckCondition {
        case .BODY_CONTAINS:
            return !body.isEmpty && body.contains(parameters.condition) ? nil : "\(url) doesn't contain \(parameters.condition)"
        case .BODY_NOT_CONTAINS:
            return !body.isEmpty && !body.contains(parameters.condition) ? nil : "\(url) contains \(parameters.condition)"
        case .STATUS_CODE_CUSTOM:
            return String(status) == parameters.condition ? nil : "\(url) statuscode: \(status), Must be: \(parameters.condition)"
        case .STATUS_CODE_DEFAULT:
            return status == 200 ? nil : "\(url) statuscode: \(status), Must be: 200"
        }
    }

    private func fail(_ task: TaskRun, _ message: String, varPool: [Property]? = nil) -> TaskOutcome {
        task.log.error(message)
        return .failure(message, varPool: varPool ?? task.varPool)
    }
}
