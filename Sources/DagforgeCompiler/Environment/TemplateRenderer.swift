import Foundation
import DagforgeSpec

/// Replaces `{{ name }}` with the environment's variables and `{{ env.NAME }}` with the process
/// environment. DolphinScheduler's runtime placeholders (`${param}`, `$[yyyyMMdd-1]`) are left untouched.
/// Values read from the process environment are remembered as secrets, so output can redact them.
struct TemplateRenderer {
    let environmentName: String
    let variables: [String: String]
    let processEnvironment: [String: String]
    /// `.error` when compiling for deployment, `.warning` for validation without the secrets at hand.
    let missingSecretSeverity: Diagnostic.Severity
    private(set) var secrets: Set<String> = []
    private(set) var diagnostics: [Diagnostic] = []

    init(environmentName: String, variables: [String: String], processEnvironment: [String: String],
         missingSecretSeverity: Diagnostic.Severity) {
        self.environmentName = environmentName
        self.variables = variables
        self.processEnvironment = processEnvironment
        self.missingSecretSeverity = missingSecretSeverity
    }

    /// `text` with every placeholder replaced; `start` is where `text` begins in its file. This runs over
    /// every script and SQL body once per environment.
    mutating func render(_ text: String, at start: SourceRange) -> String {
        scan(text, at: start, building: true) ?? text
    }

    /// Records what `render` would (unknown variables, unset `{{ env.* }}`) without building the text:
    /// validation needs the diagnostics of every SQL body in every environment, not the bodies.
    mutating func check(_ text: String, at start: SourceRange) {
        _ = scan(text, at: start, building: false)
    }

    /// The rendered text when `building` and `text` has placeholders; nil otherwise. Reads the string's own
    /// UTF-8 storage: most bodies are looked through once per environment and left as they are.
    private mutating func scan(_ text: String, at start: SourceRange, building: Bool) -> String? {
        var text = text
        return text.withUTF8 { scan($0, at: start, building: building) }
    }

    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, at start: SourceRange, building: Bool) -> String? {
        guard var open = Self.find(UInt8(ascii: "{"), in: bytes, from: 0) else { return nil }
        var output: [UInt8] = []
        if building { output.reserveCapacity(bytes.count) }
        var copied = 0
        while true {
            guard let close = Self.find(UInt8(ascii: "}"), in: bytes, from: open + 2) else { break }
            if building { output += bytes[copied..<open] }
            let inner = String(decoding: UnsafeBufferPointer(rebasing: bytes[(open + 2)..<close]), as: UTF8.self).trimmingBlanks()
            let value = value(of: inner, at: { Self.position(ofByte: open, in: bytes, start: start, length: close + 2 - open) })
            if building { output += value.map { Array($0.utf8) } ?? Array(bytes[open..<(close + 2)]) }
            copied = close + 2
            guard let next = Self.find(UInt8(ascii: "{"), in: bytes, from: copied) else { break }
            open = next
        }
        guard building else { return nil }
        output += bytes[copied...]
        return String(decoding: output, as: UTF8.self)
    }

    /// The index of the next doubled `byte` (`{{` or `}}`) at or after `index`.
    private static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var position = index
        while position + 1 < bytes.count {
            guard let found = memchr(base + position, Int32(byte), bytes.count - 1 - position) else { return nil }
            position = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if bytes[position + 1] == byte { return position }
            position += 1
        }
        return nil
    }

    private mutating func value(of name: String, at range: () -> SourceRange) -> String? {
        if name.hasPrefix("env.") {
            let key = String(name.dropFirst(4))
            guard let value = processEnvironment[key], !value.isEmpty else {
                diagnostics.append(Diagnostic(missingSecretSeverity, "DF403",
                                              "process environment variable '\(key)' is not set (environment '\(environmentName)')",
                                              hint: "Export \(key) before running dagforge; CI secrets usually provide it.", at: range()))
                return nil
            }
            secrets.insert(value)
            return value
        }
        guard !name.isEmpty, name.allSatisfy(\.isNameCharacter) else {
            diagnostics.append(Diagnostic(.error, "DF401", "malformed placeholder '{{ \(name) }}'",
                                          hint: "Write {{ variable }} or {{ env.NAME }}.", at: range()))
            return nil
        }
        guard let value = variables[name] else {
            diagnostics.append(Diagnostic(.error, "DF401", "undefined variable '\(name)' in environment '\(environmentName)'"
                                          + NameSuggestion.phrase(for: name, in: variables.keys),
                                          hint: "Define '\(name)' under `variables:` in environments/\(environmentName).yaml, or correct the name.",
                                          at: range()))
            return nil
        }
        return value
    }

    /// The file position of the byte at `offset` in `bytes`, which begin at `start`; computed only when a
    /// diagnostic needs it.
    private static func position(ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>, start: SourceRange,
                                 length: Int) -> SourceRange {
        let before = bytes[..<offset]
        let newlines = before.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        let lineStart = (before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 }) ?? 0
        let characters = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<offset]), as: UTF8.self).count
        let column = newlines == 0 ? start.start.column + characters : characters + 1
        let line = start.start.line + newlines
        let byteOffset = start.start.offset + offset
        return SourceRange(path: start.path, start: SourceLocation(line: line, column: column, offset: byteOffset),
                           end: SourceLocation(line: line, column: column + length, offset: byteOffset + length))
    }
}

extension TemplateRenderer {
    /// Drops the secrets and diagnostics collected so far.
    mutating func forgetCollected() {
        secrets = []
        diagnostics = []
    }

    /// Takes over another renderer's secrets and diagnostics.
    mutating func absorb(_ other: TemplateRenderer) {
        secrets.formUnion(other.secrets)
        diagnostics += other.diagnostics
    }
}
