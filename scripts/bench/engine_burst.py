#!/usr/bin/env python3
"""The night burst: N process instances of a 5-task SHELL chain started at once on the included engine.

Starts `dagforge engine` on a free port with a fresh data dir, measures idle RSS, creates one ONLINE workflow
a -> b -> c -> d -> e (each `echo ok`), starts N instances as fast as a few keep-alive connections allow, waits
until all N reach SUCCESS, then prints the total time, instances/s and tasks/s, the engine's own CPU time per
task (utime + stime of the engine process, children excluded), the p50/p99 gap between an upstream task ending
and its downstream task starting, and peak RSS.

The issue's target is the scheduling overhead per task beyond the launch of the task itself. The engine's own CPU
also holds that launch: each task's working directory, script file and log file, and the parent's side of the
fork/exec, whose cost on ext4 swings with the disk's state (an inode allocation skips the inodes freed in the last
minutes, so it can cost several times more right after a large deletion). So the run also measures the launch
alone, on the same disk just before and just after the burst: scripts/bench/task_launch_baseline.c does for each
of --baseline-tasks tasks the same file system and process work as the engine, with no scheduling, and the
figure beyond the launch is the engine's CPU per task less that baseline.

The gap needs milliseconds, which DolphinScheduler's API dates (seconds) do not carry: it is read from the
engine's task logs, whose lines are stamped to the millisecond. An upstream task ends at its "process exited"
line; its downstream task starts at its first line, written once the engine has recorded the task instance
as started (the moment the API's startTime stands for), and its process starts at the "process N started"
line, after the fork/exec. Log paths come from the engine's SQLite file, opened read-only.

Usage: DAGFORGE_BIN=.build/release/dagforge scripts/bench/engine_burst.py [--instances 4000] [--script 'sleep 0.5']
"""
import argparse, datetime, http.client, json, os, shutil, socket, sqlite3, subprocess, sys, tempfile, threading
import time, urllib.parse

