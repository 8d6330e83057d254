import Foundation

/// One entry of DolphinScheduler's result-code table (`API/enums/Status.java`, reference §12): the code that
/// goes on the wire and its English message template. Templates keep `java.text.MessageFormat` placeholders
/// (`{0}`, `{1}`); `message(_:)` fills them the way MessageFormat does.
public struct Status: Hashable, Sendable {
    public let code: Int
    public let template: String

    public init(_ code: Int, _ template: String) {
        self.code = code
        self.template = template
    }

    /// The template with its placeholders filled. A placeholder without an argument stays literal, and
    /// integer arguments get MessageFormat's digit grouping (`12,345,678`), as DolphinScheduler prints them.
    public func message(_ arguments: [StatusArgument] = []) -> String {
        guard !arguments.isEmpty else { return template }
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}"),
                  let index = Int(rest[afterOpen..<close]), arguments.indices.contains(index) else {
                result += "{"
                rest = rest[afterOpen...]
                continue
            }
            result += arguments[index].messageText
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}

/// A MessageFormat argument: text is inserted as is, integers with digit grouping.
public enum StatusArgument: Hashable, Sendable, ExpressibleByStringLiteral {
    case text(String)
    case number(Int64)

    public init(stringLiteral value: String) { self = .text(value) }

    var messageText: String {
        switch self {
        case .text(let text): return text
        case .number(let value):
            let digits = String(value.magnitude)
            var grouped = ""
            for (offset, digit) in digits.enumerated() {
                if offset > 0, (digits.count - offset) % 3 == 0 { grouped.append(",") }
                grouped.append(digit)
            }
            return value < 0 ? "-" + grouped : grouped
        }
    }
}
