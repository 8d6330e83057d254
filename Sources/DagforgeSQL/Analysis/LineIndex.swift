/// Converts byte offsets to 1-based lines and 1-based columns counted in characters (UTF-8 scalars).
struct LineIndex {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let lineStarts: [Int]

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == ASCII.newline { starts.append(offset + 1) }
        lineStarts = starts
    }

    /// Lines and columns of `offsets`, in the same order, computed in one pass over the bytes so that many
    /// positions on one very long line stay cheap.
    func locate(_ offsets: [Int]) -> [(line: Int, column: Int)] {
        var result = Array(repeating: (line: 1, column: 1), count: offsets.count)
        var line = 0, cursor = 0, column = 1
        for index in offsets.indices.sorted(by: { offsets[$0] < offsets[$1] }) {
            let offset = offsets[index]
            while line + 1 < lineStarts.count && lineStarts[line + 1] <= offset {
                line += 1
                cursor = lineStarts[line]
                column = 1
            }
            while cursor < offset && cursor < bytes.count {
                if bytes[cursor] & 0xC0 != 0x80 { column += 1 }
                cursor += 1
            }
            result[index] = (line + 1, column)
        }
        return result
    }
}
