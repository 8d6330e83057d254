/// Replaces `${name}` placeholders the way DolphinScheduler's (Spring-derived) placeholder helper does:
/// names may themselves contain placeholders (`${a_${b}}`), replacement values are resolved again (chains), an
/// unknown name is left as written, and a name that refers back to itself is an error.
enum PlaceholderText {
    static func replace(in text: String, values: [String: String]) throws(ParameterError) -> String {
        var visiting = Set<String>()
        return try replace(Array(text), values: values, visiting: &visiting)
    }

    private static let prefix: [Character] = ["$", "{"]

    private static func replace(_ input: [Character], values: [String: String],
                                visiting: inout Set<String>) throws(ParameterError) -> String {
        var result = input
        var start = find(prefix, in: result, from: 0)
        while let startIndex = start {
            guard let endIndex = closingBrace(in: result, from: startIndex + prefix.count) else { break }
            let rawName = Array(result[(startIndex + prefix.count)..<endIndex])
            let original = String(rawName)
            guard visiting.insert(original).inserted else {
                throw ParameterError("circular parameter reference '${\(original)}'")
            }
            let name = try replace(rawName, values: values, visiting: &visiting)
            if let value = values[name] {
                let resolved = Array(try replace(Array(value), values: values, visiting: &visiting))
                result.replaceSubrange(startIndex...endIndex, with: resolved)
                start = find(prefix, in: result, from: startIndex + resolved.count)
            } else {
                start = find(prefix, in: result, from: endIndex + 1)
            }
            visiting.remove(original)
        }
        return String(result)
    }

    private static func find(_ needle: [Character], in haystack: [Character], from: Int) -> Int? {
        guard from <= haystack.count - needle.count else { return nil }
        return (from...(haystack.count - needle.count)).first { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    /// The index of the `}` closing a placeholder whose name starts at `from`, skipping nested `{...}` pairs.
    private static func closingBrace(in text: [Character], from: Int) -> Int? {
        var depth = 0
        var index = from
        while index < text.count {
            switch text[index] {
            case "}":
                if depth == 0 { return index }
                depth -= 1
            case "{":
                depth += 1
            default:
                break
            }
            index += 1
        }
        return nil
    }
}
