#!/usr/bin/env python3
"""Turns the log of `make bench` (scripts/bench/all.sh) into one Markdown table of every figure the issues name,
prints it, and writes it into docs/benchmarks.md between the `bench:begin` / `bench:end` markers (the
hand-written analysis around it stays).

usage: summary.py LOG [--doc docs/benchmarks.md]
"""
import argparse, datetime, os, platform, re

# (benchmark, pattern of the line in the log that carries its figures)
ROWS = [
    ("validate, 4,000 workflows, working tree", r"^validate \(working tree\)"),
    ("validate, 4,000 workflows, --rev HEAD", r"^validate --rev HEAD"),
    ("validate --changed-since, one changed file, cold", r"^validate --changed-since HEAD, no outlines"),
    ("validate --changed-since, one changed file, warm (1)", r"^validate --changed-since HEAD \(warm, run 1\)"),
    ("validate --changed-since, one changed file, warm (2)", r"^validate --changed-since HEAD \(warm, run 2\)"),
    ("validate --changed-since, one changed file, warm (3)", r"^validate --changed-since HEAD \(warm, run 3\)"),
    ("engine start-up", r"^startup to first answer:"),
    ("engine idle RSS", r"^idle RSS after start:"),
    ("engine: create 4,000 workflows x 10 tasks", r"^create \d+ workflows"),
    ("engine: /all for 4,000 workflows", r"^/all for"),
    ("engine: query-by-code at 200 req/s", r"^query-by-code"),
    ("engine RSS after load", r"^RSS after load:"),
    ("first apply of 4,000 workflows", r"^apply --env test \(first\)"),
    ("no-op plan of 4,000 workflows, no plan cache", r"^plan --env test \(no-op, cold cache\)"),
    ("no-op plan of 4,000 workflows, plan cache warm", r"^plan --env test \(no-op, warm cache\)"),
    ("burst: 4,000 instances x 5 tasks", r"^first start call to last SUCCESS"),
    ("burst: throughput", r"^throughput:"),
    ("burst: engine CPU per task", r"^engine CPU per task"),
    ("burst: task launch baseline", r"^task launch baseline:"),
    ("burst: engine CPU beyond the launch", r"^engine CPU beyond the launch:"),
    ("burst: upstream end -> downstream start", r"^upstream end -> downstream start"),
    ("burst: peak RSS", r"^peak RSS \(VmHWM\)"),
    ("lineage, 40,000 SQL files", r"^dagforge lineage:"),
    ("sqlglot on the same files", r"^sqlglot:"),
    ("sqllineage on the same files", r"^sqllineage:"),
]
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


def table(log_lines):
    rows = ["| benchmark | figures |", "| --- | --- |"]
    for name, pattern in ROWS:
        line = next((l.strip() for l in log_lines if re.search(pattern, l.strip())), "not measured (see the log)")
        rows.append(f"| {name} | {re.sub(r'[ ]{2,}', ' ', line).replace('|', '/')} |")
    return "\n".join(rows)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("log")
    parser.add_argument("--doc", default="docs/benchmarks.md")
    arguments = parser.parse_args()
    with open(arguments.log) as handle:
        lines = handle.read().splitlines()
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    machine = f"{os.cpu_count()} cores, {platform.machine()}, {platform.platform()}"
    block = f"Last `make bench`: {stamp}; {machine}.\n\n{table(lines)}"
    print(block)
    with open(arguments.doc) as handle:
        document = handle.read()
    if BEGIN in document and END in document:
        head, rest = document.split(BEGIN, 1)
        document = head + BEGIN + "\n" + block + "\n" + END + rest.split(END, 1)[1]
    else:
        document = document.rstrip("\n") + f"\n\n## Last `make bench` run\n\n{BEGIN}\n{block}\n{END}\n"
    with open(arguments.doc, "w") as handle:
        handle.write(document)


if __name__ == "__main__":
    main()
