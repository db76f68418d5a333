"""SVG bar charts for the implementation report."""

from __future__ import annotations

from lxml import etree as ElementTree

from bulletins.charts import bar_chart

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
