/// Reads `application/x-www-form-urlencoded` text and query strings the way Spring does, leniently: a leading
/// `?` or `?&` is ignored (DolphinScheduler's own API tests send that), `+` is a space, and a value whose
/// percent-encoding is broken (tests send raw JSON) is kept as written. The first value of a name wins.
enum FormDecoding {
    static func parse(_ text: Substring, into parameters: inout [String: String]) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            var name = decode(parts[0])
            if name.hasPrefix("?") { name.removeFirst() }
            guard !name.isEmpty, parameters[name] == nil else { continue }
            parameters[name] = parts.count > 1 ? decode(parts[1]) : ""
        }
    }

    /// `+` → space and `%XY` → byte, on UTF-8 bytes (request bodies carry whole workflows); when any escape
    /// is broken or the bytes are not UTF-8, only the `+` are replaced.
    static func decode(_ text: Substring) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "%") }) else { return String(text) }
        let spaced = bytes.map { $0 == UInt8(ascii: "+") ? UInt8(ascii: " ") : $0 }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(spaced.count)
        var index = 0
        while index < spaced.count {
            guard spaced[index] == UInt8(ascii: "%") else {
                decoded.append(spaced[index])
                index += 1
                continue
            }
            guard index + 2 < spaced.count, let high = hexValue(spaced[index + 1]), let low = hexValue(spaced[index + 2]) else {
                return String(decoding: spaced, as: UTF8.self)
            }
            decoded.append(high << 4 | low)
            index += 3
        }
        return String(validating: decoded, as: UTF8.self) ?? String(decoding: spaced, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
