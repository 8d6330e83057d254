/// A parameter expression that cannot be resolved; the task using it fails with this message.
public struct ParameterError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
