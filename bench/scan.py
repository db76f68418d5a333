"""Throughput of the confidentiality scanner on ~5 MB of bulletin text, against a digit pass."""

from __future__ import annotations

import json
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bulletins.confidentiality import scan  # noqa: E402

TARGET_BYTES = 5_000_000


def build_text(target: int = TARGET_BYTES, seed: int = 2026) -> str:
    """Corpus bulletins and the seed plan, shuffled deterministically until ~target UTF-8 bytes."""
    docs = json.loads((ROOT / "tests/corpus/confidentiality.json").read_text("utf-8"))["documents"]
    texts = [d["text"] for d in docs]
    seed_dir = Path("/work/shared/seed")
    if seed_dir.is_dir():
        for path in sorted(seed_dir.glob("*.md")):
            texts.extend(p for p in path.read_text("utf-8").split("\n\n") if p.strip())
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < target:
        rng.shuffle(texts)
        for t in texts:
            parts.append(t)
            size += len(t.encode("utf-8")) + 2
            if size >= target:
                break
    return "\n\n".join(parts)


def best_interleaved(fns, repeat: int, clock) -> list[float]:
    """Best time of each function over repeat rounds that call them in turn: a slow spell of a
    shared machine then falls on both sides of a ratio, not on one."""
    best = [float("inf")] * len(fns)
    for _ in range(repeat):
        for i, fn in enumerate(fns):
            t0 = clock()
            fn()
            best[i] = min(best[i], clock() - t0)
    return best


def digit_pass(text: str) -> int:
    """One pass of re.finditer(r"\\d") over the text."""
    n = 0
    for _ in re.finditer(r"\d", text):
        n += 1
    return n


def main() -> None:
    """Time both passes and print details, then the summary line."""
    text = build_text()
    mb = len(text.encode("utf-8")) / 1e6
    findings = scan(text)
    digits = digit_pass(text)
    t_scan, t_digit = best_interleaved((lambda: scan(text), lambda: digit_pass(text)), 3,
                                       time.perf_counter)
    kinds = Counter(f.kind for f in findings)
    print(f"text: {mb:.2f} MB, {len(text):,} characters, {digits:,} digits")
    print(f"scan: {t_scan * 1000:.1f} ms (best of 3, in turn with the digit pass), "
          f"{len(findings):,} findings")
    for kind, n in sorted(kinds.items()):
        print(f"  {kind:24} {n:7,}")
    print(f"digit pass: {t_digit * 1000:.1f} ms (best of 3, in turn)")
    # CPU time too: on a machine shared with other work the wall-clock ratio swings widely
    c_scan, c_digit = best_interleaved((lambda: scan(text), lambda: digit_pass(text)), 7,
                                       time.process_time)
    print(f"cpu: scan {c_scan * 1000:.1f} ms, digit pass {c_digit * 1000:.1f} ms "
          "(best of 7, in turn)")
    print(f"mbps={mb / t_scan:.2f} ratio={t_scan / t_digit:.2f} cpu_ratio={c_scan / c_digit:.2f}")


if __name__ == "__main__":
    main()
