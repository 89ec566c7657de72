#!/usr/bin/env python3
"""Turns a JMH JSON result file into a Markdown table.

One row per benchmark and parameter set: the median time per call over every measured
iteration, the spread of those iterations (min-max), calls per second, and the ratio to the
fastest variant of the same workload in this run ("x best": 1.00 is the fastest, 2.00 takes
twice as long). A workload is the benchmark class, the method and every parameter except
`backend`; methods named `<workload>Mnemo` and `<workload>Raw<Thing>` (Mnemo against oneDNN
called directly) count as variants of one workload.

    python3 benchmarks/format_results.py benchmarks/results/<stamp>.json [more.json ...] [--title TEXT]

Several files make one table; keep each benchmark class within one run, so that every ratio
still compares figures taken side by side.
"""
import argparse
import json
import re
import statistics
import sys

TO_MS = {"ms/op": 1.0, "us/op": 1e-3, "ns/op": 1e-6, "s/op": 1e3}
VARIANT = re.compile(r"^(?P<workload>.+?)(?P<variant>Mnemo|Raw[A-Za-z0-9]*)$")


def rows(results):
    out = []
    for r in results:
        cls, method = r["benchmark"].split(".")[-2:]
        metric = r["primaryMetric"]
        unit = metric["scoreUnit"]
        samples = [v for fork in metric["rawData"] for v in fork]
        if unit in TO_MS:
            ms = [v * TO_MS[unit] for v in samples]
        elif unit == "ops/s":
            ms = [1e3 / v for v in samples if v > 0]
        elif unit == "ops/ms":
            ms = [1.0 / v for v in samples if v > 0]
        else:
            raise SystemExit(f"unsupported unit {unit} in {r['benchmark']}")
        params = dict(r.get("params", {}))
        backend = params.pop("backend", None)
        m = VARIANT.match(method)
        workload, variant = (m["workload"], m["variant"]) if m else (method, backend or method)
        if m and backend:
            variant = f"{backend} {variant}"
        out.append({
            "key": (cls, workload, tuple(sorted(params.items()))),
            "benchmark": f"{cls}.{workload}",
            "params": " ".join(f"{k}={v}" for k, v in sorted(params.items())),
            "variant": variant,
            "median": statistics.median(ms),
            "lo": min(ms),
            "hi": max(ms),
            "n": len(ms),
        })
    return out


def number(ms):
    return f"{ms:.3g}" if ms < 100 else f"{ms:.0f}"


def table(results, title):
    data = rows(results)
    best = {}
    for d in data:
        best[d["key"]] = min(best.get(d["key"], float("inf")), d["median"])
    lines = []
    if title:
        lines.append(f"JMH results, {title}")
        lines.append("")
    lines.append("| benchmark | params | variant | median ms/call | spread (min-max) | calls/s | x best |")
    lines.append("|---|---|---|---:|---:|---:|---:|")
    for d in sorted(data, key=lambda d: (d["key"], d["median"])):
        ratio = d["median"] / best[d["key"]]
        mark = "**1.00**" if ratio == 1.0 else f"{ratio:.2f}"
        lines.append(f"| {d['benchmark']} | {d['params']} | {d['variant']} | {number(d['median'])} "
                     f"| {number(d['lo'])}-{number(d['hi'])} (n={d['n']}) | {1e3 / d['median']:.4g} | {mark} |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("json", nargs="+", help="JMH result files (-rf json)")
    parser.add_argument("--title", default="", help="line printed above the table")
    args = parser.parse_args()
    results = []
    for path in args.json:
        with open(path, encoding="utf-8") as f:
            results += json.load(f)
    if not results:
        sys.exit(f"{', '.join(args.json)}: no results (every benchmark failed or none matched)")
    print(table(results, args.title))


if __name__ == "__main__":
    main()
