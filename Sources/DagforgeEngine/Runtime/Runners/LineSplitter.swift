import Glibc
import Synchronization

/// Splits bytes read from a non-blocking descriptor into lines. Used from one serial queue only; the lock
/// makes that explicit to the compiler.
final class LineSplitter: Sendable {
    private let pending = Mutex<[UInt8]>([])
    private let maxLineBytes: Int
    private let emit: @Sendable (String) -> Void

    init(maxLineBytes: Int, emit: @escaping @Sendable (String) -> Void) {
        self.maxLineBytes = maxLineBytes
        self.emit = emit
    }

    /// Reads everything available; returns true at end of file or on a read error.
    func drain(_ fd: Int32) -> Bool {
        // On the reading thread's stack: no 64 KB allocated and zeroed each time output arrives.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 65_536) { buffer in
            while true {
                let count = read(fd, buffer.baseAddress, buffer.count)
                if count > 0 {
                    append(buffer[0..<count])
                    continue
                }
                if count < 0 && (errno == EAGAIN || errno == EINTR) { return false }
                return true
            }
        }
    }

    /// Emits a final line without a trailing newline.
    func finish() {
        let rest = pending.withLock { bytes -> [UInt8] in
            defer { bytes.removeAll() }
            return bytes
        }
        if !rest.isEmpty { emit(String(decoding: rest, as: UTF8.self)) }
    }

    private func append(_ chunk: some Sequence<UInt8>) {
        let lines = pending.withLock { bytes -> [String] in
            var lines: [String] = []
            for byte in chunk {
                if byte == UInt8(ascii: "\n") {
                    if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
                    lines.append(String(decoding: bytes, as: UTF8.self))
                    bytes.removeAll(keepingCapacity: true)
                } else {
                    bytes.append(byte)
                    if bytes.count >= maxLineBytes {
                        lines.append(String(decoding: bytes, as: UTF8.self))
                        bytes.removeAll(keepingCapacity: true)
                    }
                }
            }
            return lines
        }
        lines.forEach(emit)
    }
}
