"""Medians, spreads, paired differences and the markdown tables."""
import os
import statistics

GOALS = [  # (row, key, the largest acceptable ratio of Weft's added cost to the official one's)
    ("start-up, hello world", "hello", 1 / 10),
    ("start-up to first request, benchmark app", "app_startup", 1 / 10),
    ("start-up to first request, Spring Boot", "spring", 1 / 10),
    ("throughput loss", "throughput_loss", 1 / 3),
    ("CPU per request", "cpu", 1 / 2),
    ("allocation per request", "alloc", 1 / 2),
    ("peak RSS under load", "rss", 1 / 3),
]


def med(values):
    return statistics.median(values)


def cell(values, fmt):
    """median (min-max), or the lone value when there is one run."""
    if len(values) == 1:
        return format(values[0], fmt)
    return f"{format(med(values), fmt)} ({format(min(values), fmt)}-{format(max(values), fmt)})"


def paired_added(samples, base, metric):
    """Median over rounds of (case - no agent) in the same round: drift cancels out."""
    return med([metric(s) - metric(b) for s, b in zip(samples, base)])


def load_metrics():
    return [
        ("start-up ms", lambda s: s["startup_ms"], ".0f"),
        ("req/s", lambda s: s["throughput"], ".0f"),
        ("p50 ms", lambda s: s["p50_ms"], ".2f"),
        ("p90 ms", lambda s: s["p90_ms"], ".2f"),
        ("p99 ms", lambda s: s["p99_ms"], ".2f"),
        ("max ms", lambda s: s["max_ms"], ".1f"),
        ("CPU s / 1000 req", cpu_per_1000, ".3f"),
        ("alloc KB / req", alloc_kb, ".1f"),
        ("peak RSS MiB", lambda s: s["peak_rss_mib"], ".0f"),
        ("exported B / req", exported_per_request, ".0f"),
    ]


def cpu_per_1000(s):
    return s["cpu_ns"] / 1e9 / s["served"] * 1000


def alloc_kb(s):
    return s["allocated_bytes"] / s["served"] / 1024


def exported_per_request(s):
    return s["exported_bytes"] / s["served_total"]


def load_table(load):
    metrics = load_metrics()
    lines = ["| case | " + " | ".join(m[0] for m in metrics) + " |",
             "| --- |" + " --- |" * len(metrics)]
    for name, samples in load.items():
        lines.append(f"| {name} | " + " | ".join(cell([m(s) for s in samples], f)
                                                 for _, m, f in metrics) + " |")
    lines.append("")
    lines.append("Exported bytes per request by signal (median): " + "; ".join(
        f"{name}: " + ", ".join(
            f"{sig} {med([s['exported'][sig]['bytes'] / s['served_total'] for s in samples]):.0f}"
            for sig in ("traces", "metrics", "logs"))
        for name, samples in load.items() if name != "no agent") + ".")
    return lines


def startup_table(title, results, what):
    base = results["no agent"]
    lines = [f"| {title} | {what} ms | added ms | peak RSS MiB | added MiB |",
             "| --- | --- | --- | --- | --- |"]
    for name, samples in results.items():
        ms = [s[0] for s in samples]
        mib = [s[1] for s in samples]
        lines.append(f"| {name} | {cell(ms, '.0f')} "
                     f"| {paired_added(samples, base, lambda s: s[0]):+.0f} "
                     f"| {cell(mib, '.1f')} | {paired_added(samples, base, lambda s: s[1]):+.1f} |")
    return lines


def added_costs(results, weft, official):
    """{goal key: (weft added, official added, unit)} from whatever parts were run."""
    added = {}
    for key in ("hello", "spring"):
        if key in results:
            r = results[key]
            added[key] = tuple(paired_added(r[c], r["no agent"], lambda s: s[0])
                               for c in (weft, official)) + ("ms",)
    if "load" in results:
        r, base = results["load"], results["load"]["no agent"]

        def add(metric, case):
            return paired_added(r[case], base, metric)

        def loss(case):
            return med([1 - s["throughput"] / b["throughput"] for s, b in zip(r[case], base)])

        added["app_startup"] = (add(lambda s: s["startup_ms"], weft),
                                add(lambda s: s["startup_ms"], official), "ms")
        added["throughput_loss"] = (loss(weft) * 100, loss(official) * 100, "%")
        added["cpu"] = (add(cpu_per_1000, weft), add(cpu_per_1000, official), "CPU s / 1000 req")
        added["alloc"] = (add(alloc_kb, weft), add(alloc_kb, official), "KB / req")
        added["rss"] = (add(lambda s: s["peak_rss_mib"], weft),
                        add(lambda s: s["peak_rss_mib"], official), "MiB")
    return added


def goals_table(results, weft, official, weft_jar, official_jar):
    added = added_costs(results, weft, official)
    lines = ["| goal: Weft's added cost / official's | Weft | official | ratio | goal | met |",
             "| --- | --- | --- | --- | --- | --- |"]
    for row, key, goal in GOALS:
        if key not in added:
            continue
        w, o, unit = added[key]
        fmt = ".3f" if unit.startswith("CPU") else ".1f" if unit in ("%", "KB / req", "MiB") else ".0f"
        ratio = w / o if o > 0 else None
        lines.append(f"| {row} | {w:+{fmt}} {unit} | {o:+{fmt}} {unit} | "
                     + (f"{ratio:.2f} | <= {goal:.2f} | {'yes' if ratio <= goal else 'no'} |"
                        if ratio is not None else f"n/a | <= {goal:.2f} | n/a |"))
    ws, os_ = os.path.getsize(weft_jar), os.path.getsize(official_jar)
    lines.append(f"| jar size (whole jar, not added) | {ws / 1e6:.2f} MB | {os_ / 1e6:.2f} MB | "
                 f"{ws / os_:.2f} | <= 0.25 | {'yes' if ws / os_ <= 0.25 else 'no'} |")
    return lines
