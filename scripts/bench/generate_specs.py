#!/usr/bin/env python3
"""Generates a large spec repository for `make bench-validate`: N workflows of M SQL tasks each (chains with
some fan-in), a workflow.yaml per workflow, a cross-workflow upstream every 10th workflow, and three
environments. The result is committed to git so `--rev` can be measured too.

usage: generate_specs.py DIR [--workflows 4000] [--tasks 10]
"""
import argparse
import os
import subprocess

ENVIRONMENT = """engine:
  url: http://127.0.0.1:12345/dolphinscheduler
  user: admin
  password: "{{{{ env.DAGFORGE_ADMIN_PASSWORD }}}}"
project: bench_{name}
datasources:
  dw: {{ name: bench_dw, type: SQLITE }}
variables:
  threshold: {threshold}
  channel: "#bench-{name}"
schedules: {schedules}
"""

WORKFLOW = """description: Generated workflow {index}
schedule:
  cron: "0 {minute} {hour} * * ? *"
  timezone: UTC
params:
  bizdate: "$[yyyy-MM-dd-1]"
defaults:
  datasource: dw
  retries: 1
  timeout: 30m
tasks:
  - name: notify
    type: shell
    command: echo "wf{index} done for ${{bizdate}} to {{{{ channel }}}}"
    upstream: [t{last:02d}]
"""

SQL = """-- upstream: {upstream}
-- description: generated task {task} of workflow {index}
INSERT OR REPLACE INTO wf{index}_t{task:02d} (id, amount, bizdate)
SELECT id, amount * 2, '${{bizdate}}'
FROM {source}
WHERE amount > {{{{ threshold }}}};
"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as handle:
        handle.write(text)


def source_table(index, task):
    """The table a task reads: the previous task's output, or for the first task an external landing table
    that no task writes (reading its own output would be a self-dependency, DF503)."""
    return f"wf{index}_t{task - 1:02d}" if task > 0 else f"landing_wf{index}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("directory")
    parser.add_argument("--workflows", type=int, default=4000)
    parser.add_argument("--tasks", type=int, default=10)
    args = parser.parse_args()
    root = args.directory
    for name, threshold, schedules in [("test", 1, "disabled"), ("uat", 5, "enabled"), ("prod", 10, "enabled")]:
        write(f"{root}/environments/{name}.yaml", ENVIRONMENT.format(name=name, threshold=threshold, schedules=schedules))
    write(f"{root}/dagforge.yaml", "default_environment: test\ndialect: sqlite\n")
    # dagforge's plan cache and engine data stay out of the commit, as in a real spec repository.
    write(f"{root}/.gitignore", ".dagforge/\n")
    sql_tasks = args.tasks - 1  # plus the notify task from workflow.yaml
    for index in range(args.workflows):
        folder = f"{root}/workflows/wf{index:04d}"
        write(f"{folder}/workflow.yaml", WORKFLOW.format(index=index, minute=index % 60, hour=index % 24, last=sql_tasks - 1))
        for task in range(sql_tasks):
            if task == 0:
                upstream = f"wf{index - 1:04d}/t{sql_tasks - 1:02d}" if index % 10 == 9 else "root"
            elif task % 4 == 0:
                upstream = f"t{task - 1:02d}, t{task - 2:02d}"
            else:
                upstream = f"t{task - 1:02d}"
            write(f"{folder}/t{task:02d}.sql",
                  SQL.format(upstream=upstream, task=task, index=index, source=source_table(index, task)))
    if not os.path.isdir(f"{root}/.git"):
        run = lambda *command: subprocess.run(command, cwd=root, check=True, stdout=subprocess.DEVNULL)
        run("git", "init", "-q", "-b", "main")
        run("git", "-c", "user.email=bench@dagforge.invalid", "-c", "user.name=bench", "add", "-A")
        run("git", "-c", "user.email=bench@dagforge.invalid", "-c", "user.name=bench", "commit", "-q", "-m", "generated specs")
    print(f"{args.workflows} workflows, {args.workflows * args.tasks} tasks in {root}")


if __name__ == "__main__":
    main()
