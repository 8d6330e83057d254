import Foundation

/// One file `dagforge import` writes, relative to the repository root.
public struct ImportedFile: Hashable, Sendable {
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }

    /// Writes files under `root`, creating folders. Refuses to overwrite an existing file unless `replace`.
    public static func write(_ files: [ImportedFile], under root: URL, replace: Bool = false) throws {
        let manager = FileManager.default
        if !replace, let existing = files.first(where: { manager.fileExists(atPath: root.appendingPathComponent($0.path).path) }) {
            throw ImportError.wouldOverwrite(existing.path)
        }
        for file in files {
            let url = root.appendingPathComponent(file.path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.contents.utf8).write(to: url, options: .atomic)
        }
    }
}

public enum ImportError: Error, Sendable, CustomStringConvertible {
    case wouldOverwrite(String)
    case unknownWorkflow(String, available: [String])

    public var description: String {
        switch self {
        case .wouldOverwrite(let path):
            "\(path) already exists\nhint: import into an empty folder (--out DIR) or move the existing specs away"
        case .unknownWorkflow(let name, let available):
            "the engine's project has no workflow \(name)\nhint: workflows there: \(available.prefix(20).joined(separator: ", "))"
        }
    }
}
