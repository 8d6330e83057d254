import DagforgeWire

/// Task codes of the same workflow that CONDITIONS and SWITCH parameters name (reference §9.6, §9.7).
/// The compiler writes them as placeholders; the deployer maps them to engine codes, and plan maps them to
/// task names so that two engines' copies compare equal.
enum LocalTaskReferences {
    static func map(_ params: JSONValue, taskType: String, _ transform: (Int64) -> JSONValue) -> JSONValue {
        switch taskType {
        case TaskType.conditions:
            var result = params
            result = edit(result, ["dependence", "dependTaskList"]) { groups in
                mapEach(groups) { group in
                    edit(group, ["dependItemList"]) { items in
                        mapEach(items) { item in edit(item, ["depTaskCode"]) { code(in: $0, transform) } }
                    }
                }
            }
            result = edit(result, ["conditionResult", "successNode"]) { code(in: $0, transform) }
            result = edit(result, ["conditionResult", "failedNode"]) { code(in: $0, transform) }
            return result
        case TaskType.switch:
            var result = edit(params, ["switchResult", "dependTaskList"]) { cases in
                mapEach(cases) { item in edit(item, ["nextNode"]) { code(in: $0, transform) } }
            }
            result = edit(result, ["switchResult", "nextNode"]) { code(in: $0, transform) }
            return result
        default:
            return params
        }
    }

    /// A code, or each code of an array of codes.
    private static func code(in value: JSONValue, _ transform: (Int64) -> JSONValue) -> JSONValue {
        switch value {
        case .array(let items): return .array(items.map { code(in: $0, transform) })
        case .int(let number): return transform(number)
        case .string(let text): return Int64(text).map(transform) ?? value
        default: return value
        }
    }

    private static func mapEach(_ value: JSONValue, _ transform: (JSONValue) -> JSONValue) -> JSONValue {
        guard case .array(let items) = value else { return value }
        return .array(items.map(transform))
    }

    /// Applies `transform` to the value at `path` when the path exists.
    private static func edit(_ value: JSONValue, _ path: [String], _ transform: (JSONValue) -> JSONValue) -> JSONValue {
        guard let key = path.first else { return transform(value) }
        guard case .object(var object) = value, let child = object[key] else { return value }
        object[key] = edit(child, Array(path.dropFirst()), transform)
        return .object(object)
    }
}
