"""SVG bar charts for the implementation report."""

from __future__ import annotations

import re

from lxml import etree as ElementTree

from bulletins.reporting.charts import bar_chart, column_chart

SVG = "{http://www.w3.org/2000/svg}"


def test_bars_are_proportional_and_labelled():
    svg = bar_chart([("Quốc phòng, an ninh", 10), ("Thông báo <chung>", 5)], title="Theo chủ đề")
    root = ElementTree.fromstring(svg.encode())  # well-formed even with < in a label
    assert root.get("role") == "img" and root.get("aria-label") == "Theo chủ đề"
    widths = [float(r.get("width")) for r in root.iter(f"{SVG}rect")]
    assert widths[0] == 2 * widths[1] > 0
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "Thông báo <chung>" in texts and "10" in texts


def test_empty_and_zero_series_do_not_break():
    root = ElementTree.fromstring(bar_chart([], title="Trống").encode())
    assert list(root.iter(f"{SVG}rect")) == []
    zero = ElementTree.fromstring(bar_chart([("A", 0)], title="Không").encode())
    assert [r.get("width") for r in zero.iter(f"{SVG}rect")] == ["0.0"]


def test_columns_are_proportional_one_per_month_and_labelled():
    months = [(f"{m:02d}/2026", v) for m, v in zip(range(1, 13), [4, 2, 0] + [1] * 9,
                                                        strict=True)]
    root = ElementTree.fromstring(column_chart(months, title="Theo <tháng>").encode())
    assert root.get("aria-label") == "Theo <tháng>"
    rects = list(root.iter(f"{SVG}rect"))
    heights = [float(r.get("height")) for r in rects]
    assert len(rects) == 12 and heights[0] == 2 * heights[1] > 0 and heights[2] == 0
    bottoms = {round(float(r.get("y")) + float(r.get("height")), 1) for r in rects}
    assert len(bottoms) == 1  # every column stands on the same axis
    xs = [float(r.get("x")) for r in rects]
    assert xs == sorted(xs)
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "01/2026" in texts and "12/2026" in texts and "4" in texts


def test_columns_thin_out_labels_over_long_ranges_and_survive_empty():
    many = [(f"m{i}", i % 3) for i in range(120)]
    root = ElementTree.fromstring(column_chart(many, title="Mười năm").encode())
    assert len(list(root.iter(f"{SVG}rect"))) == 120
    labels = [t.text for t in root.iter(f"{SVG}text") if t.text and t.text.startswith("m")]
    assert 10 <= len(labels) <= 13
    empty = ElementTree.fromstring(column_chart([], title="Trống").encode())
    assert list(empty.iter(f"{SVG}rect")) == []


def test_long_labels_are_shortened_with_an_ellipsis_and_kept_whole_in_the_tooltip():
    label = "Xúc tiến đầu tư, thương mại, du lịch và phát triển kinh tế biên giới"
    svg = bar_chart([(label, 3)], title="Theo chủ đề")
    shown = re.findall(r'text-anchor="end">([^<]*)<', svg)
    assert len(shown) == 1 and shown[0].endswith("…") and len(shown[0]) <= 38
    assert f"<title>{label}: 3</title>" in svg
