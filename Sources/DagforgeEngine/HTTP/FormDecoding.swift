import Foundation

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

    static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
