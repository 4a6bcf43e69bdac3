"""Start-up cases: hello world (start to exit) and the Spring Boot app (start to first answer)."""
import http.client
import os
import subprocess
import sys
import time

from . import common

STARTUP_SRC = os.path.join(common.BENCHMARKS, "startup")


def compile_hello(java):
    """HelloWorld and a do-nothing agent (the JVM's own cost of any -javaagent)."""
    out = os.path.join(common.OUT, "hello")
    os.makedirs(out, exist_ok=True)
    bindir = os.path.dirname(os.path.realpath(java))
    subprocess.run([os.path.join(bindir, "javac"), "--release", "11", "-d", out,
                    os.path.join(STARTUP_SRC, "HelloWorld.java"),
                    os.path.join(STARTUP_SRC, "EmptyAgent.java")], check=True)
    manifest = os.path.join(out, "empty-agent.mf")
    with open(manifest, "w") as f:
        f.write("Premain-Class: EmptyAgent\n")
    empty = os.path.join(out, "empty-agent.jar")
    subprocess.run([os.path.join(bindir, "jar"), "cfm", empty, manifest, "-C", out,
                    "EmptyAgent.class"], check=True)
    return out, empty


def hello_world(java, rounds, sink, page_cache_pass=True):
    """{case: [(ms, peak MiB), ...]}: wall time start to exit, peak RSS from wait4."""
    classes, empty = compile_hello(java)
    cases = [("no agent", [])]
    cases.append(("empty agent (JVM floor)", [f"-javaagent:{empty}"]))
    cases += common.agents()[1:]
    env = common.agent_env(sink.port, "hello-world")
    results = {name: [] for name, _ in cases}
    first = 0 if page_cache_pass else 1
    for round_ in range(first, rounds + 1):  # round 0 only warms the page cache
        for name, agent in rotated(cases, round_):
            cmd = [java] + common.JVM_FLAGS + agent + ["-cp", classes, "HelloWorld"]
            sample = _run_to_exit(cmd, env)
            if round_ > 0:
                results[name].append(sample)
    return results


def _run_to_exit(cmd, env):
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"failed ({code}): {' '.join(cmd)}")
    return elapsed * 1000.0, usage.ru_maxrss / 1024.0


def spring_boot(java, rounds, sink, page_cache_pass=True):
    """{case: [(ms to first answer, peak MiB at that moment), ...]} for the Spring Boot app."""
    env = common.agent_env(sink.port, "spring-app")
    cases = common.agents()
    results = {name: [] for name, _ in cases}
    first = 0 if page_cache_pass else 1
    for round_ in range(first, rounds + 1):  # round 0 only warms the page cache
        for name, agent in rotated(cases, round_):
            port = common.free_port()
            cmd = [java] + common.JVM_FLAGS + agent + [
                "-jar", common.SPRING_JAR, f"--server.port={port}", "--server.address=127.0.0.1"]
            ms, proc, log = time_to_first_answer(
                cmd, env, f"spring-{name}-{round_}", lambda: _get_ok(port, "/hello"))
            rss = common.peak_rss_mib(proc.pid)
            common.stop(proc)
            if round_ > 0:
                results[name].append((ms, rss))
    return results


def time_to_first_answer(cmd, env, label, probe):
    """Starts cmd and polls probe() every 5 ms; returns (ms, the running process, its log)."""
    log = common.log_path(label)
    start = time.perf_counter()
    proc = common.start(cmd, env, log)
    common.wait_until(probe, proc, log)
    return (time.perf_counter() - start) * 1000.0, proc, log


def _get_ok(port, path):
    return request_ok(port, "GET", path, None)


def request_ok(port, method, path, body):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        headers = {"Content-Type": "application/x-www-form-urlencoded"} if body else {}
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status == 200
    except (ConnectionError, OSError, http.client.HTTPException):
        return False
    finally:
        connection.close()


def rotated(cases, round_):
    """Each round starts with a different case, so slow drift of the machine hits all alike."""
    k = round_ % len(cases)
    return cases[k:] + cases[:k]
