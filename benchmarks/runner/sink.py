"""A local OTLP/HTTP sink: accepts every export, answers an empty success, counts bytes."""
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SIGNALS = {"/v1/traces": "traces", "/v1/metrics": "metrics", "/v1/logs": "logs"}


class OtlpSink:
    """Counts the body bytes and requests of each signal; reset() between cases."""

    def __init__(self):
        self._lock = threading.Lock()
        self._counts = {}
        self.reset()
        sink = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as a collector offers

            def do_POST(self):
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length) if length else self._read_chunked()
                signal = SIGNALS.get(self.path.split("?")[0])
                if signal is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                sink._count(signal, len(body))
                # An empty Export*ServiceResponse: zero bytes of protobuf means "all accepted".
                self.send_response(200)
                self.send_header("Content-Type", "application/x-protobuf")
                self.send_header("Content-Length", "0")
                self.end_headers()

            def _read_chunked(self):
                if self.headers.get("Transfer-Encoding", "").lower() != "chunked":
                    return b""
                data = bytearray()
                while True:
                    size = int(self.rfile.readline().split(b";")[0], 16)
                    if size == 0:
                        self.rfile.readline()
                        return bytes(data)
                    data += self.rfile.read(size)
                    self.rfile.readline()

            def log_message(self, *args):
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def _count(self, signal, size):
        with self._lock:
            c = self._counts[signal]
            c["bytes"] += size
            c["requests"] += 1

    def reset(self):
        with self._lock:
            self._counts = {s: {"bytes": 0, "requests": 0} for s in SIGNALS.values()}

    def snapshot(self):
        with self._lock:
            return {s: dict(c) for s, c in self._counts.items()}

    def close(self):
        self._server.shutdown()
