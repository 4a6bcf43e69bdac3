"""Paths, the three agents, and process helpers shared by the start-up and load cases."""
import os
import shutil
import signal
import socket
import subprocess
import sys
import time

OFFICIAL_VERSION = "2.31.0"
HERE = os.path.dirname(os.path.abspath(__file__))
BENCHMARKS = os.path.dirname(HERE)
ROOT = os.path.dirname(BENCHMARKS)
CACHE = os.path.expanduser("~/.cache/weft-bench")
OUT = os.path.join(BENCHMARKS, "target", "overhead")

WEFT_JAR = os.path.join(ROOT, "dist", "target", "weft-agent.jar")
APP_JAR = os.path.join(BENCHMARKS, "app", "target", "benchmark-app.jar")
SPRING_JAR = os.path.join(BENCHMARKS, "spring-app", "target", "spring-app.jar")
BUILD_HINT = "./mvnw -B -DskipTests package"

# Every case, the no-agent one included, runs with these JVM flags: a fixed maximum heap, as a
# service would be deployed, so that peak RSS is not decided by a default of 1/4 of the RAM.
JVM_FLAGS = ["-Xmx512m"]
# Under load the same heap is committed and touched up front: otherwise how much of it is
# resident depends on G1's young-generation sizing, which moves by tens of MiB between runs of
# the same case and swamps what an agent adds. Peak RSS then compares what each agent adds
# outside the heap (classes, JIT code, threads, native buffers); what it adds inside the heap
# shows as GC work in the CPU column.
LOAD_JVM_FLAGS = ["-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch"]


def official_agent():
    """The official agent jar, fetched once from Maven Central into CACHE (never committed)."""
    jar = os.path.join(CACHE, f"opentelemetry-javaagent-{OFFICIAL_VERSION}.jar")
    if os.path.exists(jar):
        return jar
    os.makedirs(CACHE, exist_ok=True)
    artifact = f"io.opentelemetry.javaagent:opentelemetry-javaagent:{OFFICIAL_VERSION}"
    print(f"downloading {artifact} from Maven Central into {CACHE}", file=sys.stderr)
    result = subprocess.run(
        [os.path.join(ROOT, "mvnw"), "-q", "-B", "dependency:copy", f"-Dartifact={artifact}",
         f"-DoutputDirectory={CACHE}"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0 or not os.path.exists(jar):
        sys.exit(f"could not download the official agent {artifact} from Maven Central "
                 f"(./mvnw dependency:copy exited {result.returncode}); the comparison needs it. "
                 f"Maven said:\n{result.stdout[-2000:]}")
    return jar


def require_built(*jars):
    missing = [j for j in jars if not os.path.exists(j)]
    if missing:
        sys.exit(f"not built: {', '.join(os.path.relpath(j, ROOT) for j in missing)}; "
                 f"run {BUILD_HINT} first")


def agents():
    """(name, JVM arguments) of the three cases every table compares."""
    return [
        ("no agent", []),
        ("weft", [f"-javaagent:{WEFT_JAR}"]),
        (f"official {OFFICIAL_VERSION}", [f"-javaagent:{official_agent()}"]),
    ]


def agent_env(sink_port, service):
    """The same OTEL_* configuration for every case: all signals over OTLP to the sink."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OTEL_", "WEFT_"))}
    env.update({
        "OTEL_SERVICE_NAME": service,
        "OTEL_EXPORTER_OTLP_ENDPOINT": f"http://127.0.0.1:{sink_port}",
        "OTEL_EXPORTER_OTLP_PROTOCOL": "http/protobuf",
        "OTEL_TRACES_EXPORTER": "otlp",
        "OTEL_METRICS_EXPORTER": "otlp",
        "OTEL_LOGS_EXPORTER": "otlp",
    })
    return env


def java_version(java):
    out = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
    return out.splitlines()[0] if out else "unknown java"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def peak_rss_mib(pid):
    """VmHWM of a live process: the most resident memory it has had so far."""
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    raise RuntimeError(f"no VmHWM for {pid}")


def log_path(name):
    os.makedirs(OUT, exist_ok=True)
    return os.path.join(OUT, name.replace(" ", "-") + ".log")


def start(cmd, env, log):
    with open(log, "w") as out:
        out.write(" ".join(cmd) + "\n")
        out.flush()
        return subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL)


def stop(proc, timeout=60):
    """SIGTERM (so that agents flush their last batch, as in production), then wait."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            print(f"warning: pid {proc.pid} ignored SIGTERM for {timeout}s; killed",
                  file=sys.stderr)


def wait_until(probe, proc, log, timeout=180):
    """Calls probe() every 5 ms until it returns True; exits if the process dies or times out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"process exited ({proc.returncode}) before answering; see {log}")
        if probe():
            return
        time.sleep(0.005)
    stop(proc)
    sys.exit(f"no successful answer within {timeout}s; see {log}")


def which_java(java):
    found = shutil.which(java) if java else None
    if not found:
        sys.exit("no java on PATH; pass --java")
    return found
