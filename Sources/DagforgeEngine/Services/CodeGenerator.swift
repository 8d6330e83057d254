import Foundation
import Synchronization

/// DolphinScheduler's 64-bit code generator (reference §4.1): milliseconds since 2021-01-01T00:00:00+08:00
/// shifted left 10 bits, a 5-bit machine hash and a 5-bit sequence (32 codes per millisecond; on overflow it
/// waits for the next millisecond). Codes are unique, positive, time-sortable and JavaScript-safe.
final class CodeGenerator: Sendable {
    private static let epochMillis: Int64 = 1_609_430_400_000

    private struct State {
        var lastMillis: Int64 = 0
        var sequence: Int64 = 0
    }

    private let machineHash: Int64
    private let state = Mutex(State())

    init() {
        let seed = "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)"
        var hash: UInt64 = 1_469_598_103_934_665_603
        for byte in seed.utf8 { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        machineHash = Int64(hash % 32)
    }

    func next() -> Int64 {
        state.withLock { state in
            var now = Self.currentMillis()
            if now < state.lastMillis { now = state.lastMillis }
            if now == state.lastMillis {
                state.sequence += 1
                if state.sequence > 31 {
                    while now <= state.lastMillis { now = Self.currentMillis() }
                    state.sequence = 0
                }
            } else {
                state.sequence = 0
            }
            state.lastMillis = now
            return (now - Self.epochMillis) << 10 | machineHash << 5 | state.sequence
        }
    }

    func next(_ count: Int) -> [Int64] {
        (0..<count).map { _ in next() }
    }

    private static func currentMillis() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }
}
