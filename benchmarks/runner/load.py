"""The load case: the benchmark app under the load driver, once per agent per round."""
import http.client
import json
import subprocess
import sys

from . import common
from .startup import rotated, request_ok, time_to_first_answer

PROBE_ORDER = "customer=c1&client=jdk&items=SKU-100:1,SKU-113:2"


def run(java, rounds, warmup, duration, concurrency, sink, jfr_dir=None):
    """{case: [sample dict, ...]}, one sample per round."""
    env = common.agent_env(sink.port, "benchmark-app")
    cases = common.agents()
    results = {name: [] for name, _ in cases}
    for round_ in range(rounds):
        for name, agent in rotated(cases, round_):
            print(f"load: round {round_ + 1}/{rounds}, {name}", file=sys.stderr, flush=True)
            extra = []
            if jfr_dir and agent:
                jfr = f"{jfr_dir}/{name.split()[0]}-{round_}.jfr"
                extra = [f"-XX:StartFlightRecording=settings=profile,filename={jfr}"]
            results[name].append(
                _one(java, agent + extra, env, f"load-{name}-{round_}", warmup, duration,
                     concurrency, sink))
            _check_exports(name, results[name][-1])
    return results


def _one(java, agent, env, label, warmup, duration, concurrency, sink):
    port = common.free_port()
    cmd = [java] + common.LOAD_JVM_FLAGS + agent + [
        "-cp", common.APP_JAR, "dev.weft.benchmarks.app.BenchmarkApp", str(port)]
    sink.reset()
    startup_ms, proc, log = time_to_first_answer(
        cmd, env, label, lambda: request_ok(port, "POST", "/checkout", PROBE_ORDER))
    try:
        driver = subprocess.run(
            [java, "-cp", common.APP_JAR, "dev.weft.benchmarks.driver.LoadDriver",
             "--port", str(port), "--concurrency", str(concurrency),
             "--warmup", str(warmup), "--duration", str(duration)],
            capture_output=True, text=True)
        if driver.returncode != 0:
            sys.exit(f"load driver failed ({driver.returncode}) on {label}: "
                     f"{driver.stderr.strip()[-2000:]}\nsee {log}")
        sample = json.loads(driver.stdout.strip().splitlines()[-1])
        served_total = _served(port)
        sample["peak_rss_mib"] = common.peak_rss_mib(proc.pid)
    finally:
        common.stop(proc)
    sample["startup_ms"] = startup_ms
    sample["served_total"] = served_total
    sample["exported"] = sink.snapshot()
    sample["exported_bytes"] = sum(s["bytes"] for s in sample["exported"].values())
    return sample


def _served(port):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", "/admin")
        text = connection.getresponse().read().decode()
    finally:
        connection.close()
    return int(dict(line.split(" ") for line in text.strip().splitlines())["served"])


def _check_exports(name, sample):
    """Not a threshold: proof the suite is wired, i.e. an agent's spans reach the sink."""
    traces = sample["exported"]["traces"]["bytes"]
    if name == "no agent" and sample["exported_bytes"] != 0:
        sys.exit("the sink received exports from the no-agent run: the setup is broken")
    if name != "no agent" and traces == 0:
        sys.exit(f"{name} exported no trace bytes to the sink: the setup is broken")
