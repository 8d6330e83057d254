extension SQLLineage {
    /// One line of JSON: `{"file": ..., "reads": [...], "writes": [...], "warnings": [...]}`.
    ///
    /// `reads` and `writes` are always present and hold names only (already de-duplicated and sorted);
    /// `file` only when given; `warnings` only when there are some, each `{"line", "column", "message"}`.
    public func jsonLine(file: String? = nil) -> String {
        var output: [UInt8] = []
        appendJSONLine(file: file, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends `jsonLine(file:)`'s bytes to `output`: a batch renders many files into one buffer.
    public func appendJSONLine(file: String? = nil, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "{"))
        if let file {
            output.append(contentsOf: #""file": "#.utf8)
            appendJSONString(file, to: &output)
            output.append(contentsOf: ", ".utf8)
        }
        output.append(contentsOf: #""reads": "#.utf8)
        appendNames(reads, to: &output)
        output.append(contentsOf: #", "writes": "#.utf8)
        appendNames(writes, to: &output)
        if !warnings.isEmpty {
            output.append(contentsOf: #", "warnings": ["#.utf8)
            for (index, warning) in warnings.enumerated() {
                if index > 0 { output.append(contentsOf: ", ".utf8) }
                output.append(contentsOf: #"{"line": \#(warning.line), "column": \#(warning.column), "message": "#.utf8)
                appendJSONString(warning.message, to: &output)
                output.append(UInt8(ascii: "}"))
            }
            output.append(UInt8(ascii: "]"))
        }
        output.append(UInt8(ascii: "}"))
    }

    /// The names in list order, each once (a name can repeat with different schemas in effect).
    private func appendNames(_ references: [TableReference], to output: inout [UInt8]) {
        output.append(UInt8(ascii: "["))
        var previous: String?
        for reference in references where previous != reference.name {
            if previous != nil { output.append(contentsOf: ", ".utf8) }
            appendJSONString(reference.name, to: &output)
            previous = reference.name
        }
        output.append(UInt8(ascii: "]"))
    }
}

/// Appends `value` as a JSON string literal.
func appendJSONString(_ value: String, to output: inout [UInt8]) {
    var value = value
    value.withUTF8 { bytes in
        output.append(UInt8(ascii: "\""))
        // Table names and most messages need no escaping: they are copied whole.
        if !bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            output.append(contentsOf: bytes)
        } else {
            for byte in bytes { appendEscaped(byte, to: &output) }
        }
        output.append(UInt8(ascii: "\""))
    }
}

private func appendEscaped(_ byte: UInt8, to output: inout [UInt8]) {
    switch byte {
    case UInt8(ascii: "\""): output.append(contentsOf: #"\""#.utf8)
    case UInt8(ascii: "\\"): output.append(contentsOf: #"\\"#.utf8)
    case UInt8(ascii: "\n"): output.append(contentsOf: #"\n"#.utf8)
    case UInt8(ascii: "\r"): output.append(contentsOf: #"\r"#.utf8)
    case UInt8(ascii: "\t"): output.append(contentsOf: #"\t"#.utf8)
    case 0..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        output.append(contentsOf: #"\u00"#.utf8)
        output.append(hex[Int(byte >> 4)])
        output.append(hex[Int(byte & 0xF)])
    default: output.append(byte)
    }
}
