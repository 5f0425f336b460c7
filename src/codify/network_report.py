"""The network report's outputs: the tables as CSV and JSON, the HTML page with its charts, the
PDF printed from it, all written into one output folder as one transaction.

Every output reads the same tables (`tables`), so the HTML, CSV and JSON cannot disagree.
Text from profiles, assessments and the spec is untrusted in each: autoescaped in the HTML
and SVG (markupsafe), protected from formula evaluation in CSV (the checklist's `csv_cell`), and
JSON-escaped in JSON. The folder is written as `codify build` writes its own
(`codify.render.write.OutputWriter`, with its own manifest): all or nothing, and never over a
file codify did not write.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup

from codify import __version__
from codify.network import NETWORK_FILE, Report, SiteSummary
from codify.network_charts import FunnelDot, HeatCell, SpcLabels, funnel_plot, heat_map, spc_chart
from codify.outputs import NETWORK_MANIFEST
from codify.phrases import Phrasebook
from codify.render.text import plain

Row = dict[str, Any]


@dataclass(frozen=True)
class Table:
    """One table of the report: its name (the CSV file's), columns and rows."""

    name: str
    columns: tuple[str, ...]
    rows: list[Row]


def _name(text: str) -> str:
    """Profile or spec text as plain words (Markdown removed), for every output."""
    return plain(text)


def _signal_names(s: SiteSummary, i: int) -> str:
    return " ".join(sig.rule.value for sig in s.signals if sig.first <= i <= sig.last)


def tables(report: Report) -> list[Table]:
    """Every table the report shows, in the order it shows them."""
    net = report.network
    site_rows: list[Row] = []
    for s in report.sites:
        a = s.latest
        site_rows.append(
            {
                "site_id": s.site.id,
                "site": _name(s.site.name),
                "assessments": len(s.site.assessments),
                "latest_date": a.day.isoformat() if a else None,
                "latest_total": a.total if a else None,
                "band": _name(a.band.label) if a and a.band else None,
                "meets_standard": a.meets_standard if a else None,
                "must_pass_failed": " ".join(a.failed) if a else "",
                "previous_total": s.previous.total if s.previous else None,
                "change": s.change,
                "variation": s.variation,
                "assurance": s.assurance,
                "interval_months": s.interval,
                "next_due": s.due.isoformat() if s.due else None,
                "overdue": s.overdue,
                "profile": s.site.profile_path or "",
            }
        )
    points: list[Row] = []
    for s in report.sites:
        for i, a in enumerate(s.site.assessments):
            chart = s.chart
            points.append(
                {
                    "site_id": s.site.id,
                    "site": _name(s.site.name),
                    "date": a.day.isoformat(),
                    "total": a.total,
                    "band": _name(a.band.label) if a.band else None,
                    "meets_standard": a.meets_standard,
                    "must_pass_failed": " ".join(a.failed),
                    "mean": _round(chart.mean) if chart else None,
                    "lower_limit": _round(chart.lower) if chart else None,
                    "upper_limit": _round(chart.upper) if chart else None,
                    "signals": _signal_names(s, i),
                    "path": a.path,
                }
            )
    criteria = [
        {
            "number": c.number,
            "criterion_id": c.id,
            "criterion": _name(c.name),
            "scale_low": c.low,
            "scale_high": c.high,
            "minimum": c.minimum,
            "sites_rated": c.rated,
            "mean": _round(c.mean),
            "share_of_scale": _round(c.share),
            "below_minimum": c.below_minimum,
            "ratings": "; ".join(f"{k}: {v}" for k, v in sorted(c.counts.items())),
        }
        for c in report.criteria
    ]
    ratings: list[Row] = []
    by_id = {c.id: c for c in report.criteria}
    for s in report.sites:
        if s.latest is None:
            continue
        for cid, r in s.latest.ratings.items():
            minimum = by_id[cid].minimum
            ratings.append(
                {
                    "site_id": s.site.id,
                    "site": _name(s.site.name),
                    "date": s.latest.day.isoformat(),
                    "criterion_id": cid,
                    "rating": r,
                    "below_minimum": minimum is not None and r < minimum,
                }
            )
    alerts = [
        {
            "site_id": a.site.id,
            "site": _name(a.site.name),
            "kind": a.kind,
            "concerning": a.concerning,
            "from": a.first.isoformat(),
            "to": a.last.isoformat(),
            "values": _name(a.detail),
        }
        for a in report.alerts
    ]
    funnel: list[Row] = []
    deviants: list[Row] = []
    worse: list[Row] = []  # beyond the 99.8% limit on the worse side
    values: list[Row] = []
    for f in report.funnels:
        for p in f.points:
            funnel.append(
                {
                    "measure": f.measure,
                    "period": f.period,
                    "better": f.better,
                    "site_id": p.site.id,
                    "site": _name(p.site.name),
                    "numerator": p.figure.numerator,
                    "denominator": p.figure.denominator,
                    "proportion": _round(p.figure.proportion),
                    "network": _round(f.target),
                    "lower_998": _round(p.limits.lower998),
                    "lower_95": _round(p.limits.lower95),
                    "upper_95": _round(p.limits.upper95),
                    "upper_998": _round(p.limits.upper998),
                    "position": p.position.value,
                    "deviance": p.deviance,
                }
            )
            if p.deviance in ("positive", "negative"):
                (deviants if p.deviance == "positive" else worse).append(
                    {
                        "measure": f.measure,
                        "period": f.period,
                        "site_id": p.site.id,
                        "site": _name(p.site.name),
                        "proportion": _round(p.figure.proportion),
                        "network": _round(f.target),
                        # The limit it lies beyond: the upper one for a better result where
                        # higher is better, or a worse one where lower is.
                        "limit_998": _round(
                            p.limits.upper998
                            if (f.better == "higher") == (p.deviance == "positive")
                            else p.limits.lower998
                        ),
                        "choices": "; ".join(
                            f"{c.element}: {_name(c.text)}" for c in report.choices[p.site.id]
                        ),
                        "modifications": "; ".join(
                            _name(m.description)
                            for m in (p.site.profile.modifications if p.site.profile else [])
                        ),
                    }
                )
    # Figures given as a value (not a proportion) are tabled for every measure, charted or not.
    for site in net.sites:
        for fig in site.figures:
            if fig.proportion is None:
                values.append(
                    {
                        "site_id": site.id,
                        "site": _name(site.name),
                        "measure": fig.measure,
                        "period": fig.period,
                        "value": fig.value,
                        "path": fig.path,
                    }
                )
    measures = [f.measure for f in report.funnels if f.points]
    adaptations = []
    for e in report.catalogue:
        row: Row = {
            "element_id": e.choice.element,
            "element": _name(e.choice.element_name),
            "kind": e.choice.kind,
            "choice": _name(e.choice.text),
            "sites": len(e.sites),
            "site_ids": " ".join(s.id for s in e.sites),
            "assessed": e.assessed,
            "mean_total": _round(e.mean_total),
            "meeting_standard": e.meeting,
        }
        for m in measures:
            row[f"outcome_{m}"] = _round(e.outcomes.get(m))
        adaptations.append(row)
    excluded = [
        {
            "path": x.path,
            "kind": x.kind,
            "line": d.line,
            "col": d.column,
            "cell": d.cell,
            "code": d.code,
            "message": d.message,
        }
        for x in net.excluded
        for d in x.diagnostics
    ]
    return [
        Table("sites", _SITE_COLUMNS, site_rows),
        Table("assessments", _POINT_COLUMNS, points),
        Table("alerts", _ALERT_COLUMNS, alerts),
        Table("criteria", _CRITERION_COLUMNS, criteria),
        Table("ratings", _RATING_COLUMNS, ratings),
        Table("funnel", _FUNNEL_COLUMNS, funnel),
        Table("positive_deviance", _DEVIANT_COLUMNS, deviants),
        Table("negative_deviance", _DEVIANT_COLUMNS, worse),
        Table(
            "recorded",
            ("site_id", "site", "kind", "text"),
            [
                {"site_id": site.id, "site": _name(site.name), "kind": kind, "text": _name(text)}
                for site, kind, text in report.recorded()
            ],
        ),
        Table("outcome_values", ("site_id", "site", "measure", "period", "value", "path"), values),
        Table(
            "adaptations",
            (*_ADAPTATION_COLUMNS, *(f"outcome_{m}" for m in measures)),
            adaptations,
        ),
        Table("excluded", ("path", "kind", "line", "col", "cell", "code", "message"), excluded),
    ]


_SITE_COLUMNS = (
    "site_id",
    "site",
    "assessments",
    "latest_date",
    "latest_total",
    "band",
    "meets_standard",
    "must_pass_failed",
    "previous_total",
    "change",
    "variation",
    "assurance",
    "interval_months",
    "next_due",
    "overdue",
    "profile",
)
_POINT_COLUMNS = (
    "site_id",
    "site",
    "date",
    "total",
    "band",
    "meets_standard",
    "must_pass_failed",
    "mean",
    "lower_limit",
    "upper_limit",
    "signals",
    "path",
)
_ALERT_COLUMNS = ("site_id", "site", "kind", "concerning", "from", "to", "values")
_CRITERION_COLUMNS = (
    "number",
    "criterion_id",
    "criterion",
    "scale_low",
    "scale_high",
    "minimum",
    "sites_rated",
    "mean",
    "share_of_scale",
    "below_minimum",
    "ratings",
)
_RATING_COLUMNS = ("site_id", "site", "date", "criterion_id", "rating", "below_minimum")
_FUNNEL_COLUMNS = (
    "measure",
    "period",
    "better",
    "site_id",
    "site",
    "numerator",
    "denominator",
    "proportion",
    "network",
    "lower_998",
    "lower_95",
    "upper_95",
    "upper_998",
    "position",
    "deviance",
)
_DEVIANT_COLUMNS = (
    "measure",
    "period",
    "site_id",
    "site",
    "proportion",
    "network",
    "limit_998",
    "choices",
    "modifications",
)
_ADAPTATION_COLUMNS = (
    "element_id",
    "element",
    "kind",
    "choice",
    "sites",
    "site_ids",
    "assessed",
    "mean_total",
    "meeting_standard",
)


def _round(x: float | None, places: int = 4) -> float | None:
    return None if x is None else round(x, places)


def csv_text(table: Table) -> str:
    """A table as CSV for spreadsheets: UTF-8 with a byte-order mark, no cell a formula."""
    from codify.documents.render import csv_cell

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([csv_cell(_csv_value(row.get(c))) for c in table.columns])
    return "\ufeff" + out.getvalue()


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def json_text(report: Report, found: list[Table]) -> str:
    """The report as one JSON document: what it covers, then every table by name."""
    net = report.network
    payload = {
        "codify": __version__,
        "network": net.settings.name,
        "synthetic": bool(net.settings.synthetic),
        "intervention": net.spec.id,
        "version": net.spec.version,
        "as_of": net.as_of.isoformat(),
        "score_range": [report.low, report.high],
        "standard": report.standard,
        "interval_months": report.interval.months if report.interval else None,
        "interval_below_standard_months": (
            report.interval.below_standard_months if report.interval else None
        ),
        "interval_source": report.interval_source,
        "tables": {t.name: t.rows for t in found},
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


# --- the HTML page -----------------------------------------------------------------------------


def _spc_labels(book: Phrasebook, s: SiteSummary) -> SpcLabels:
    points = s.site.assessments
    name = _name(s.site.name)
    concerning = sum(not sig.improving for sig in s.signals)
    improving = len(s.signals) - concerning
    chart = s.chart
    assert chart is not None
    return SpcLabels(
        title=book.fill("network.spc.title", site=name),
        desc=book.fill(
            "network.spc.desc",
            n=len(points),
            site=name,
            first=points[0].day.isoformat(),
            last=points[-1].day.isoformat(),
            latest=points[-1].total,
            mean=f"{chart.mean:.1f}",
            concerning=concerning,
            improving=improving,
        ),
        mean=book.fill("network.spc.mean"),
        limits=book.fill("network.spc.limits"),
        standard=book.fill("network.spc.standard"),
        first=points[0].day.isoformat(),
        last=points[-1].day.isoformat(),
    )


def charts(report: Report, book: Phrasebook) -> dict[str, Any]:
    """Every chart of the report, as SVG, keyed for the template."""
    spc: dict[str, Markup] = {}
    for i, s in enumerate(report.sites):
        if s.chart is None:
            continue
        values = [a.total for a in s.site.assessments]
        spc[s.site.id] = spc_chart(
            f"spc-{i}",
            values,
            s.chart,
            s.signals,
            report.low,
            report.high,
            report.standard,
            _spc_labels(book, s),
        )
    assessed = [s for s in report.sites if s.latest is not None]
    cells = []
    for s in assessed:
        assert s.latest is not None
        row = []
        for c in report.criteria:
            r = s.latest.ratings.get(c.id)
            share = (
                None if r is None else ((r - c.low) / (c.high - c.low) if c.high > c.low else 1.0)
            )
            row.append(
                HeatCell(r, share, r is not None and c.minimum is not None and r < c.minimum)
            )
        cells.append(row)
    worst = sorted(
        report.criteria, key=lambda c: (-c.below_minimum, c.share if c.share is not None else 2)
    )
    heat = (
        heat_map(
            "heat",
            [_name(s.site.name) for s in assessed],
            [c.number for c in report.criteria],
            cells,
            book.fill("network.heat.title"),
            book.fill(
                "network.heat.desc",
                n=len(assessed),
                criteria=len(report.criteria),
                worst=_name(worst[0].name) if worst else "",
                below=worst[0].below_minimum if worst else 0,
            ),
        )
        if assessed
        else None
    )
    funnels: dict[str, Markup] = {}
    for k, f in enumerate(report.funnels):
        if not f.points:
            continue
        dots = []
        for number, p in enumerate(f.points, 1):
            assert p.figure.denominator is not None and p.figure.proportion is not None
            kind = {"positive": "improving", "negative": "concerning"}.get(p.deviance, "common")
            dots.append(
                FunnelDot(
                    number,
                    p.figure.denominator,
                    p.figure.proportion,
                    kind,
                    p.deviance not in ("within", "uncompared"),
                )
            )
        outside = sum(p.deviance in ("positive", "negative") for p in f.points)
        funnels[f.measure] = funnel_plot(
            f"funnel-{k}",
            f.target,
            dots,
            book.fill("network.funnel.title", measure=_name(f.name), period=f.period),
            book.fill(
                "network.funnel.desc",
                n=len(f.points),
                measure=_name(f.name),
                period=f.period,
                target=f"{f.target * 100:.1f}%",
                outside=outside,
            ),
            book.fill("network.funnel.axis_x"),
            book.fill("network.funnel.axis_y", measure=_name(f.name)),
        )
    return {"spc": spc, "heat": heat, "funnels": funnels}


def render_html(report: Report, language: str = "en", found: list[Table] | None = None) -> str:
    """The report as one self-contained HTML page (no script, nothing loaded).

    `found` is the report's tables, when the caller has them already (see `tables`)."""
    from codify.render.templates import environment, render

    env = environment(None, None, language)
    found = tables(report) if found is None else found
    return render(
        env,
        "network/report.html",
        report=report,
        net=report.network,
        tables={t.name: t for t in found},
        charts=charts(report, env.codify_book),
        summary=summary_counts(report),
    )


def summary_counts(report: Report) -> dict[str, int]:
    """The counts the report's first paragraph states."""
    sites = report.sites
    return {
        "sites": len(sites),
        "assessed": sum(s.latest is not None for s in sites),
        "assessments": sum(len(s.site.assessments) for s in sites),
        "meeting": sum(bool(s.latest and s.latest.meets_standard) for s in sites),
        "must_pass": sum(bool(s.latest and s.latest.failed) for s in sites),
        "overdue": sum(s.overdue is True for s in sites),
        "concerning": len({a.site.id for a in report.alerts if a.concerning}),
        "deviants": _beyond(report, "positive"),
        # Results worse than the network's by more than chance: the first thing to look into.
        "worse": _beyond(report, "negative"),
        "departing": len({site.id for site, kind, _ in report.recorded() if kind == "departs"}),
        "excluded": len(report.network.excluded),
    }


def _beyond(report: Report, side: str) -> int:
    """How many (measure, site) results lie beyond the 99.8% limit on `side`."""
    return len(
        {(f.measure, p.site.id) for f in report.funnels for p in f.points if p.deviance == side}
    )


# --- writing -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Written:
    """What a run wrote: every file it made, and those whose content changed."""

    files: list[Path]
    written: list[Path]


def write_report(
    report: Report,
    out_dir: Path,
    *,
    pdf: bool = False,
    language: str = "en",
    engine: Any = None,
) -> Written:
    """Write report.html, report.json, one CSV per table (tables/) and, with `pdf`, report.pdf.

    Raises codify.render.write.OutputError when the folder cannot be written as promised, and
    codify.documents.pdf.PdfError when printing fails.
    """
    from codify.render.write import OutputError, OutputWriter

    net = report.network
    # A report in a site's folder would make it "a folder codify wrote", which later runs pass
    # over: the site would vanish from every report without being listed as left out.
    out = out_dir.resolve()
    for site in net.sites:
        folder = site.folder.resolve()
        if out == folder or folder.is_relative_to(out):
            raise OutputError(
                f"output folder {out_dir} is or holds the folder of the site {site.folder.name}, "
                "which later reports would then pass over; choose a folder outside sites/"
            )
    found = tables(report)
    html = render_html(report, language, found)
    writer = OutputWriter(
        out_dir,
        NETWORK_MANIFEST,
        inputs=net.inputs,
        specs=[net.spec_path, net.root / NETWORK_FILE],
    )
    writer.add("report.html", html)
    writer.add("report.json", json_text(report, found))
    for t in found:
        writer.add(f"tables/{t.name}.csv", csv_text(t))
    if pdf:
        assert engine is not None
        writer.add("report.pdf", engine.render(html))
    changed = writer.commit()
    files = [out_dir / str(rel) for rel in sorted(writer.files)]
    return Written(files, changed)
