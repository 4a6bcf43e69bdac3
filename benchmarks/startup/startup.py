#!/usr/bin/env python3
"""Start-up cost of a hello-world JVM: no agent vs Weft vs the official OpenTelemetry agent.

Each round runs the three cases in turn (interleaved, so machine noise hits all alike) and
records wall time and peak RSS (ru_maxrss of the child, from wait4). Prints medians, the
min-max spread, and the cost each agent adds over the no-agent run of the same session.

Usage: benchmarks/startup/startup.py [--runs N] [--java PATH] [--weft-metrics EXPORTER]
       [--no-official] [--weft-before JAR]
--weft-metrics adds a case "weft, metrics <EXPORTER>": Weft with OTEL_METRICS_EXPORTER set (e.g.
console: the metrics SDK and JVM runtime metrics with a final collection at exit, no network).
Needs: dist/target/weft-agent.jar (./mvnw -DskipTests package). The official agent is
fetched from Maven Central into ~/.cache/weft-bench with Maven and never committed.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

OFFICIAL_VERSION = "2.31.0"
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
CACHE = os.path.expanduser("~/.cache/weft-bench")
# Nothing to export in hello world; "none" keeps both agents off the network all the same.
AGENT_ENV = {
    "OTEL_TRACES_EXPORTER": "none",
    "OTEL_METRICS_EXPORTER": "none",
    "OTEL_LOGS_EXPORTER": "none",
}


def official_agent():
    jar = os.path.join(CACHE, f"opentelemetry-javaagent-{OFFICIAL_VERSION}.jar")
    if not os.path.exists(jar):
        os.makedirs(CACHE, exist_ok=True)
        mvn = os.path.join(ROOT, "mvnw")
        subprocess.run(
            [mvn, "-q", "-B", "dependency:copy",
             f"-Dartifact=io.opentelemetry.javaagent:opentelemetry-javaagent:{OFFICIAL_VERSION}",
             f"-DoutputDirectory={CACHE}"],
            cwd=ROOT, check=True)
    return jar


def compile_app(java):
    out = os.path.join(HERE, "target")
    os.makedirs(out, exist_ok=True)
    bindir = os.path.dirname(os.path.realpath(java))
    subprocess.run([os.path.join(bindir, "javac"), "--release", "11", "-d", out,
                    os.path.join(HERE, "HelloWorld.java"), os.path.join(HERE, "EmptyAgent.java")],
                   check=True)
    manifest = os.path.join(out, "empty-agent.mf")
    with open(manifest, "w") as f:
        f.write("Premain-Class: EmptyAgent\n")
    empty = os.path.join(out, "empty-agent.jar")
    subprocess.run([os.path.join(bindir, "jar"), "cfm", empty, manifest, "-C", out,
                    "EmptyAgent.class"], check=True)
    return out, empty


def run_once(cmd, env):
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}")
    return elapsed * 1000.0, usage.ru_maxrss / 1024.0  # ms, MiB


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--java", default=shutil.which("java"))
    parser.add_argument("--weft-metrics", default=None)
    parser.add_argument("--no-official", action="store_true")
    parser.add_argument("--weft-before", default=None, help="another weft-agent.jar to compare")
    args = parser.parse_args()

    weft = os.path.join(ROOT, "dist", "target", "weft-agent.jar")
    if not os.path.exists(weft):
        sys.exit("build the agent first: ./mvnw -B -DskipTests package")
    classes, empty_agent = compile_app(args.java)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OTEL_", "WEFT_"))}
    env.update(AGENT_ENV)
    base = [args.java, "-cp", classes]
    cases = {
        "no agent": base + ["HelloWorld"],
        "empty agent (JVM floor)": [args.java, f"-javaagent:{empty_agent}", "-cp", classes,
                                    "HelloWorld"],
        "weft": [args.java, f"-javaagent:{weft}", "-cp", classes, "HelloWorld"],
    }
    if args.weft_before:
        cases["weft (before)"] = [args.java, f"-javaagent:{args.weft_before}", "-cp", classes,
                                  "HelloWorld"]
    envs = {name: env for name in cases}
    if args.weft_metrics:
        name = f"weft, metrics {args.weft_metrics}"
        cases[name] = cases["weft"]
        envs[name] = dict(env, OTEL_METRICS_EXPORTER=args.weft_metrics)
    if not args.no_official:
        name = f"official {OFFICIAL_VERSION}"
        cases[name] = [args.java, f"-javaagent:{official_agent()}", "-cp", classes, "HelloWorld"]
        envs[name] = env
    for name, cmd in cases.items():  # warm the page cache once
        run_once(cmd, envs[name])
    results = {name: ([], []) for name in cases}
    for _ in range(args.runs):
        for name, cmd in cases.items():
            ms, mib = run_once(cmd, envs[name])
            results[name][0].append(ms)
            results[name][1].append(mib)

    version = subprocess.run([args.java, "-version"], capture_output=True, text=True).stderr
    print(f"# {version.splitlines()[0]}; {os.cpu_count()} cores; {args.runs} runs per case")
    print("| case | wall ms median (min-max) | added ms | peak RSS MiB median (min-max) | added MiB |")
    print("| --- | --- | --- | --- | --- |")
    base_ms = statistics.median(results["no agent"][0])
    base_mib = statistics.median(results["no agent"][1])
    for name, (times, rss) in results.items():
        ms, mib = statistics.median(times), statistics.median(rss)
        print(f"| {name} | {ms:.0f} ({min(times):.0f}-{max(times):.0f}) | {ms - base_ms:+.0f} "
              f"| {mib:.1f} ({min(rss):.1f}-{max(rss):.1f}) | {mib - base_mib:+.1f} |")
    if not args.no_official:
        sizes = {"weft": os.path.getsize(weft), "official": os.path.getsize(official_agent())}
        print(f"\njar size: weft {sizes['weft'] / 1e6:.2f} MB, official {sizes['official'] / 1e6:.2f} MB "
              f"({sizes['weft'] / sizes['official']:.2f}x)")


if __name__ == "__main__":
    main()
