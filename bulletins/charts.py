"""Bar charts as server-side SVG: no JavaScript, no CDN, printable, readable by screen readers."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

PALETTE = ("#b3261e", "#0b57d0", "#1e7b34", "#9a6700", "#6d4c9f", "#00796b")


def bar_chart(bars: Sequence[tuple[str, float]], *, title: str, unit: str = "",
              width: int = 640, bar_height: int = 22) -> str:
    """Horizontal bars with their labels and values; the title is the accessible name."""
    label_w, value_w, gap = 220, 60, 6
    top = 30
    height = top + len(bars) * (bar_height + gap) + 10
    largest = max((v for _, v in bars), default=0) or 1
    span = width - label_w - value_w
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" role="img" aria-label="{escape(title)}" '
           f'class="chart">',
           f"<title>{escape(title)}</title>",
           f'<text x="0" y="18" font-size="15" font-weight="bold">{escape(title)}</text>']
    for index, (label, value) in enumerate(bars):
        y = top + index * (bar_height + gap)
        length = max(0.0, value) / largest * span
        color = PALETTE[index % len(PALETTE)]
        shown = f"{value:g}{(' ' + unit) if unit else ''}"
        out += [
            f'<text x="{label_w - 8}" y="{y + bar_height * 0.7:.1f}" font-size="13" '
            f'text-anchor="end">{escape(label[:34])}</text>',
            f'<rect x="{label_w}" y="{y}" width="{length:.1f}" height="{bar_height}" '
            f'fill="{color}"><title>{escape(label)}: {escape(shown)}</title></rect>',
            f'<text x="{label_w + length + 6:.1f}" y="{y + bar_height * 0.7:.1f}" '
            f'font-size="13">{escape(shown)}</text>',
        ]
    out.append("</svg>")
    return "".join(out)
