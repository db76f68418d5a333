"""The implementation report as CSV (for any spreadsheet) and as an Excel workbook.

One commune's report and the province's (every commune side by side) go through the same
writers: each is a list of sections, a block of the CSV and a sheet of the workbook."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from bulletins.reporting.figures import ImplementationReport, ProvinceReport

Number = int | float
AnyReport = ImplementationReport | ProvinceReport


@dataclass(frozen=True)
class Section:
    """One table of the report: a sheet of the workbook, a block of the CSV."""

    title: str
    headers: tuple[str, ...]
    rows: list[tuple[str | Number | None, ...]]


def _hours(value: float | None) -> float | str:
    return "" if value is None else value


def summary_rows(report: ImplementationReport) -> list[tuple[str, Number | str]]:
    """The headline figures, in the order the page shows them."""
    r = report
    return [
        ("Bản tin đã đăng", r.published),
        ("Bản đính chính đã duyệt", r.corrections),
        ("Bản tin bị gỡ", r.withdrawn),
        ("Lượt phát sóng", r.airings),
        ("Số phút đã phát", r.aired_minutes),
        ("Lượt phát chưa rõ thời lượng", r.airings_unknown_length),
        ("Bản tin đã phát sóng", r.bulletins_aired),
        ("Lượt trả lại của thẩm định", r.returns_by_reviewer),
        ("Lượt trả lại của lãnh đạo", r.returns_by_leader),
        ("Bản tin bị trả lại", r.bulletins_returned),
        ("Lượt phê duyệt", r.approvals),
        ("Lượt phê duyệt đo được thời gian", r.approvals_measured),
        ("Thời gian gửi đến duyệt, trung bình (giờ)", _hours(r.approval_hours_avg)),
        ("Thời gian gửi đến duyệt, trung vị (giờ)", _hours(r.approval_hours_median)),
    ]


def sections(report: ImplementationReport) -> list[Section]:
    """Every table of the report, summary first."""
    counts = [("Chủ đề", "Chủ đề", report.by_topic), ("Đơn vị", "Đơn vị", report.by_unit),
              ("Kênh", "Kênh", report.by_channel), ("Ngôn ngữ", "Ngôn ngữ", report.by_language)]
    out = [Section("Tổng hợp", ("Chỉ tiêu", "Giá trị"), list(summary_rows(report)))]
    out += [Section(title, (head, "Số bản tin"), [(c.label, c.value) for c in rows])
            for title, head, rows in counts]
    out.append(Section("Theo tháng", ("Tháng", "Bản tin đã đăng", "Lượt trả lại",
                                      "Lượt phát sóng", "Số phút đã phát"),
                       [(m.month.strftime("%m/%Y"), m.published, m.returns, m.airings,
                         m.minutes) for m in report.months]))
    out.append(Section("Lý do trả lại", ("Loại phát hiện", "Lượt trả lại", "Số phát hiện"),
                       [(r.label, r.returns, r.findings) for r in report.reasons]))
    return out


def _text(value: object) -> object:
    """Text a spreadsheet will show as text, never run as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _period(report: AnyReport) -> str:
    return f"{report.start:%d/%m/%Y} – {report.end:%d/%m/%Y}"


def _title(report: AnyReport) -> str:
    if isinstance(report, ProvinceReport):
        return f"Báo cáo kết quả thực hiện toàn tỉnh {report.name}".rstrip()
    return "Báo cáo kết quả thực hiện"


def province_sections(report: ProvinceReport) -> list[Section]:
    """The whole province's summary, each part (the province's own bulletins, each commune)
    side by side, bulletins by topic per commune, then the whole province's breakdowns."""
    whole = sections(report.total)
    parts = Section("Các xã", ("Xã", "Bản tin đã đăng", "Lượt phát sóng", "Số phút đã phát",
                               "Bản tin đã phát sóng", "Lượt trả lại", "Bản tin bị gỡ"),
                    [(p.name, p.report.published, p.report.airings, p.report.aired_minutes,
                      p.report.bulletins_aired, p.report.returns, p.report.withdrawn)
                     for p in report.parts])
    topics = [(c.key, c.label) for c in report.total.by_topic]
    by_topic = Section("Chủ đề theo xã", ("Xã", *(label for _, label in topics)),
                       [(p.name, *({c.key: c.value for c in p.report.by_topic}.get(k, 0)
                                   for k, _ in topics)) for p in report.parts])
    return [whole[0], parts, by_topic, *whole[1:]]


def _sections(report: AnyReport) -> list[Section]:
    if isinstance(report, ProvinceReport):
        return province_sections(report)
    return sections(report)


def to_csv(report: AnyReport) -> str:
    """Sections one after another, each with its header row; UTF-8 BOM for Excel."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([_title(report), _period(report)])
    for section in _sections(report):
        writer.writerow([])
        writer.writerow([f"# {section.title}"])
        writer.writerow(section.headers)
        writer.writerows([_text(v) for v in row] for row in section.rows)
    return out.getvalue()


def _sheet(book: Workbook, section: Section, first: bool) -> None:
    sheet = book.active if first else book.create_sheet()
    sheet.title = section.title
    sheet.append(list(section.headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in section.rows:
        sheet.append([None if v == "" else v for v in row])
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):  # a label starting with "=" stays a label
                cell.data_type = "s"
    for index, header in enumerate(section.headers, start=1):
        longest = max([len(str(header))] + [len(str(r[index - 1])) for r in section.rows])
        sheet.column_dimensions[get_column_letter(index)].width = min(60, longest + 2)
    sheet.freeze_panes = "A2"


def _chart(book: Workbook, sheet_name: str, title: str, anchor: str) -> None:
    sheet = book[sheet_name]
    rows = sheet.max_row
    if rows < 2:
        return
    chart = BarChart()
    chart.type = "bar" if sheet_name != "Theo tháng" else "col"
    chart.title, chart.legend = title, None
    chart.add_data(Reference(sheet, min_col=2, min_row=1, max_row=rows), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=rows))
    chart.height, chart.width = max(7.5, rows * 0.6), 18
    sheet.add_chart(chart, anchor)


def to_xlsx(report: AnyReport) -> bytes:
    """A workbook: the summary sheet, one sheet per breakdown, bar charts of topics and months
    (and, for the province, of bulletins published per commune)."""
    book = Workbook()
    for index, section in enumerate(_sections(report)):
        _sheet(book, section, first=index == 0)
    summary = book["Tổng hợp"]
    summary.insert_rows(1, 2)
    summary["A1"], summary["B1"] = _title(report), _period(report)
    summary["A1"].font = Font(bold=True, size=13)
    summary.freeze_panes = "A4"
    _chart(book, "Chủ đề", "Bản tin đã đăng theo chủ đề", "D2")
    _chart(book, "Theo tháng", "Bản tin đã đăng theo tháng", "G2")
    if isinstance(report, ProvinceReport):
        _chart(book, "Các xã", "Bản tin đã đăng theo xã", "I2")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
