"""A small HTTP server on 127.0.0.1 for the ingest tests: pages, feeds, and the bad cases (a hang,
a redirect loop, an endless body). Nothing here listens beyond loopback."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGE = """<!doctype html><html><head><title>Harbour crane collapses</title>
<meta property="article:published_time" content="2024-02-10T08:00:00Z"></head>
<body><nav>Home | News</nav><article><h1>Harbour crane collapses</h1>
<p>A container crane collapsed at the west harbour of Portmere on Saturday morning, crushing two empty trucks.</p>
<p>Harbour officials said no one was injured because the night shift had just ended and the quay was empty.</p>
<p>Engineers will inspect the other five cranes of the terminal before loading resumes next week.</p>
</article></body></html>"""


def rss(base: str) -> str:
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Portmere Post</title>
<item><title>Crane collapses</title><link>{base}/page</link><guid>crane-1</guid>
<pubDate>Sat, 10 Feb 2024 09:00:00 GMT</pubDate><description>A crane fell.</description></item>
<item><title>Ferry timetable</title><guid>ferry-2</guid><pubDate>Sun, 11 Feb 2024 09:00:00 GMT</pubDate>
<description>The winter ferry timetable between Portmere and the islands starts on Monday, with two extra
crossings on weekdays and a later last boat on Fridays, the ferry company announced on Sunday. Tickets bought
for the old timetable stay valid, and season passes are extended by a week to make up for the storm closures.
Passengers with bicycles are asked to book a place in advance because the new boats carry fewer of them.</description></item>
<item><title>Empty</title><guid>empty-3</guid><description></description></item>
</channel></rss>"""


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def _send(self, body: bytes, ctype: str = "text/html; charset=utf-8", code: int = 200) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_port}"
        if self.path == "/page":
            self._send(PAGE.encode())
        elif self.path == "/feed":
            self._send(rss(base).encode(), "application/rss+xml")
        elif self.path == "/broken-feed":
            self._send(b"<?xml version='1.0'?><rss><channel><item><title>oops", "application/rss+xml")
        elif self.path == "/hang":
            time.sleep(30)
        elif self.path in ("/loop-a", "/loop-b"):
            self.send_response(302)
            self.send_header("Location", "/loop-b" if self.path == "/loop-a" else "/loop-a")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path.startswith("/redirect-to/"):
            self.send_response(301)
            self.send_header("Location", self.path.removeprefix("/redirect-to/"))
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/huge":  # an endless body, no length announced
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                chunk = b"<p>" + b"x" * 65536 + b"</p>"
                for _ in range(100_000):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif self.path == "/huge-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(2 * 1024**3))
            self.end_headers()
        else:
            self._send(b"not found", code=404)


class LoopbackServer:
    def __init__(self) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> LoopbackServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
