"""Serve a WSGI app on 127.0.0.1 from a daemon thread (a real socket, a real HTTP exchange)."""

from __future__ import annotations

import threading
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """No request lines on stderr: they would name BSNs in a query string of a misbehaving client."""


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class LocalServer:
    """`url` once started; `stop()` closes the socket."""

    def __init__(self, app: Any, port: int = 0) -> None:
        self.app = app
        self._server = make_server(
            "127.0.0.1", port, app, server_class=_ThreadingServer, handler_class=_QuietHandler
        )
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def start(self) -> LocalServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
