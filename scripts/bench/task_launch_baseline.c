// The launch baseline of the night burst: what any runner of a SHELL task must spend itself, with no scheduling.
// For each task it does the file system and process work the engine does for one (scripts/bench/engine_burst.py
// runs it on the same disk, minutes apart): the instance's log and working directory folders every fifth task,
// the task's log file and lines, its working directory, its script file, a pipe, posix_spawn of bash in a new
// process group with the same file actions, output copied into the log, the reap, and the script's removal.
// Prints its own CPU time per task (utime + stime, children excluded), as the burst reports the engine's.
//
// Usage: task_launch_baseline <directory> <tasks> <script>
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static void fail(const char *what, const char *path) {
    fprintf(stderr, "task_launch_baseline: %s %s: %s\n", what, path, strerror(errno));
    exit(1);
}

static void log_line(int fd, const char *text) {
    char line[512];
    int length = snprintf(line, sizeof line, "[INFO] 2024-03-01 12:00:00.000 - %s\n", text);
    if (write(fd, line, (size_t)length) != length) fail("write", "log");
}

static void run_task(const char *root, long id, const char *script) {
    long instance = id / 5;
    char path[4096], log_path[4096], work[4096], script_path[4096];
    if (id % 5 == 0) {
        snprintf(path, sizeof path, "%s/logs/%ld", root, instance);
        if (mkdir(path, 0777) != 0) fail("mkdir", path);
        snprintf(path, sizeof path, "%s/exec/%ld", root, instance);
        if (mkdir(path, 0777) != 0) fail("mkdir", path);
    }
    snprintf(log_path, sizeof log_path, "%s/logs/%ld/%ld.log", root, instance, id);
    int log = open(log_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (log < 0) fail("open", log_path);
    log_line(log, "task a (SHELL) of process instance 1, attempt 1");
    snprintf(work, sizeof work, "%s/exec/%ld/%ld", root, instance, id);
    if (mkdir(work, 0777) != 0) fail("mkdir", work);
    if (snprintf(script_path, sizeof script_path, "%s/%08lx-0000-0000-0000-000000000000_node.sh", work, id) >=
        (int)sizeof script_path) {
        errno = ENAMETOOLONG;
        fail("name", work);
    }
    int file = open(script_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (file < 0) fail("open", script_path);
    size_t length = strlen(script);
    if (write(file, script, length) != (ssize_t)length) fail("write", script_path);
    close(file);

    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) fail("pipe2", "");
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    posix_spawn_file_actions_init(&actions);
    posix_spawnattr_init(&attributes);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 2);
    posix_spawn_file_actions_addchdir_np(&actions, work);
    posix_spawn_file_actions_addclosefrom_np(&actions, 3);
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setsigdefault(&attributes, &all);
    posix_spawnattr_setpgroup(&attributes, 0);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    char *argv[] = {"/bin/bash", script_path, NULL};
    pid_t pid;
    int spawned = posix_spawn(&pid, argv[0], &actions, &attributes, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    close(fds[1]);
    if (spawned != 0) {
        errno = spawned;
        fail("posix_spawn", argv[0]);
    }
    log_line(log, "process started: /bin/bash script");

    // Output into the log line by line, and the exit through a pidfd, as the engine's watch does.
    int pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
    char buffer[65536], pending[65536];
    size_t held = 0;
    int output_open = 1, status = 0, exited = 0;
    while (output_open || !exited) {
        struct pollfd watched[2];
        int count = 0;
        if (output_open) watched[count++] = (struct pollfd){.fd = fds[0], .events = POLLIN};
        if (!exited) watched[count++] = (struct pollfd){.fd = pidfd, .events = POLLIN};
        if (poll(watched, (nfds_t)count, -1) < 0 && errno != EINTR) fail("poll", "");
        if (output_open && watched[0].revents) {
            ssize_t got = read(fds[0], buffer, sizeof buffer);
            if (got <= 0) {
                output_open = 0;
            } else {
                for (ssize_t i = 0; i < got; i++) {
                    if (buffer[i] == '\n' || held == sizeof pending - 1) {
                        pending[held++] = '\n';
                        if (write(log, pending, held) != (ssize_t)held) fail("write", log_path);
                        held = 0;
                    } else {
                        pending[held++] = buffer[i];
                    }
                }
            }
        }
        if (!exited && waitpid(pid, &status, WNOHANG) == pid) exited = 1;
    }
    close(pidfd);
    close(fds[0]);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "task_launch_baseline: the task's script failed (status %d)\n", status);
        exit(1);
    }
    log_line(log, "process exited with status 0");
    log_line(log, "task finished: SUCCESS");
    close(log);
    if (unlink(script_path) != 0) fail("unlink", script_path);
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: task_launch_baseline <directory> <tasks> <script>\n");
        return 2;
    }
    const char *root = argv[1];
    long tasks = atol(argv[2]);
    char path[4096];
    snprintf(path, sizeof path, "%s/logs", root);
    if (mkdir(path, 0777) != 0) fail("mkdir", path);
    snprintf(path, sizeof path, "%s/exec", root);
    if (mkdir(path, 0777) != 0) fail("mkdir", path);
    for (long id = 0; id < tasks; id++) run_task(root, id, argv[3]);
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    double seconds = (double)usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
                     (double)usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
    printf("%.4f\n", seconds / (double)tasks * 1000);
    return 0;
}
