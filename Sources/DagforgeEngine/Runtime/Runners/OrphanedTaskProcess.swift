import Foundation
import Glibc

/// Task processes a crashed engine left running. Each task process carries `DAGFORGE_TASK_MARK=<mark>` in its
/// environment (set it through ``TaskRun/environment``), so a restarted engine kills exactly its own leftovers
/// and never a process that merely reuses an old pid.
public enum OrphanedTaskProcess {
    public static let markVariable = "DAGFORGE_TASK_MARK"

    /// Kills the process group `processGroup` if its leader still runs with `mark`; returns whether it did.
    @discardableResult
    public static func kill(processGroup: Int32, mark: String) -> Bool {
        guard processGroup > 1, carries(processGroup, mark: mark) else { return false }
        return Glibc.kill(-processGroup, SIGKILL) == 0
    }

    private static func carries(_ pid: Int32, mark: String) -> Bool {
        guard let environment = FileManager.default.contents(atPath: "/proc/\(pid)/environ") else { return false }
        let wanted = Array("\(markVariable)=\(mark)".utf8)
        return environment.split(separator: 0).contains { Array($0) == wanted }
    }
}