TASKS = ["a", "b", "c", "d", "e"]
PASSWORD = "bench-burst-password"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--instances", type=int, default=4000, help="process instances to start (default 4000)")
    parser.add_argument("--threads", type=int, default=4, help="connections starting instances (default 4)")
    parser.add_argument("--deadline", type=float, default=1800, help="seconds until the run counts as failed")
    parser.add_argument("--binary", default=os.environ.get("DAGFORGE_BIN", ".build/release/dagforge"))
    parser.add_argument("--baseline-tasks", type=int, default=1000,
                        help="tasks the launch baseline runs before and after the burst, one at a time (default 1000)")
    parser.add_argument("--script", default="echo ok",
                        help="each task's script (default `echo ok`; e.g. `sleep 0.5` makes tasks the bottleneck, so "
                             "started instances queue up in the engine: its memory must stay bounded)")
    return parser.parse_args()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def status_kb(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise RuntimeError(f"no {field} for pid {pid}")


def cpu_seconds(pid):
    """utime + stime of the process itself (children excluded), in seconds."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


class Api:
    """One keep-alive connection to the engine speaking DolphinScheduler's form-encoded REST API."""

    def __init__(self, port, session=None):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        self.session = session

    def call(self, method, path, params=None, form=None):
        headers = {"sessionId": self.session} if self.session else {}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if params:
            path += "?" + urllib.parse.urlencode(params)
        self.connection.request(method, "/dolphinscheduler" + path, body=body, headers=headers)
        reply = json.loads(self.connection.getresponse().read())
        if reply.get("code") != 0:
            raise RuntimeError(f"{method} {path} failed: {reply}")
        return reply["data"]


def start_engine(binary, data):
    port = free_port()
    log = open(os.path.join(data, "engine.log"), "w")
    engine = subprocess.Popen([binary, "engine", "--port", str(port), "--data-dir", os.path.join(data, "engine"),
                               "--admin-password", PASSWORD], stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if engine.poll() is not None:
            sys.exit(f"engine exited during start-up, see {log.name}")
        try:
            session = Api(port).call("POST", "/login", form={"userName": "admin", "userPassword": PASSWORD})["sessionId"]
            return engine, port, session
        except (OSError, http.client.HTTPException):
            time.sleep(0.05)
    engine.kill()
    sys.exit("engine did not answer within 60 s")


def create_workflow(api, script):
    project = api.call("POST", "/projects", form={"projectName": "burst", "description": "night burst"})["code"]
    codes = api.call("GET", f"/projects/{project}/task-definition/gen-task-codes", {"genNum": len(TASKS)})
    tasks = [{"code": code, "version": 1, "name": name, "description": "", "taskType": "SHELL",
              "taskParams": {"localParams": [], "rawScript": script, "resourceList": []},
              "flag": "YES", "isCache": "NO", "taskPriority": "MEDIUM", "workerGroup": "default", "environmentCode": -1,
              "failRetryTimes": 0, "failRetryInterval": 1, "timeoutFlag": "CLOSE", "timeout": 0, "delayTime": 0,
              "taskGroupId": 0, "taskGroupPriority": 0, "cpuQuota": -1, "memoryMax": -1, "taskExecuteType": "BATCH"}
             for name, code in zip(TASKS, codes)]
    relations = [{"name": "", "preTaskCode": codes[n - 1] if n else 0, "preTaskVersion": 0, "postTaskCode": code,
                  "postTaskVersion": 0, "conditionType": "NONE", "conditionParams": {}} for n, code in enumerate(codes)]
    workflow = api.call("POST", f"/projects/{project}/process-definition", form={
        "name": "burst", "taskDefinitionJson": json.dumps(tasks), "taskRelationJson": json.dumps(relations),
        "locations": "[]", "executionType": "PARALLEL"})["code"]
    api.call("POST", f"/projects/{project}/process-definition/{workflow}/release", form={"releaseState": "ONLINE"})
    return project, workflow


def start_instances(port, session, project, workflow, count, threads):
    """Starts `count` instances over `threads` keep-alive connections; returns the wall time of the first call."""
    form = {"processDefinitionCode": workflow, "scheduleTime": "", "failureStrategy": "CONTINUE",
            "warningType": "NONE", "execType": "START_PROCESS"}
    errors = []

    def worker(share):
        api = Api(port, session)
        try:
            for _ in range(share):
                api.call("POST", f"/projects/{project}/executors/start-process-instance", form=form)
        except Exception as error:  # reported below; the main thread fails the run
            errors.append(error)

    shares = [count // threads + (1 if n < count % threads else 0) for n in range(threads)]
    workers = [threading.Thread(target=worker, args=(share,)) for share in shares if share]
    first_call = time.time()
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    if errors:
        raise RuntimeError(f"{len(errors)} start calls failed, first: {errors[0]}")
    return first_call


def wait_for_success(api, project, count, deadline):
    """Polls two counts (SUCCESS and FAILURE instances, one-row pages) so polling costs the engine little CPU."""
    path = f"/projects/{project}/process-instances"

    def total(state):
        return api.call("GET", path, {"pageNo": 1, "pageSize": 1, "stateType": state})["total"]

    while True:
        succeeded = total("SUCCESS")
        if succeeded == count:
            return
        failed = total("FAILURE")
        if failed:
            raise RuntimeError(f"{failed} instances ended in FAILURE")
        if time.monotonic() > deadline:
            raise RuntimeError(f"deadline passed with {succeeded} of {count} instances in SUCCESS")
        time.sleep(0.25)


def build_launch_baseline(data):
    """Compiles scripts/bench/task_launch_baseline.c (any C compiler: the Swift toolchain brings clang)."""
    compiler = shutil.which("cc") or shutil.which("clang")
    if compiler is None:
        sys.exit("no C compiler (cc or clang) for the launch baseline")
    source = os.path.join(os.path.dirname(os.path.abspath(__file__)), "task_launch_baseline.c")
    binary = os.path.join(data, "task_launch_baseline")
    subprocess.run([compiler, "-O2", "-o", binary, source], check=True)
    return binary


def launch_baseline(binary, data, name, tasks, script):
    """CPU ms per task of launching `tasks` tasks with no scheduling, in a fresh folder of the burst's data dir."""
    directory = os.path.join(data, name)
    os.mkdir(directory)
    output = subprocess.run([binary, directory, str(tasks), script], capture_output=True, text=True)
    if output.returncode != 0:
        raise RuntimeError(f"the launch baseline failed: {output.stderr.strip()}")
    return float(output.stdout)


def log_stamp(line):
    """Seconds since the epoch of a `[INFO] 2024-03-01 12:00:00.123Z - ...` task log line (UTC)."""
    stamp = line.split(" - ", 1)[0].split("] ", 1)[1].rstrip("Z")
    return datetime.datetime.fromisoformat(stamp).replace(tzinfo=datetime.timezone.utc).timestamp()


def task_times(log_path):
    """(recorded start, process start, process exit, task finished) of one task from its log."""
    recorded = process_start = process_exit = finished = None
    with open(log_path) as f:
        for line in f:
            if not line.startswith("["):
                continue
            if recorded is None:
                recorded = log_stamp(line)
            if " - process " in line and " started: " in line:
                process_start = log_stamp(line)
            elif " - process exited with status " in line:
                process_exit = log_stamp(line)
            elif " - task finished: " in line:
                finished = log_stamp(line)
    if None in (recorded, process_start, process_exit, finished):
        raise RuntimeError(f"incomplete task log {log_path}")
    return recorded, process_start, process_exit, finished


def handoff_gaps(database):
    """Upstream end -> downstream recorded start, -> downstream process start, and the first part of the former (the
    upstream's exit -> its `task finished` line), in ms; and the last task end."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    rows = connection.execute(
        "select processInstanceId, name, logPath from taskInstance where flag = 'YES' and state = 'SUCCESS'").fetchall()
    connection.close()
    by_instance = {}
    for instance, name, path in rows:
        by_instance.setdefault(instance, {})[name] = task_times(path)
    to_recorded, to_process, to_finished, last_end = [], [], [], 0.0
    for tasks in by_instance.values():
        for upstream, downstream in zip(TASKS, TASKS[1:]):
            ended = tasks[upstream][2]
            to_recorded.append((tasks[downstream][0] - ended) * 1000)
            to_process.append((tasks[downstream][1] - ended) * 1000)
            to_finished.append((tasks[upstream][3] - ended) * 1000)
        last_end = max(last_end, tasks[TASKS[-1]][2])
    return sorted(to_recorded), sorted(to_process), sorted(to_finished), last_end, len(rows)


def percentile(values, fraction):
    return values[min(len(values) - 1, int(len(values) * fraction))]


def main():
    arguments = parse_arguments()
    if not os.access(arguments.binary, os.X_OK):
        sys.exit(f"no dagforge binary at {arguments.binary} (build it, or set DAGFORGE_BIN)")
    data = tempfile.mkdtemp(prefix="dagforge-burst-")
    baseline = build_launch_baseline(data) if arguments.baseline_tasks > 0 else None
    engine, port, session = start_engine(arguments.binary, data)
    try:
        time.sleep(2)  # let start-up settle before reading the idle footprint
        idle_mb = status_kb(engine.pid, "VmRSS") / 1024
        api = Api(port, session)
        project, workflow = create_workflow(api, arguments.script)
        count = arguments.instances
        launch_before = baseline and launch_baseline(baseline, data, "baseline-before", arguments.baseline_tasks,
                                                     arguments.script)
        cpu_before = cpu_seconds(engine.pid)
        first_call = start_instances(port, session, project, workflow, count, arguments.threads)
        started_all = time.time()
        wait_for_success(api, project, count, time.monotonic() + arguments.deadline)
        seen_done = time.time()
        engine_cpu = cpu_seconds(engine.pid) - cpu_before
        peak_mb = status_kb(engine.pid, "VmHWM") / 1024
        launch_after = baseline and launch_baseline(baseline, data, "baseline-after", arguments.baseline_tasks,
                                                    arguments.script)
        to_recorded, to_process, to_finished, last_end, task_count = handoff_gaps(os.path.join(data, "engine", "engine.sqlite"))
        if task_count != count * len(TASKS):
            raise RuntimeError(f"{task_count} successful task instances, expected {count * len(TASKS)}")
        total = last_end - first_call
        tasks = count * len(TASKS)
        print(f"binary: {arguments.binary}; {count} instances x {len(TASKS)} SHELL tasks (a chain of `{arguments.script}`)")
        print(f"idle RSS after start-up:          {idle_mb:.1f} MB (target < 30 MB)")
        print(f"start calls:                      {started_all - first_call:.1f} s "
              f"({count / (started_all - first_call):.0f} starts/s over {arguments.threads} connections)")
        print(f"first start call to last SUCCESS: {total:.1f} s (all seen through the API after {seen_done - first_call:.1f} s)")
        print(f"throughput:                       {count / total:.1f} instances/s, {tasks / total:.1f} tasks/s")
        print(f"engine CPU per task:              {engine_cpu / tasks * 1000:.2f} ms "
              f"({engine_cpu:.1f} s utime+stime, children excluded, API calls and the task's launch included)")
        if baseline:
            launch = (launch_before + launch_after) / 2
            print(f"task launch baseline:             {launch:.2f} ms per task (before the burst {launch_before:.2f}, "
                  f"after {launch_after:.2f}; directories, script, log, fork/exec, reap: no scheduling)")
            print(f"engine CPU beyond the launch:     {engine_cpu / tasks * 1000 - launch:.2f} ms per task "
                  f"(engine CPU per task less the launch baseline; target <= 2 ms)")
        print(f"upstream end -> downstream start: p50 {percentile(to_recorded, 0.5):.1f} ms, "
              f"p99 {percentile(to_recorded, 0.99):.1f} ms (target p50 <= 20 ms)")
        print(f"  of which exit -> `task finished`: p50 {percentile(to_finished, 0.5):.1f} ms, "
              f"p99 {percentile(to_finished, 0.99):.1f} ms (the rest: the step's commit and the hand-over)")
        print(f"upstream end -> downstream process: p50 {percentile(to_process, 0.5):.1f} ms, "
              f"p99 {percentile(to_process, 0.99):.1f} ms (includes the fork/exec)")
        print(f"peak RSS (VmHWM):                 {peak_mb:.1f} MB (target <= 512 MB)")
    except RuntimeError as error:
        sys.exit(f"engine burst failed: {error} (engine log: {data}/engine.log)")
    finally:
        engine.terminate()
        engine.wait()
    shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
