"""The overhead suite's command line: see benchmarks/overhead.py for the contract."""
import argparse
import datetime
import json
import os
import platform
import sys
import time

from . import common, load, report, startup
from .sink import OtlpSink

# Warm-up is long on purpose: on 2 busy cores C2 is still compiling the agents' code (and the
# JDK's HTTP stack) 20 s in, and a short warm-up charges that to the agent per request.
FULL = {"rounds": 5, "warmup": 30, "duration": 20, "hello_rounds": 10, "spring_rounds": 5,
        "page_cache_pass": True}
QUICK = {"rounds": 1, "warmup": 4, "duration": 6, "hello_rounds": 1, "spring_rounds": 1,
         "page_cache_pass": False}


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog="benchmarks/overhead.py",
        description="Weft vs no agent vs the official OpenTelemetry agent, in one run.")
    p.add_argument("--quick", action="store_true",
                   help="one short round of everything (CI; under 3 minutes); no goals judged")
    p.add_argument("--only", choices=["startup", "load"], help="run one part only")
    p.add_argument("--rounds", type=int, help="load rounds (default 5; quick 1)")
    p.add_argument("--warmup", type=float, help="load warm-up seconds (default 30; quick 4)")
    p.add_argument("--duration", type=float, help="measured seconds (default 20; quick 6)")
    p.add_argument("--concurrency", type=int, default=8, help="driver connections (default 8)")
    p.add_argument("--hello-rounds", type=int, help="hello-world runs per case (default 10)")
    p.add_argument("--spring-rounds", type=int, help="Spring Boot runs per case (default 5)")
    p.add_argument("--java", default="java", help="the JDK's java for every process")
    p.add_argument("--jfr", metavar="DIR", help="record JFR (profile settings) of agent load runs")
    args = p.parse_args(argv)
    for key, value in (QUICK if args.quick else FULL).items():
        if getattr(args, key, None) is None:
            setattr(args, key, value)
    return args


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    java = common.which_java(args.java)
    common.require_built(common.WEFT_JAR, common.APP_JAR, common.SPRING_JAR)
    official_jar = common.official_agent()
    if args.jfr:
        os.makedirs(args.jfr, exist_ok=True)
    weft, official = "weft", f"official {common.OFFICIAL_VERSION}"
    began = time.monotonic()
    sink = OtlpSink()
    results = {}
    try:
        if args.only in (None, "startup"):
            print("start-up: hello world", file=sys.stderr, flush=True)
            results["hello"] = startup.hello_world(
                java, args.hello_rounds, sink, args.page_cache_pass)
            print("start-up: Spring Boot", file=sys.stderr, flush=True)
            results["spring"] = startup.spring_boot(
                java, args.spring_rounds, sink, args.page_cache_pass)
        if args.only in (None, "load"):
            results["load"] = load.run(java, args.rounds, args.warmup, args.duration,
                                       args.concurrency, sink, args.jfr)
    finally:
        sink.close()
    minutes = (time.monotonic() - began) / 60
    print("\n".join(render(args, java, results, weft, official, official_jar, minutes)))
    save(args, java, results)


def render(args, java, results, weft, official, official_jar, minutes):
    mode = "quick" if args.quick else "full"
    out = [f"# {datetime.date.today()}, {common.java_version(java)}, {platform.machine()}, "
           f"{os.cpu_count()} cores; {mode} mode, {minutes:.1f} min; JVM flags: start-up "
           f"{' '.join(common.JVM_FLAGS)}, load {' '.join(common.LOAD_JVM_FLAGS)}", ""]
    if "load" in results:
        out.append(f"Load: {args.rounds} round(s) x {args.warmup:g} s warm-up + "
                   f"{args.duration:g} s measured, {args.concurrency} connections; "
                   "median (min-max) over rounds.")
        out.append("")
        out += report.load_table(results["load"])
        out.append("")
    if "hello" in results:
        out += report.startup_table("hello world", results["hello"], "start to exit")
        out.append("")
    if "spring" in results:
        out += report.startup_table("Spring Boot 3.5", results["spring"], "first answer")
        out.append("")
    out += report.goals_table(results, weft, official, common.WEFT_JAR, official_jar)
    if args.quick:
        out += ["", "Quick mode: one short round proves the suite works; "
                    "its figures are too noisy to judge the goals."]
    return out


def save(args, java, results):
    os.makedirs(common.OUT, exist_ok=True)
    path = os.path.join(common.OUT, f"results-{time.strftime('%Y%m%d-%H%M%S')}.json")
    with open(path, "w") as f:
        json.dump({"args": vars(args), "java": common.java_version(java), "results": results},
                  f, indent=1)
    print(f"\nraw samples: {os.path.relpath(path, common.ROOT)}", file=sys.stderr)
