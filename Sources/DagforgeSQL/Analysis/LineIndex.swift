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
        var line = 1, column = 1, cursor = 0
        for index in offsets.indices.sorted(by: { offsets[$0] < offsets[$1] }) {
            let offset = min(offsets[index], bytes.count)
            while cursor < offset {
                let byte = bytes[cursor]
                if byte == ASCII.newline {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
                cursor += 1
            }
            result[index] = (line, column)
        }
        return result
    }
}
