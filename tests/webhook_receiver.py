"""A webhook receiver on 127.0.0.1 for the notification tests: a separate process that writes
every request it gets to a JSON-lines file, and answers as told.

    python tests/webhook_receiver.py PORT LOG [--fail-first N] [--always-fail] [--delay S]
"""

import argparse
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("log")
    parser.add_argument("--fail-first", type=int, default=0)
    parser.add_argument("--always-fail", action="store_true")
    parser.add_argument("--delay", type=float, default=0.0)
    options = parser.parse_args()
    lock = threading.Lock()
    seen = {"count": 0}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # the name http.server calls
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            time.sleep(options.delay)
            with lock:
                seen["count"] += 1
                failing = options.always_fail or seen["count"] <= options.fail_first
                status = 500 if failing else 204
                with open(options.log, "a", encoding="utf-8") as log:
                    entry = {
                        "at": time.time(),
                        "status": status,
                        "authorization": self.headers.get("Authorization", ""),
                        "idempotency_key": self.headers.get("Idempotency-Key", ""),
                        "body": json.loads(body or b"{}"),
                    }
                    log.write(json.dumps(entry) + "\n")
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    ThreadingHTTPServer(("127.0.0.1", options.port), Handler).serve_forever()


if __name__ == "__main__":
    main()
