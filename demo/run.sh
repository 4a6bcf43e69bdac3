#!/usr/bin/env bash
# Builds Weft and the demo, then runs the demo with the agent attached and the console exporter:
# every span is printed on standard error as a "[weft] span" line. No collector needed.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests package -pl dist,demo -am
exec java -javaagent:dist/target/weft-agent.jar \
  -Dotel.service.name=weft-demo \
  -Dotel.traces.exporter=console \
  -Dotel.metrics.exporter=none \
  -Dotel.logs.exporter=none \
  -cp demo/target/classes dev.weft.demo.DemoApp "$@"
