import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// This machine as the engine's one registered worker (DolphinScheduler workers listen on port 1234).
struct LocalWorker: Sendable {
    static let port = 1234

    /// `ip:1234` with this machine's first non-loopback IPv4 address (127.0.0.1 when there is none).
    let address: String
    /// Every name this machine answers to, for validating worker-group address lists.
    let hosts: Set<String>

    init() {
        var addresses = Self.interfaceAddresses()
        let primary = addresses.first { !$0.hasPrefix("127.") } ?? "127.0.0.1"
        addresses.formUnion(["127.0.0.1", "localhost", ProcessInfo.processInfo.hostName])
        address = "\(primary):\(Self.port)"
        hosts = addresses
    }

    /// Whether `hostAndPort` names this machine's worker.
    func isRegistered(_ hostAndPort: String) -> Bool {
        let parts = hostAndPort.split(separator: ":")
        guard parts.count == 2, Int(parts[1]) == Self.port else { return false }
        return hosts.contains(String(parts[0]))
    }

    private static func interfaceAddresses() -> Set<String> {
        var result: Set<String> = []
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return result }
        defer { freeifaddrs(list) }
        var cursor: UnsafeMutablePointer<ifaddrs>? = first
        while let entry = cursor {
            if let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET) {
                var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
                if getnameinfo(address, socklen_t(MemoryLayout<sockaddr_in>.size), &host, socklen_t(host.count),
                               nil, 0, NI_NUMERICHOST) == 0 {
                    result.insert(String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
                }
            }
            cursor = entry.pointee.ifa_next
        }
        return result
    }
}
