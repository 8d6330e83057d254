import DagforgeWire

/// A refusal by a service, carrying DolphinScheduler's status and formatted message. `returned` marks the
/// errors DolphinScheduler returns as a result rather than throws: those keep the endpoint's HTTP status
/// (201 on create endpoints), thrown ones answer 200 (reference §1.4).
struct ServiceError: Error, Sendable {
    let status: Status
    let message: String
    let returned: Bool

    init(_ status: Status, _ arguments: StatusArgument...) {
        self.init(status: status, arguments: arguments, returned: false)
    }

    /// An error DolphinScheduler returns in the result (see `returned`).
    static func returned(_ status: Status, _ arguments: StatusArgument...) -> ServiceError {
        ServiceError(status: status, arguments: arguments, returned: true)
    }

    private init(status: Status, arguments: [StatusArgument], returned: Bool) {
        self.status = status
        self.message = status.message(arguments)
        self.returned = returned
    }
}
