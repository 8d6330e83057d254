/// Line diffs in the unified format of `diff -u` (hunk headers `@@ -a,b +c,d @@`, `-`/`+`/space lines,
/// `\ No newline at end of file`), computed with Myers' O((N+M)·D) shortest-edit-script algorithm.
public enum UnifiedDiff {
    /// The hunks of a diff from `old` to `new`, without file headers; empty when the texts are equal.
    public static func hunks(old: String, new: String, context: Int = 3) -> String {
        let a = lines(old), b = lines(new)
        let script = edits(a, b)
        guard script.contains(where: { if case .equal = $0 { false } else { true } }) else { return "" }
        var output: [String] = []
        for range in hunkRanges(script, context: context) {
            output.append(header(script, range))
            for edit in script[range] {
                switch edit {
                case .equal(let i, _): append(" ", a[i], to: &output)
                case .delete(let i): append("-", a[i], to: &output)
                case .insert(let j): append("+", b[j], to: &output)
                }
            }
        }
        return output.joined(separator: "\n") + "\n"
    }

    /// A line and whether a newline ended it (only the last line of a text may lack one).
    struct Line: Hashable {
        var text: Substring
        var terminated: Bool
    }

    enum Edit: Hashable {
        case equal(Int, Int)
        case delete(Int)
        case insert(Int)
    }

    static func lines(_ text: String) -> [Line] {
        guard !text.isEmpty else { return [] }
        var parts = text.split(separator: "\n", omittingEmptySubsequences: false)
        let terminated = parts.last == ""
        if terminated { parts.removeLast() }
        return parts.enumerated().map { Line(text: $1, terminated: terminated || $0 < parts.count - 1) }
    }

    private static func append(_ sign: String, _ line: Line, to output: inout [String]) {
        output.append(sign + line.text)
        if !line.terminated { output.append("\\ No newline at end of file") }
    }

    /// Myers' greedy forward search, then a walk back through the saved frontiers.
    static func edits(_ a: [Line], _ b: [Line]) -> [Edit] {
        let n = a.count, m = b.count
        let limit = n + m
        guard limit > 0 else { return [] }
        // Very long, very different texts: one replacement hunk instead of an O(N·D) trace.
        if n * m > 25_000_000 && a != b {
            return (0..<n).map { .delete($0) } + (0..<m).map { .insert($0) }
        }
        let offset = limit + 1
        var frontier = [Int](repeating: 0, count: 2 * limit + 3)
        var trace: [[Int]] = []
        search: for d in 0...limit {
            trace.append(frontier)
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1]))
                    ? frontier[offset + k + 1] : frontier[offset + k - 1] + 1
                var y = x - k
                while x < n && y < m && a[x] == b[y] {
                    x += 1
                    y += 1
                }
                frontier[offset + k] = x
                if x >= n && y >= m { break search }
            }
        }
        var x = n, y = m
        var result: [Edit] = []
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let previousK = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? k + 1 : k - 1
            let previousX = v[offset + previousK]
            let previousY = previousX - previousK
            while x > previousX && y > previousY {
                result.append(.equal(x - 1, y - 1))
                x -= 1
                y -= 1
            }
            if d > 0 { result.append(x == previousX ? .insert(y - 1) : .delete(x - 1)) }
            x = previousX
            y = previousY
        }
        return result.reversed()
    }

    /// Index ranges of the edit script that form hunks: changes plus `context` equal lines around them,
    /// merged when two changes are at most 2·context equal lines apart.
    private static func hunkRanges(_ script: [Edit], context: Int) -> [Range<Int>] {
        let changes = script.indices.filter { if case .equal = script[$0] { false } else { true } }
        var ranges: [Range<Int>] = []
        var start = max(0, changes[0] - context)
        var end = changes[0] + 1
        for index in changes.dropFirst() {
            if index - end > 2 * context {
                ranges.append(start..<min(script.count, end + context))
                start = index - context
            }
            end = index + 1
        }
        ranges.append(start..<min(script.count, end + context))
        return ranges
    }

    /// `@@ -oldStart,oldCount +newStart,newCount @@`, where a start counts the lines before the hunk.
    private static func header(_ script: [Edit], _ hunk: Range<Int>) -> String {
        func counts(_ edits: ArraySlice<Edit>) -> (old: Int, new: Int) {
            edits.reduce(into: (0, 0)) { total, edit in
                switch edit {
                case .equal: total.0 += 1; total.1 += 1
                case .delete: total.0 += 1
                case .insert: total.1 += 1
                }
            }
        }
        let before = counts(script[..<hunk.lowerBound]), inside = counts(script[hunk])
        return "@@ -\(range(before.old, inside.old)) +\(range(before.new, inside.new)) @@"
    }

    /// GNU diff's form: `start,count`, `start` alone for one line, `before,0` for none.
    private static func range(_ before: Int, _ count: Int) -> String {
        switch count {
        case 0: "\(before),0"
        case 1: "\(before + 1)"
        default: "\(before + 1),\(count)"
        }
    }
}
