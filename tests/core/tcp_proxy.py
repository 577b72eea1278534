"""A TCP proxy in front of the test database that a test can take away and bring back: the database "unreachable"
and "back again", as a network outage or a restart looks to a client, without touching the server itself."""

from __future__ import annotations

import contextlib
import socket
import threading
from pathlib import Path


class DatabaseProxy:
    """Listens on 127.0.0.1:`port` and forwards each connection to the database at `host`:`port_to` (a TCP host or,
    as the embedded server uses, a socket directory)."""

    def __init__(self, host: str, port_to: int) -> None:
        self.host, self.port_to = host, port_to
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self._listener: socket.socket | None = None
        self._open: list[socket.socket] = []
        self._lock = threading.Lock()

    def _upstream(self) -> socket.socket:
        if self.host.startswith("/"):
            upstream = socket.socket(socket.AF_UNIX)
            upstream.connect(str(Path(self.host) / f".s.PGSQL.{self.port_to}"))
            return upstream
        return socket.create_connection((self.host, self.port_to))

    def start(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen()
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # stopped
            upstream = self._upstream()
            with self._lock:
                self._open += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, target: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, target):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)

    def stop(self) -> None:
        """The database is gone: no new connections, and every open one is cut."""
        if self._listener is not None:
            with contextlib.suppress(OSError):  # wakes the accepting thread (a close alone does not)
                self._listener.shutdown(socket.SHUT_RDWR)
            self._listener.close()
            self._listener = None
        with self._lock:
            for s in self._open:
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()
            self._open = []
