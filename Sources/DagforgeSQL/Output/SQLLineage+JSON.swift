extension SQLLineage {
    /// One line of JSON: `{"file": ..., "reads": [...], "writes": [...], "warnings": [...]}`.
    ///
    /// `reads` and `writes` are always present and hold names only (already de-duplicated and sorted);
    /// `file` only when given; `warnings` only when there are some, each `{"line", "column", "message"}`.
    public func jsonLine(file: String? = nil) -> String {
        var output = "{"
        if let file {
            output += "\"file\": "
            appendJSONString(file, to: &output)
            output += ", "
        }
        output += "\"reads\": "
        appendNames(uniqueNames(reads), to: &output)
        output += ", \"writes\": "
        appendNames(uniqueNames(writes), to: &output)
        if !warnings.isEmpty {
            output += ", \"warnings\": ["
            for (index, warning) in warnings.enumerated() {
                if index > 0 { output += ", " }
                output += "{\"line\": \(warning.line), \"column\": \(warning.column), \"message\": "
                appendJSONString(warning.message, to: &output)
                output += "}"
            }
            output += "]"
        }
        output += "}"
        return output
    }

    /// Names in list order, each once (a name can repeat with different schemas in effect).
    private func uniqueNames(_ references: [TableReference]) -> [String] {
        var names: [String] = []
        for reference in references where names.last != reference.name { names.append(reference.name) }
        return names
    }

    private func appendNames(_ names: [String], to output: inout String) {
        output += "["
        for (index, name) in names.enumerated() {
            if index > 0 { output += ", " }
            appendJSONString(name, to: &output)
        }
        output += "]"
    }
}

/// Appends `value` as a JSON string literal.
func appendJSONString(_ value: String, to output: inout String) {
    output += "\""
    // Table names and most messages need no escaping: append them whole.
    if !value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
        output += value
        output += "\""
        return
    }
    for scalar in value.unicodeScalars {
        switch scalar {
        case "\"": output += "\\\""
        case "\\": output += "\\\\"
        case "\n": output += "\\n"
        case "\r": output += "\\r"
        case "\t": output += "\\t"
        default:
            if scalar.value < 0x20 {
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
    }
    output += "\""
}
