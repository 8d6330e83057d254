#!/usr/bin/env python3
"""SQL lineage benchmark: dagforge vs sqlglot vs sqllineage on the same generated warehouse SQL.

Generates N files of about 40 lines (Hive-style ODS/DWD/DWS/ADS jobs: CTEs, joins, subqueries,
multi-insert, partitions) into a temporary directory, times `dagforge lineage --format json` over
all of them, and times sqlglot and sqllineage (run by --python, e.g. a venv that has them) on a sample,
each with as many worker processes as cores. Prints files/s for each and the ratios.
"""
import argparse, os, random, shutil, subprocess, sys, tempfile, time

LAYERS = ["ods", "dwd", "dws", "ads", "dim", "tmp"]
SUBJECTS = ["order", "user", "sku", "payment", "refund", "cart", "coupon", "page_log", "shop", "region"]


def table(rng):
    return f"{rng.choice(LAYERS)}.{rng.choice(LAYERS)}_{rng.choice(SUBJECTS)}_{rng.randrange(400)}"


def columns(rng, alias, n):
    return ",\n".join(f"    {alias}.c{rng.randrange(50)} as col_{i}" for i in range(n))


def job(rng):
    """One ~40-line script: set lines, a CTE, joins, a subquery, insert overwrite with partitions;
    every third script is a Hive multi-insert followed by a second statement."""
    target, a, b, c, d = (table(rng) for _ in range(5))
    header = ["-- generated warehouse job",
              "set hive.exec.dynamic.partition=true;",
              "set hive.exec.dynamic.partition.mode=nonstrict;"]
    cte = (f"with base as (\n  select id, user_id, amount, dt, c0, c1, c2, c3, c4, c5\n  from {a}\n"
           f"  where dt = '${{bizdate}}'\n),\n"
           f"dims as (\n  select id, name, category\n  from {b}\n  where dt = '$[yyyyMMdd-1]'\n)")
    joins = (f"left join {c} u on u.id = t.user_id\n"
             f"left join (\n  select user_id, max(ts) as last_ts\n  from {d}\n  where dt = '${{bizdate}}'\n"
             "  group by user_id\n) s on s.user_id = t.user_id\n"
             f"where t.amount > 0\n  and t.user_id in (select id from {table(rng)} where flag = 'x;y')\n"
             "group by " + ", ".join(f"t.c{i}" for i in range(6)) + ";")
    select = "select\n" + columns(rng, "t", 9) + ",\n    count(distinct u.id) as users\n"
    if rng.randrange(3) == 2:
        body = [cte,
                f"from base t\ninsert overwrite table {target} partition (dt='${{bizdate}}')\n"
                f"select t.id, t.amount where t.amount > 0\n"
                f"insert overwrite table {table(rng)} partition (dt='${{bizdate}}')\n"
                f"select t.user_id, sum(t.amount) group by t.user_id;",
                f"insert overwrite table {table(rng)} partition (dt = '${{bizdate}}')\n" + select
                + f"from {a} t\n" + joins]
    else:
        body = [cte + f"\ninsert overwrite table {target} partition (dt = '${{bizdate}}')\n" + select
                + "from base t\njoin dims k on k.id = t.id\n" + joins]
    return "\n".join(header + body) + "\n"


def generate(directory, count, seed):
    rng = random.Random(seed)
    names = []
    for i in range(count):
        name = f"f{i:05d}.sql"
        with open(os.path.join(directory, name), "w") as handle:
            handle.write(job(rng))
        names.append(name)
    return names


BASELINE = r'''
import sys, time, multiprocessing
def sqlglot_tables(path):
    import sqlglot
    from sqlglot import exp
    sql = open(path).read()
    names = set()
    for tree in sqlglot.parse(sql, read="hive"):
        if tree is not None:
            names.update(t.sql() for t in tree.find_all(exp.Table))
    return len(names)
def sqllineage_tables(path):
    from sqllineage.runner import LineageRunner
    runner = LineageRunner(open(path).read(), dialect="hive")
    return len(runner.source_tables) + len(runner.target_tables)
def guarded(args):
    tool, path = args
    try:
        return (sqlglot_tables if tool == "sqlglot" else sqllineage_tables)(path)
    except Exception:
        return -1
if __name__ == "__main__":
    tool, workers, paths = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    work = guarded
    paths = [(tool, p) for p in paths]
    with multiprocessing.Pool(workers) as pool:
        pool.map(work, paths[:workers])  # import and warm up outside the timing
        start = time.perf_counter()
        results = pool.map(work, paths, chunksize=8)
        elapsed = time.perf_counter() - start
    print(f"{len(paths)} {elapsed:.3f} {sum(1 for r in results if r < 0)}")
'''


def run_baseline(python, tool, paths, workers):
    script = os.path.join(os.path.dirname(paths[0]), "_baseline.py")
    with open(script, "w") as handle:
        handle.write(BASELINE)
    out = subprocess.run([python, script, tool, str(workers)] + paths, check=True, capture_output=True, text=True)
    count, elapsed, failures = out.stdout.split()
    return int(count) / float(elapsed), int(count), float(elapsed), int(failures)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dagforge", default=".build/release/dagforge")
    parser.add_argument("--python", help="interpreter with sqlglot and sqllineage installed")
    parser.add_argument("--files", type=int, default=40000)
    parser.add_argument("--sqlglot-sample", type=int, default=4000)
    parser.add_argument("--sqllineage-sample", type=int, default=400)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    dagforge = os.path.abspath(args.dagforge)
    workers = os.cpu_count() or 1
    directory = tempfile.mkdtemp(prefix="lineage-bench-")
    try:
        names = generate(directory, args.files, seed=7)
        total_bytes = sum(os.path.getsize(os.path.join(directory, n)) for n in names)
        lines = sum(open(os.path.join(directory, n)).read().count("\n") for n in names[:1000]) / min(1000, len(names))
        print(f"generated {len(names)} files, {total_bytes / 1e6:.1f} MB, {lines:.0f} lines per file, {workers} cores",
              flush=True)
        listing = "".join(name + "\n" for name in names)
        best = None
        for _ in range(args.runs):
            start = time.perf_counter()
            # --files-from -: 40,000 paths through argv cost seconds of argument parsing alone.
            out = subprocess.run([dagforge, "lineage", "--dialect", "hive", "--format", "json", "--files-from", "-"],
                                 input=listing.encode(), cwd=directory, check=True, stdout=subprocess.PIPE)
            elapsed = time.perf_counter() - start
            best = elapsed if best is None else min(best, elapsed)
        assert out.stdout.count(b"\n") == len(names), "one JSON line per file"
        dagforge_rate = len(names) / best
        print(f"dagforge lineage: {len(names)} files in {best:.3f} s = {dagforge_rate:,.0f} files/s "
              f"(best of {args.runs})", flush=True)
        if args.python:
            paths = [os.path.join(directory, n) for n in names]
            for tool, sample in (("sqlglot", args.sqlglot_sample), ("sqllineage", args.sqllineage_sample)):
                rate, count, elapsed, failures = run_baseline(args.python, tool, paths[:sample], workers)
                print(f"{tool}: {count} files in {elapsed:.2f} s = {rate:,.1f} files/s ({workers} processes, "
                      f"{failures} files raised); dagforge is {dagforge_rate / rate:,.0f}x faster", flush=True)
    finally:
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
