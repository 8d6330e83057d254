import Glibc

/// Converts byte offsets to 1-based lines and 1-based columns counted in characters (UTF-8 scalars).
struct LineIndex {
    private let bytes: UnsafeBufferPointer<UInt8>

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Lines and columns of `offsets`, in the same order, computed in one pass over the bytes up to the
    /// last offset, so that many positions on one very long line stay cheap. Columns count characters
    /// (UTF-8 continuation bytes are skipped).
    func locate(_ offsets: [Int]) -> [(line: Int, column: Int)] {
        var result = Array(repeating: (line: 1, column: 1), count: offsets.count)
        guard let base = bytes.baseAddress else { return result }
        // Newlines are counted without tracking columns; the column is counted from the line's start, or
        // from the previous offset when no newline came between.
        var line = 1, cursor = 0
        var columnCursor = 0, column = 1
        for index in sortedIndices(offsets) {
            let offset = min(max(offsets[index], 0), bytes.count)
            var newlines = 0
            // memchr jumps from newline to newline: lines are tens of bytes, and most bytes hold none.
            while cursor < offset, let found = memchr(base + cursor, Int32(ASCII.newline), offset - cursor) {
                newlines += 1
                cursor = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found)) + 1
            }
            cursor = max(cursor, offset)
            if newlines > 0 {
                line += newlines
                columnCursor = offset
                while base[columnCursor - 1] != ASCII.newline { columnCursor -= 1 }
                column = 1
            }
            while columnCursor < offset {
                column &+= base[columnCursor] & 0xC0 != 0x80 ? 1 : 0
                columnCursor += 1
            }
            result[index] = (line, column)
        }
        return result
    }

    /// The indices of `offsets` in increasing order of offset; most lists are already in order.
    private func sortedIndices(_ offsets: [Int]) -> [Int] {
        var ordered = true
        for index in offsets.indices.dropFirst() where offsets[index] < offsets[index - 1] {
            ordered = false
            break
        }
        if ordered { return Array(offsets.indices) }
        return offsets.indices.sorted { offsets[$0] < offsets[$1] }
    }
}
