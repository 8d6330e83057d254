import Foundation

/// Finds the spec root a command works on and opens the right source for it.
public enum SpecRoot {
    /// `--repo PATH` when given; otherwise the enclosing git checkout of the current folder, or the current
    /// folder itself when it is not in one.
    public static func resolve(_ repository: String?) -> String {
        if let repository { return URL(fileURLWithPath: repository).standardizedFileURL.path }
        let current = FileManager.default.currentDirectoryPath
        if let git = try? GitRepository(discoveringFrom: current), let workdir = git.workdir {
            return String(workdir.dropLast(workdir.hasSuffix("/") ? 1 : 0))
        }
        return current
    }

    /// The working tree at `--repo`, or the revision `--rev` of the repository containing it.
    public static func open(repository: String?, revision: String?) throws(SpecSourceError) -> any SpecSource {
        let root = resolve(repository)
        if let revision { return try GitRevisionSource(root: root, revision: revision) }
        return try WorkingTreeSource(root: root)
    }

    /// `root` relative to the git working directory `workdir`, as a tree prefix (`""` or `a/b/`).
    static func prefix(of root: String, in workdir: String) -> String {
        let resolvedRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        let resolvedWorkdir = URL(fileURLWithPath: workdir).resolvingSymlinksInPath().path
        guard resolvedRoot.hasPrefix(resolvedWorkdir), resolvedRoot != resolvedWorkdir else { return "" }
        let relative = resolvedRoot.dropFirst(resolvedWorkdir.count).drop { $0 == "/" }
        return relative.isEmpty ? "" : relative + "/"
    }
}
