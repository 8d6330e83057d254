import DagforgeWire

/// Turns two field maps into `FieldDiff`s: nested objects become dotted paths, multi-line strings get a
/// unified diff, everything else is shown as compact JSON.
enum FieldComparison {
    static func diffs(old: [String: JSONValue]?, new: [String: JSONValue]?, prefix: String = "") -> [FieldDiff] {
        if old == new { return [] }
        var oldFlat: [String: JSONValue] = [:], newFlat: [String: JSONValue] = [:]
        for (key, value) in old ?? [:] { flatten(value, path: prefix + key, into: &oldFlat) }
        for (key, value) in new ?? [:] { flatten(value, path: prefix + key, into: &newFlat) }
        return Set(oldFlat.keys).union(newFlat.keys).sorted().compactMap { path in
            let before = oldFlat[path], after = newFlat[path]
            guard before != after else { return nil }
            return diff(field: path, old: before, new: after)
        }
    }

    static func diff(field: String, old: JSONValue?, new: JSONValue?) -> FieldDiff {
        let oldText = old.map(display), newText = new.map(display)
        let multiline = (oldText?.contains("\n") ?? false) || (newText?.contains("\n") ?? false)
        let isText = (old?.stringValue != nil || old == nil) && (new?.stringValue != nil || new == nil)
        let unified = multiline && isText ? UnifiedDiff.hunks(old: oldText ?? "", new: newText ?? "") : nil
        return FieldDiff(field: field, old: oldText, new: newText, unifiedDiff: unified)
    }

    static func display(_ value: JSONValue) -> String {
        if case .string(let text) = value { return text }
        return value.compactString()
    }

    private static func flatten(_ value: JSONValue, path: String, into result: inout [String: JSONValue]) {
        if case .object(let object) = value, !object.isEmpty {
            for (key, child) in object { flatten(child, path: path + "." + key, into: &result) }
        } else {
            result[path] = value
        }
    }
}
