"""Bar charts as server-side SVG: no JavaScript, no CDN, printable, readable by screen readers."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

PALETTE = ("#b3261e", "#0b57d0", "#1e7b34", "#9a6700", "#6d4c9f", "#00796b")


def _short(label: str, limit: int = 38) -> str:
    """A label that fits left of the bars; the full one stays in the bar's tooltip."""
    return label if len(label) <= limit else label[:limit - 1].rstrip() + "…"


def bar_chart(bars: Sequence[tuple[str, float]], *, title: str, unit: str = "",
              width: int = 640, bar_height: int = 22) -> str:
    """Horizontal bars with their labels and values; the title is the accessible name."""
    label_w, value_w, gap = 280, 60, 6
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
            f'text-anchor="end">{escape(_short(label))}</text>',
            f'<rect x="{label_w}" y="{y}" width="{length:.1f}" height="{bar_height}" '
            f'fill="{color}"><title>{escape(label)}: {escape(shown)}</title></rect>',
            f'<text x="{label_w + length + 6:.1f}" y="{y + bar_height * 0.7:.1f}" '
            f'font-size="13">{escape(shown)}</text>',
        ]
    out.append("</svg>")
    return "".join(out)


def column_chart(columns: Sequence[tuple[str, float]], *, title: str, unit: str = "",
                 width: int = 640, height: int = 240) -> str:
    """Vertical columns (e.g. one per month) with values above and labels below."""
    top, bottom, left = 30, 34, 8
    span = height - top - bottom
    slot = (width - 2 * left) / max(len(columns), 1)
    bar_w = max(2.0, slot * 0.7)
    step = max(1, round(len(columns) / 12))  # at most about twelve labels under the axis
    largest = max((v for _, v in columns), default=0) or 1
    base = top + span
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" role="img" aria-label="{escape(title)}" '
           f'class="chart">',
           f"<title>{escape(title)}</title>",
           f'<text x="0" y="18" font-size="15" font-weight="bold">{escape(title)}</text>',
           f'<line x1="{left}" y1="{base}" x2="{width - left}" y2="{base}" stroke="#555"/>']
    for index, (label, value) in enumerate(columns):
        size = max(0.0, value) / largest * (span - 16)
        x = left + index * slot + (slot - bar_w) / 2
        middle = x + bar_w / 2
        shown = f"{value:g}{(' ' + unit) if unit else ''}"
        out.append(f'<rect x="{x:.1f}" y="{base - size:.1f}" width="{bar_w:.1f}" '
                   f'height="{size:.1f}" fill="{PALETTE[1]}"><title>{escape(label)}: '
                   f'{escape(shown)}</title></rect>')
        if len(columns) <= 24 or value:
            out.append(f'<text x="{middle:.1f}" y="{base - size - 4:.1f}" font-size="11" '
                       f'text-anchor="middle">{value:g}</text>')
        if index % step == 0:
            out.append(f'<text x="{middle:.1f}" y="{base + 16}" font-size="11" '
                       f'text-anchor="middle">{escape(label)}</text>')
    out.append("</svg>")
    return "".join(out)
