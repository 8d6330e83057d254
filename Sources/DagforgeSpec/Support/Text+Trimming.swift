/// Trimming and name-character tests on UTF-8 bytes. Foundation's `trimmingCharacters(in:)` bridges
/// through NSString and `Character.isLetter` looks up Unicode properties; both showed up in the profile of
/// `validate` on 40,000 tasks, where they run on every header line and placeholder.
extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    public func trimmingBlanks() -> String {
        Substring(self).trimmed { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// The text without leading and trailing ASCII whitespace (spaces, tabs, line breaks, form feeds).
    public func trimmingWhitespace() -> String {
        Substring(self).trimmed { $0 == UInt8(ascii: " ") || (0x09...0x0D).contains($0) }
    }
}

extension Character {
    /// A letter, a digit, `_` or `-`: the characters of variable names and header keys. ASCII is answered
    /// without a Unicode property lookup.
    public var isNameCharacter: Bool {
        if let ascii = asciiValue { return ascii.isASCIINameCharacter }
        return isLetter || isNumber
    }
}

extension UInt8 {
    /// An ASCII letter, digit, `_` or `-`.
    var isASCIINameCharacter: Bool {
        (self >= 0x61 && self <= 0x7A) || (self >= 0x41 && self <= 0x5A) || (self >= 0x30 && self <= 0x39)
            || self == UInt8(ascii: "_") || self == UInt8(ascii: "-")
    }
}

private extension Substring {
    func trimmed(where isTrimmed: (UInt8) -> Bool) -> String {
        guard let first = utf8.firstIndex(where: { !isTrimmed($0) }),
              let last = utf8.lastIndex(where: { !isTrimmed($0) }) else { return "" }
        return String(self[first...last])
    }
}
