"""The simulated receivers' side of bench/receivers.py: keep-alive HTTP/1.1 connections on
127.0.0.1 (asyncio streams), the figures collected, and the CPU the processes used."""

from __future__ import annotations

import asyncio
import os
import subprocess
import time
from collections import Counter
from pathlib import Path


class Pool:
    """Keep-alive HTTP/1.1 connections to one host; at most `size` requests at once."""

    def __init__(self, port: int, size: int) -> None:
        self.port, self.idle = port, asyncio.LifoQueue()
        self.slots = asyncio.Semaphore(size)

    async def _open(self):
        return await asyncio.open_connection("127.0.0.1", self.port)

    async def request(self, method: str, path: str, headers: dict[str, str],
                      body: bytes = b"") -> tuple[int, dict[str, str], bytes]:
        async with self.slots:
            for attempt in (0, 1):  # a kept-alive connection the server closed: retry once,
                # on a new connection
                reuse = attempt == 0 and not self.idle.empty()
                conn = self.idle.get_nowait() if reuse else await self._open()
                try:
                    result = await self._exchange(conn, method, path, headers, body)
                except (ConnectionError, asyncio.IncompleteReadError):
                    conn[1].close()
                    if attempt:
                        raise
                    continue
                if result[1].get("connection", "").lower() == "close":
                    conn[1].close()
                else:
                    self.idle.put_nowait(conn)
                return result
        raise ConnectionError("unreachable")

    @staticmethod
    async def _exchange(conn, method, path, headers, body):
        reader, writer = conn
        lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1"]
        lines += [f"{k}: {v}" for k, v in headers.items()]
        lines.append(f"Content-Length: {len(body)}")
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        await writer.drain()
        head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        status = int(head[0].split()[1])
        fields = {}
        for line in head[1:]:
            if ":" in line:
                name, value = line.split(":", 1)
                fields[name.strip().lower()] = value.strip()
        length = int(fields.get("content-length", 0))
        data = await reader.readexactly(length) if length else b""
        return status, fields, data


class Stats:
    def __init__(self) -> None:
        self.times: dict[str, list[float]] = {}
        self.codes: Counter = Counter()
        self.errors: Counter = Counter()
        self.seen: dict[int, float] = {}
        self.played: dict[int, float] = {}
        self.reads: list[tuple[float, float]] = []  # (when, ms) of schedule reads

    def add(self, kind: str, ms: float, code: int, ok: bool) -> None:
        self.times.setdefault(kind, []).append(ms)
        if kind == "schedule":
            self.reads.append((time.monotonic(), ms))
        self.codes[code] += 1
        if not ok:
            self.errors[f"{kind}:{code}"] += 1


def _cpu(pid: int, children: bool = False) -> float:
    """CPU seconds a process used (with its reaped children's, e.g. espeak-ng and ffmpeg)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    ticks = int(fields[11]) + int(fields[12])
    if children:
        ticks += int(fields[13]) + int(fields[14])
    return ticks / os.sysconf("SC_CLK_TCK")


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
    return found


def _backends() -> list[int]:
    out = subprocess.run(["psql", "-qAt", "-d", "postgres", "-c",
                          "SELECT pid FROM pg_stat_activity WHERE datname = "
                          "'loa_receivers_bench'"],
                         capture_output=True, text=True, check=False).stdout
    return [int(x) for x in out.split()]


def cpu_sample(server: int, worker: int) -> dict[str, float]:
    """CPU seconds so far of the web workers, the job worker, this client and PostgreSQL's
    backends serving the bench database."""
    return {"web": sum(_cpu(p) for p in [server, *_children(server)]),
            "jobs": _cpu(worker, children=True), "client": _cpu(os.getpid()),
            "db": sum(_cpu(p) for p in _backends())}


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[max(0, int(len(values) * q) - 1)] if values else float("nan")
