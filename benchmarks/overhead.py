#!/usr/bin/env python3
"""Weft's overhead suite: no agent vs Weft vs the official OpenTelemetry agent, in one run.

    ./mvnw -B -DskipTests package          # weft-agent.jar, the benchmark and Spring Boot apps
    python3 benchmarks/overhead.py         # full: 20-30 minutes on 2 cores; --quick: under 3

Runs the same applications three ways, interleaved round by round, every agent exporting all
its signals over OTLP/HTTP to a local sink that counts bytes, and prints one markdown table:
start-up (hello world, the benchmark app, Spring Boot), throughput, latency percentiles, CPU
seconds per 1,000 requests and bytes allocated per request (the app JVM's own counters), peak
RSS (VmHWM), exported bytes per request, jar size, and the ratios of Weft's added cost to the
official agent's against the project's goals. The official agent is downloaded once from Maven
Central into ~/.cache/weft-bench. Logs and raw samples land in benchmarks/target/overhead/.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from runner.cli import main  # noqa: E402

if __name__ == "__main__":
    main()
