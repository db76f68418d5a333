"""Serving a test app for real on 127.0.0.1 (waitress in a thread), as `make run` does."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from flask import Flask
from waitress.server import create_server


@contextmanager
def served(app: Flask, *, threads: int = 8, jobs: bool = False) -> Iterator[str]:
    """Serve app until the block ends; with jobs=True the embedded job queue runs too."""
    consumer = None
    if jobs:
        consumer = app.extensions["loa.jobs"].consumer(workers=1, embedded=True)
        consumer.start()
    server = create_server(app, host="127.0.0.1", port=0, threads=threads)
    stopping = threading.Event()

    def run() -> None:
        try:
            server.run()
        except OSError:  # closing the sockets under a running loop (EBADF) ends it
            if not stopping.is_set():
                raise

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:
        stopping.set()
        server.close()
        thread.join(timeout=5)
        if consumer is not None:
            consumer.stop(graceful=True)
