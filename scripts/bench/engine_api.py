#!/usr/bin/env python3
"""Engine API benchmark: a second process driving a real `dagforge engine` on loopback.

Measures idle RSS, creating N workflows of 10 SHELL tasks through the API, `/all` for the project, and the
latency of query-by-code at a fixed request rate. Usage: scripts/bench/engine_api.py [binary] [workflows]
"""
import http.client, json, os, random, socket, statistics, subprocess, sys, tempfile, time, urllib.parse

binary = sys.argv[1] if len(sys.argv) > 1 else ".build/release/dagforge"
workflows = int(sys.argv[2]) if len(sys.argv) > 2 else 4000
rate, seconds = 200, 30

def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close(); return port

def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024

data = tempfile.mkdtemp(prefix="dagforge-bench-")
port = free_port()
started = time.perf_counter()
engine = subprocess.Popen([binary, "engine", "--port", str(port), "--data-dir", data], stderr=subprocess.DEVNULL)
conn = None
while True:
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port); conn.request("GET", "/dolphinscheduler/openapi.json")
        conn.getresponse().read(); break
    except OSError:
        time.sleep(0.01)
startup = time.perf_counter() - started
session = None

def call(method, path, params=None, body=None):
    headers = {"sessionId": session} if session else {}
    if body is not None:
        body = urllib.parse.urlencode(body); headers["Content-Type"] = "application/x-www-form-urlencoded"
    if params:
        path += "?" + urllib.parse.urlencode(params)
    conn.request(method, "/dolphinscheduler" + path, body=body, headers=headers)
    response = conn.getresponse(); payload = response.read()
    return json.loads(payload) if payload else None

time.sleep(1)
idle = rss_mb(engine.pid)
session = call("POST", "/login", body={"userName": "admin", "userPassword": "dolphinscheduler123"})["data"]["sessionId"]
project = call("POST", "/projects", body={"projectName": "bench"})["data"]["code"]
base = f"/projects/{project}/process-definition"

started = time.perf_counter()
codes = []
for i in range(workflows):
    task_codes = call("GET", f"/projects/{project}/task-definition/gen-task-codes", {"genNum": 10})["data"]
    tasks = [{"code": c, "version": 1, "name": f"t{n}", "description": "", "taskType": "SHELL",
              "taskParams": {"localParams": [], "rawScript": f"echo {i} {n}", "resourceList": []},
              "flag": "YES", "isCache": "NO", "taskPriority": "MEDIUM", "workerGroup": "default",
              "environmentCode": -1, "failRetryTimes": 0, "failRetryInterval": 1, "timeoutFlag": "CLOSE",
              "timeout": 0, "delayTime": 0, "taskGroupId": 0, "taskGroupPriority": 0, "cpuQuota": -1,
              "memoryMax": -1, "taskExecuteType": "BATCH"} for n, c in enumerate(task_codes)]
    relations = [{"name": "", "preTaskCode": task_codes[n - 1] if n else 0, "preTaskVersion": 0,
                  "postTaskCode": c, "postTaskVersion": 0, "conditionType": "NONE", "conditionParams": {}}
                 for n, c in enumerate(task_codes)]
    created = call("POST", base, body={"name": f"wf_{i:05d}", "taskDefinitionJson": json.dumps(tasks),
                                       "taskRelationJson": json.dumps(relations), "locations": "[]"})
    assert created["code"] == 0, created
    codes.append(created["data"]["code"])
create_seconds = time.perf_counter() - started

# /all is timed to the last byte of the answer; parsing it in Python (about a second for 4,000) is not the engine's.
all_times = []
for _ in range(5):
    t = time.perf_counter()
    conn.request("GET", "/dolphinscheduler" + base + "/all", headers={"sessionId": session})
    payload = conn.getresponse().read()
    all_times.append(time.perf_counter() - t)
    assert len(json.loads(payload)["data"]) == workflows

latencies = []
interval = 1.0 / rate
next_at = time.perf_counter()
for _ in range(rate * seconds):
    now = time.perf_counter()
    if next_at > now:
        time.sleep(next_at - now)
    t = time.perf_counter()
    assert call("GET", f"{base}/{random.choice(codes)}")["code"] == 0
    latencies.append((time.perf_counter() - t) * 1000)
    next_at += interval
latencies.sort()

print(f"startup to first answer:        {startup * 1000:.0f} ms")
print(f"idle RSS after start:           {idle:.1f} MB")
print(f"create {workflows} workflows x 10 tasks: {create_seconds:.1f} s ({create_seconds / workflows * 1000:.1f} ms each, incl. gen-task-codes)")
print(f"/all for {workflows} workflows:      median {statistics.median(all_times) * 1000:.0f} ms, max {max(all_times) * 1000:.0f} ms")
print(f"query-by-code at {rate} req/s for {seconds} s: p50 {latencies[len(latencies) // 2]:.2f} ms, "
      f"p99 {latencies[int(len(latencies) * 0.99)]:.2f} ms, max {latencies[-1]:.2f} ms")
print(f"RSS after load:                 {rss_mb(engine.pid):.1f} MB")
engine.terminate(); engine.wait()
subprocess.run(["rm", "-rf", data])
