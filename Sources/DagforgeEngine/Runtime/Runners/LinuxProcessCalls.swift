import Glibc

/// glibc functions Swift's Glibc module does not import (they sit behind _GNU_SOURCE / newer headers),
/// looked up once by name. They exist since glibc 2.36, the engine's platform floor.
enum LinuxProcessCalls {
    private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>,
                                                 UnsafePointer<CChar>) -> Int32

    private static let pipe2Function: Pipe2? = symbol("pipe2")
    private static let addChdirFunction: AddChdir? = symbol("posix_spawn_file_actions_addchdir_np")
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private static let addCloseFromFunction: AddCloseFrom? = symbol("posix_spawn_file_actions_addclosefrom_np")
    private typealias PidFDOpen = @convention(c) (pid_t, UInt32) -> Int32
    private static let pidFDOpenFunction: PidFDOpen? = symbol("pidfd_open")

    private static func symbol<T>(_ name: String) -> T? {
        dlsym(dlopen(nil, RTLD_NOW), name).map { unsafeBitCast($0, to: T.self) }
    }

    /// A pipe whose both ends are close-on-exec from the start (no window for another spawn to inherit them);
    /// returns 0 or -1 with errno set.
    static func closeOnExecPipe(_ fds: UnsafeMutablePointer<Int32>) -> Int32 {
        guard let function = pipe2Function else {
            errno = ENOSYS
            return -1
        }
        return function(fds, O_CLOEXEC)
    }

    /// Makes the spawned child change into `directory` before exec; returns an errno value or 0.
    static func addChdir(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ directory: String) -> Int32 {
        guard let function = addChdirFunction else { return ENOSYS }
        return directory.withCString { function(actions, $0) }
    }

    /// Makes the spawned child close every descriptor from `lowest` on before exec, so a task process never
    /// holds the engine's listening socket or database files (which would outlive a crashed engine); returns an
    /// errno value or 0.
    static func addCloseFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ lowest: Int32) -> Int32 {
        guard let function = addCloseFromFunction else { return ENOSYS }
        return function(actions, lowest)
    }

    /// A descriptor that becomes readable when child `pid` exits (close-on-exec); -1 with errno set where the
    /// kernel has none (before Linux 5.3).
    static func openPidFD(_ pid: pid_t) -> Int32 {
        guard let function = pidFDOpenFunction else {
            errno = ENOSYS
            return -1
        }
        return function(pid, 0)
    }
}
