/// "Did you mean" for near-miss names: unknown keys, header keys, upstream tasks, workflows, variables.
/// One helper so every message suggests the same way.
public enum NameSuggestion {
    /// The candidate closest to `name`, if it is close enough to be a plausible typo.
    public static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        let limit = maximumDistance(for: name)
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != name {
            let distance = editDistance(name.lowercased(), candidate.lowercased())
            if distance <= limit, distance < (best?.distance ?? Int.max)
                || (distance == best?.distance && candidate < best!.name) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// Whether `name` is a near miss of one of `candidates` (used to tell a misspelt header key from an
    /// ordinary comment such as `-- note: ...`).
    public static func isNearMiss(_ name: String, of candidates: some Sequence<String>) -> Bool {
        closest(to: name, in: candidates) != nil
    }

    /// ` (did you mean 'x'?)` or an empty string.
    public static func phrase(for name: String, in candidates: some Sequence<String>) -> String {
        closest(to: name, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    private static func maximumDistance(for name: String) -> Int {
        switch name.count {
        case ..<3: 0
        case ..<5: 1
        case ..<9: 2
        default: 3
        }
    }

    /// Damerau–Levenshtein (optimal string alignment) distance, so `upstrem` and `upsteram` are one edit.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
