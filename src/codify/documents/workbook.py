"""checklist.xlsx: the fidelity checklist as a real workbook, to fill in and score.

The same columns and rows as checklist.csv (codify.documents.render), with what a CSV cannot
carry: a frozen, bold header, wrapped text, the rating and evidence columns marked out, and
data validation on each rating cell (a whole number on the criterion's scale, or yes/no from
a list), so a spreadsheet refuses an off-scale rating as it is typed. `codify score` reads
the filled-in workbook back (codify.assessment).

Every value is spec text, so every text cell is written as a string cell (never a formula,
whatever it starts with) with the quote-prefix style, which keeps it text when a user edits
it; characters a workbook may not hold are replaced. The bytes are deterministic: no dates
in the document properties and fixed times in the zip, so an unchanged spec builds the
same file.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from typing import Any

from codify.documents.render import CHECKLIST_COLUMNS, checklist_rows
from codify.documents.view import Document
from codify.render.filters import NOT_YAML_TEXT

SHEET = "Checklist"  # the sheet `codify score` looks for first
# Column widths in characters, for the columns an assessor reads and writes; others get 14.
_WIDTHS = {"criterion": 48, "method": 40, "anchors": 48, "rating": 10, "evidence": 48}
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can hold: stands for "no date"
_NO_DATE = datetime.datetime(*_ZIP_TIME)
# openpyxl always writes both dates; they are optional in a workbook, so they are taken out.
_CORE_DATES = re.compile(rb"<dcterms:(created|modified)\b[^>]*>[^<]*</dcterms:\1>")


def checklist_xlsx(doc: Document) -> bytes:
    """The checklist workbook for `doc`, as the bytes of an .xlsx file."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET
    rating_col = CHECKLIST_COLUMNS.index("rating") + 1
    evidence_col = CHECKLIST_COLUMNS.index("evidence") + 1
    for index, title in enumerate(CHECKLIST_COLUMNS, 1):
        head = sheet.cell(row=1, column=index)
        _put(head, title)
        head.font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(index)].width = _WIDTHS.get(title, 14)
    sheet.freeze_panes = "A2"
    to_fill = PatternFill("solid", fgColor="FFF2CC")  # the cells an assessor fills in
    wrap = Alignment(wrap_text=True, vertical="top")

    # One validation per distinct scale, each covering its criteria's rating cells.
    validations: dict[tuple[str, int, int], Any] = {}
    for number, (criterion, row) in enumerate(
        zip(doc.criteria, checklist_rows(doc), strict=True), 2
    ):
        for index, value in enumerate(row, 1):
            cell = sheet.cell(row=number, column=index)
            _put(cell, value)
            cell.alignment = wrap
            if index in (rating_col, evidence_col):
                cell.fill = to_fill
        kind = "yes_no" if criterion.is_yes_no else "rating"
        key = (kind, criterion.low, criterion.high)
        if key not in validations:
            if criterion.is_yes_no:
                rule = DataValidation(type="list", formula1='"yes,no"', allow_blank=True)
                prompt = doc.book.fill("workbook.yes_no_prompt")
            else:
                rule = DataValidation(
                    type="whole",
                    operator="between",
                    formula1=str(criterion.low),
                    formula2=str(criterion.high),
                    allow_blank=True,
                )
                prompt = doc.book.fill(
                    "workbook.range_prompt", low=criterion.low, high=criterion.high
                )
            rule.prompt = rule.error = _text(prompt)
            rule.showInputMessage = rule.showErrorMessage = True
            sheet.add_data_validation(rule)
            validations[key] = rule
        validations[key].add(sheet.cell(row=number, column=rating_col))

    # No dates: a build says only what the spec says, and the same spec gives the same bytes.
    book.properties.creator = "codify"
    book.properties.title = _text(doc.words(doc.title))
    book.properties.created = book.properties.modified = _NO_DATE  # taken out below
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        _in_memory_writer()(book, archive).save()
    return _fixed_times(raw.getvalue())


def _in_memory_writer() -> Any:
    """openpyxl's ExcelWriter, writing each sheet in memory rather than to a temporary file.

    Rendering writes nothing to disk: the build writes every file at once, inside the output
    folder, or none (a full disk is reported there, as for every other file). openpyxl's own
    writer puts each sheet in a file in the system's temporary folder first.
    """
    from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
    from openpyxl.worksheet._writer import WorksheetWriter
    from openpyxl.writer.excel import ExcelWriter

    class InMemory(ExcelWriter):  # type: ignore[misc]
        def write_worksheet(self, ws: Any) -> None:
            # As ExcelWriter.write_worksheet (openpyxl 3.1), with a buffer for the sheet.
            ws._drawing = SpreadsheetDrawing()
            ws._drawing.charts = ws._charts
            ws._drawing.images = ws._images
            out = io.BytesIO()
            writer = WorksheetWriter(ws, out=out)
            writer.write()
            ws._rels = writer._rels
            self._archive.writestr(ws.path[1:], out.getvalue())
            self.manifest.append(ws)

    return InMemory


def _text(value: str) -> str:
    """Text a workbook can hold: control characters (which XML refuses) become U+FFFD."""
    return NOT_YAML_TEXT.sub("\ufffd", value)


def _put(cell: Any, value: object) -> None:
    """Write a value: numbers as numbers, text always as a string cell, never a formula.

    openpyxl would take text starting with '=' as a formula; the type is set back to string
    after the value, and the quote prefix keeps the cell text when someone edits it.
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        cell.value = value
        return
    text = _text(str(value))
    cell.value = text
    cell.data_type = "s"
    if text:
        cell.quotePrefix = True


def _fixed_times(data: bytes) -> bytes:
    """The same zip with every member's time set to _ZIP_TIME, in the same order, and no
    dates in the document properties."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o600 << 16
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _CORE_DATES.sub(b"", content)
            target.writestr(member, content)
    return out.getvalue()
