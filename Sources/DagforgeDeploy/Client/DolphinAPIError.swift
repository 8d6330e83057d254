/// A failed call to a DolphinScheduler-compatible engine: which call, what the engine said (its status
/// code and message, reference §12) and what to do about it. Never carries a token or password.
public struct DolphinAPIError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The envelope's `code` was not 0.
        case api(code: Int, message: String)
        /// HTTP 401 (reference §1.4): credentials missing, wrong or expired.
        case unauthorized
        /// An HTTP status DolphinScheduler does not use for answers (5xx, 404…).
        case httpStatus(Int)
        /// No HTTP answer at all (refused, timed out, DNS…).
        case transport(String)
        /// An answer that is not DolphinScheduler's envelope or not the expected payload.
        case unexpectedResponse(String)
    }

    public var kind: Kind
    public var method: String
    public var path: String
    public var hint: String

    public init(kind: Kind, method: String, path: String, hint: String) {
        self.kind = kind
        self.method = method
        self.path = path
        self.hint = hint
    }

    /// DolphinScheduler's status code, when the engine answered with one.
    public var code: Int? {
        if case .api(let code, _) = kind { return code }
        return nil
    }

    public var description: String {
        let what: String
        switch kind {
        case .api(let code, let message): what = "DolphinScheduler answered code \(code): \(message)"
        case .unauthorized: what = "HTTP 401 (not authenticated)"
        case .httpStatus(let status): what = "HTTP \(status)"
        case .transport(let detail): what = "no answer (\(detail))"
        case .unexpectedResponse(let detail): what = "unexpected answer (\(detail))"
        }
        return "\(method) \(path) failed: \(what)\nhint: \(hint)"
    }

    /// What to do about a status code, for the codes a deployer meets (reference §12).
    static func hint(forCode code: Int) -> String {
        switch code {
        case 10018, 10190: "the project does not exist or this user cannot see it: check `project:` in the environment file and the user's project grants"
        case 10019: "the project was created by someone else meanwhile: run the command again"
        case 10168: "a workflow with this name already exists in the project (created since the plan was made): run `dagforge plan` again"
        case 50003, 10152: "the workflow no longer exists on the engine (deleted since the plan was made): run `dagforge plan` again"
        case 50008, 50021, 10023, 50023: "the workflow or its schedule was brought ONLINE by someone during apply; dagforge takes them offline before editing: run `dagforge apply` again"
        case 30001, 30002, 30003: "this user lacks permission on the project: grant it (Security → Users → Project authorize) or use an admin user's token"
        case 50004: "a workflow or one of its SUB_PROCESS children is OFFLINE: `dagforge apply` brings deployed workflows online"
        case 10025: "no master server is running on the engine: start it and try again"
        case 50020: "the engine rejected a task's parameters: check the task (datasource, sql, rawScript, url) with `dagforge compile`"
        case 50019: "the workflow's DAG has a cycle: run `dagforge validate`"
        case 50030, 50036, 10001, 50017: "the engine rejected the request's data: run `dagforge validate`, and report the request if validate passes"
        case 10204: "the workflow already has a schedule (created since the plan was made): run `dagforge plan` again"
        case 10193: "other workflows' SUB_PROCESS or DEPENDENT tasks still point at this workflow: remove those references first"
        case 10163: "the workflow has running instances: wait for them or stop them, then run again"
        case 1400004: "the description is longer than 255 characters: shorten `description:` in workflow.yaml"
        case 10017: "the tenant does not exist on the engine: create it or fix `tenant:` in the environment file"
        case 10013: "user name or password wrong: check engine.user and engine.password"
        case 10148: "the user is disabled on the engine: ask an administrator to enable it"
        case 10207: "a start task does not exist in the current workflow version: check the task names"
        default: "see status \(code) in DolphinScheduler's API server log"
        }
    }
}
