"""`python -m benchmarks`: every benchmark of this folder on generated bases, one table (median, min, max of
several runs, target, verdict).

The package measured is whichever `ti_desktop` PYTHONPATH names (child processes run `sys.executable -m
ti_desktop` and inherit it), so one runner measures an old checkout and the new code alike. Each benchmark runs
in its own child process (this file with `--worker`): no measure pays for another's imports or memory. An
exception in a benchmark makes the run fail (exit status 1); a « LENT » verdict does not.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bases import DEFAULT_SEED, ensure_base  # noqa: E402
from common import Result, child_env, markdown_table, package_root, size_label, text_table  # noqa: E402
from suite import BENCHMARKS, Context, growth  # noqa: E402

SIZES = (500, 10_000, 100_000)


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Run TI Desktop's benchmarks on generated bases and print one table "
        "(median, min, max, runs, target, verdict « ok » / « LENT » / « — »). "
        "The package measured is the ti_desktop that PYTHONPATH names.",
        epilog="Benchmarks: " + ", ".join(benchmark.name for benchmark in BENCHMARKS),
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), help="numbers of actions (default: all)")
    parser.add_argument("--runs", type=int, default=5, help="runs per measure (default 5; at most 3 for slow ones)")
    parser.add_argument("--only", metavar="PATTERN", action="append", help="benchmarks whose name matches (glob)")
    parser.add_argument("--markdown", type=Path, metavar="FILE", help="also write the table as Markdown")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the rows as JSON")
    parser.add_argument("--cache", type=Path, metavar="DIR", help="where generated bases are kept")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="generator seed")
    parser.add_argument(
        "--server", default=os.environ.get("TI_DESKTOP_TEST_DATABASE_URL"), help="PostgreSQL URL (concurrent writers)"
    )
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--results", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def worker(args: argparse.Namespace) -> None:
    """One benchmark at one size, in this (child) process; its rows go to `--results` as JSON."""
    if args.worker == "base":  # the parent never imports the package under test itself
        start = time.perf_counter()
        path = ensure_base(args.size, args.seed, args.cache)
        print(f"base of {size_label(args.size)} actions: {path} ({time.perf_counter() - start:.1f} s)", file=sys.stderr)
        args.results.write_text("[]")
        return
    benchmark = next(b for b in BENCHMARKS if b.name == args.worker)
    context = Context(cache=args.cache, work=args.work, seed=args.seed, server=args.server)
    rows = benchmark.group(args.size or None, args.runs, context)
    args.results.write_text(json.dumps([row.to_json() for row in rows]))


def run_benchmark(args: argparse.Namespace, name: str, size: int | None, runs: int) -> list[Result] | str:
    """The rows of one benchmark (child process), or the error text when it failed."""
    work = Path(tempfile.mkdtemp(prefix=f"ti-bench-{name}-"))
    results = work / "results.json"
    command = [sys.executable, str(HERE / "__main__.py"), "--worker", name, "--size", str(size or 0)]
    command += ["--runs", str(runs), "--results", str(results), "--work", str(work), "--seed", str(args.seed)]
    if args.cache:
        command += ["--cache", str(args.cache)]
    if args.server:
        command += ["--server", args.server]
    try:
        done = subprocess.run(command, capture_output=True, text=True, env=child_env(), cwd=work)
        if name == "base":
            sys.stderr.write(done.stderr if done.returncode else done.stderr.splitlines()[-1] + "\n")
        if done.returncode != 0 or not results.exists():
            return (done.stderr or done.stdout)[-4000:] or f"exit status {done.returncode}"
        return [Result.from_json(row) for row in json.loads(results.read_text())]
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    if args.worker:
        worker(args)
        return 0
    sizes = sorted(set(args.sizes))
    if args.cache:
        args.cache = args.cache.resolve()  # the workers run in their own folders
    root = package_root()
    if root is None:
        print("no ti_desktop to measure: set PYTHONPATH to a checkout, or install the package", file=sys.stderr)
        return 1
    print(f"ti_desktop under test: {root / 'ti_desktop'}", file=sys.stderr)
    # An installed program has its bytecode; a checkout run with PYTHONDONTWRITEBYTECODE set (as some
    # environments do) would recompile every module in every child and time the compiler, not the program.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(root / "ti_desktop")], capture_output=True)
    chosen = [b for b in BENCHMARKS if not args.only or any(fnmatch.fnmatch(b.name, p) for p in args.only)]
    results: list[Result] = []
    failures: list[str] = []
    for size in sizes:  # the bases first: their build is not part of any measure
        built = run_benchmark(args, "base", size, 1)
        if isinstance(built, str):
            failures.append(f"base {size_label(size)}:\n{built}")
            print(f"  FAILED:\n{built}", file=sys.stderr)
    for benchmark in chosen:
        for size in benchmark.sizes(sizes):
            runs = min(args.runs, 3) if benchmark.slow_at_100k and (size or 0) >= 100_000 else args.runs
            start = time.perf_counter()
            print(f"… {benchmark.name} {size_label(size)} ({runs} runs)", file=sys.stderr, flush=True)
            outcome = run_benchmark(args, benchmark.name, size, runs)
            if isinstance(outcome, str):
                failures.append(f"{benchmark.name} {size_label(size)}:\n{outcome}")
                results.append(Result(benchmark.name, size_label(size), [], "", note="FAILED"))
                print(f"  FAILED:\n{outcome}", file=sys.stderr)
            else:
                results.extend(outcome)
                print(f"  {time.perf_counter() - start:.0f} s", file=sys.stderr)
    if len(sizes) > 1:
        results.extend(growth(results, sizes[0], sizes[-1]))
    print(text_table(results))
    if args.markdown:
        args.markdown.write_text(markdown_table(results) + "\n")
    if args.json:
        args.json.write_text(json.dumps([result.to_json() for result in results], ensure_ascii=False, indent=1))
    if failures:
        print(f"\n{len(failures)} benchmark(s) failed.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
