import DagforgeWire
import Foundation

/// Resolves a task's parameters with DolphinScheduler's precedence and expression rules.
public enum ParameterResolver {
    /// Merges the scope by precedence and evaluates every value holding `${...}` or `$[...]`.
    public static func resolve(_ scope: ParameterScope, now: Date = Date()) throws(ParameterError) -> ResolvedParameters {
        var merged: [String: Property] = [:]
        func put(_ values: [String: String]) {
            for (name, value) in values { merged[name] = Property(prop: name, value: value) }
        }
        put(scope.businessTime.parameters(now: now))
        put(scope.builtIns)
        put(scope.project)
        for property in scope.global { merged[property.prop] = property }
        for property in scope.varPool { merged[property.prop] = property }
        for property in scope.local where property.direct == .IN { merged[property.prop] = property }
        put(scope.start)

        let raw = ResolvedParameters(properties: merged, timeZone: scope.businessTime.timeZone, now: now)
        var resolved = merged
        for (name, property) in merged where property.value.contains("$") {
            resolved[name]?.value = try raw.render(property.value)
        }
        // A scheduled run's system.datetime is its schedule time, whatever a parameter tried to set.
        if let scheduleTime = scope.businessTime.scheduleTime {
            let text = try JavaDateFormat.format(scheduleTime, pattern: "yyyyMMddHHmmss", in: scope.businessTime.timeZone)
            resolved[BusinessTime.dateTime] = Property(prop: BusinessTime.dateTime, value: text)
        }
        return ResolvedParameters(properties: resolved, timeZone: scope.businessTime.timeZone, now: now)
    }
}

/// A task's parameters after resolution, able to render scripts, SQL and URLs.
public struct ResolvedParameters: Sendable {
    public let properties: [String: Property]
    let timeZone: TimeZone
    let now: Date

    init(properties: [String: Property], timeZone: TimeZone, now: Date) {
        self.properties = properties
        self.timeZone = timeZone
        self.now = now
    }

    public var values: [String: String] { properties.mapValues(\.value) }

    public subscript(name: String) -> String? { properties[name]?.value }

    /// Replaces `${name}` placeholders, then `$[time expression]` placeholders relative to `system.datetime`
    /// (DolphinScheduler's `ParameterUtils.convertParameterPlaceholders`).
    public func render(_ text: String) throws(ParameterError) -> String {
        guard text.contains("$") else { return text }
        let replaced = try PlaceholderText.replace(in: text, values: values)
        // An unparsable system.datetime leaves time placeholders untouched, as DolphinScheduler does.
        guard let evaluator = timeEvaluator() else { return replaced }
        return try Self.replaceTimePlaceholders(in: replaced, evaluator: evaluator)
    }

    /// Evaluates `$[...]` relative to `system.datetime` (the schedule time), or now when there is none.
    func timeEvaluator() -> TimePlaceholder? {
        guard let dateTime = properties[BusinessTime.dateTime]?.value else {
            return TimePlaceholder(base: now, zone: timeZone)
        }
        guard let base = try? JavaDateFormat.parse(dateTime, pattern: "yyyyMMddHHmmss", in: timeZone) else { return nil }
        return TimePlaceholder(base: base, zone: timeZone)
    }

    /// Replaces each `$[expr]` (expr holding neither `$` nor `]`); a lone digit such as `$[1]` is left alone.
    static func replaceTimePlaceholders(in text: String, evaluator: TimePlaceholder) throws(ParameterError) -> String {
        var output = ""
        var rest = Substring(text)
        while let open = rest.range(of: "$[") {
            output += rest[..<open.lowerBound]
            let body = rest[open.upperBound...]
            guard let close = body.firstIndex(where: { $0 == "]" || $0 == "$" }), body[close] == "]",
                  close > body.startIndex else {
                output += "$"
                rest = rest[rest.index(after: open.lowerBound)...]
                continue
            }
            let expression = String(body[..<close])
            if expression.count == 1, expression.first?.isNumber == true {
                output += "$[\(expression)]"
            } else {
                do {
                    output += try evaluator.evaluate(expression)
                } catch {
                    throw ParameterError("unsupported time placeholder '$[\(expression)]': \(error)")
                }
            }
            rest = body[body.index(after: close)...]
        }
        return output + rest
    }
}
