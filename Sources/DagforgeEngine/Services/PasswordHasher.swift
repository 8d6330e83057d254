import _CryptoExtras
import Crypto
import Foundation

/// Salted PBKDF2-SHA256 password hashes. Hash and salt are stored as hex; passwords never are.
enum PasswordHasher {
    private static let rounds = 210_000

    static func hash(_ password: String) throws -> (hash: String, salt: String) {
        let salt = SymmetricKey(size: .bits128).withUnsafeBytes { Data($0) }
        return (try derive(password, salt: salt), salt.hexString)
    }

    static func verify(_ password: String, hash: String, salt: String) -> Bool {
        guard let saltBytes = Data(hexString: salt), let derived = try? derive(password, salt: saltBytes) else { return false }
        // Constant-time comparison of the two digests.
        return derived.utf8.count == hash.utf8.count
            && zip(derived.utf8, hash.utf8).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private static func derive(_ password: String, salt: Data) throws -> String {
        let key = try KDF.Insecure.PBKDF2.deriveKey(from: Data(password.utf8), salt: salt, using: .sha256,
                                                   outputByteCount: 32, rounds: rounds)
        return key.withUnsafeBytes { Data($0) }.hexString
    }
}

extension Data {
    var hexString: String { map { String(format: "%02x", $0) }.joined() }

    init?(hexString: String) {
        guard hexString.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        var index = hexString.startIndex
        while index < hexString.endIndex {
            let next = hexString.index(index, offsetBy: 2)
            guard let byte = UInt8(hexString[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        self.init(bytes)
    }
}
