"""`codify network` on the bundled example networks and on networks with bad and hostile files:
what it reads, what it leaves out (with positions), and what every output says."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from codify.cli import cli
from codify.documents.pdf import find_chromium
from codify.loader import load_file
from codify.network import analyse, load_network
from codify.network_model import network_schema_text, outcomes_schema_text
from codify.network_report import csv_text, render_html, tables
from tests.conftest import ROOT

RAID = ROOT / "examples" / "raid" / "network"
SCHWARTZ = ROOT / "examples" / "schwartz_rounds" / "network"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def read_csv(path: Path) -> list[dict[str, str]]:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


@pytest.fixture(scope="module")
def raid_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("raid") / "report"
    code, stdout, stderr = run("network", str(RAID), "--out", str(out))
    assert (code, stderr) == (0, ""), stderr
    assert "6 sites" in stdout
    return out


@pytest.fixture(scope="module")
def schwartz_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("schwartz") / "report"
    code, _, stderr = run("network", str(SCHWARTZ), "--out", str(out))
    assert (code, stderr) == (0, ""), stderr
    return out


# --- the example networks ----------------------------------------------------------------------


def test_the_raid_network_report_shows_what_its_data_were_built_to_show(raid_out: Path) -> None:
    sites = {r["site_id"]: r for r in read_csv(raid_out / "tables" / "sites.csv")}
    assert sorted(sites) == ["ashby", "brookfield", "carrow", "dunmore", "eastgate", "fenwick"]
    # One site overdue: Dunmore, last assessed in March 2025 against a yearly interval.
    assert [s for s, r in sites.items() if r["overdue"] == "true"] == ["dunmore"]
    assert sites["dunmore"]["next_due"] == "2026-03-15"
    # A must-pass failure in a band that meets the standard: Eastgate.
    assert sites["eastgate"]["must_pass_failed"] == "c_round_the_clock"
    assert sites["eastgate"]["band"] == "RAID model in place"
    assert sites["eastgate"]["meets_standard"] == "false"
    # Below the standard, its next assessment is due six months on, not twelve.
    assert (sites["eastgate"]["interval_months"], sites["ashby"]["interval_months"]) == ("6", "12")
    alerts = {(r["site_id"], r["kind"]) for r in read_csv(raid_out / "tables" / "alerts.csv")}
    # The drifting site: down a band, below the standard, a falling trend, below its limit.
    assert {
        ("brookfield", "band_fall"),
        ("brookfield", "below_standard"),
        ("brookfield", "trend_down"),
        ("brookfield", "below_limit"),
    } <= alerts
    assert ("fenwick", "trend_up") in alerts
    assert not {a for a in alerts if a[0] in ("ashby", "carrow", "dunmore")}
    deviants = read_csv(raid_out / "tables" / "positive_deviance.csv")
    assert [(d["measure"], d["site_id"]) for d in deviants] == [("response_times", "carrow")]
    # Its recorded choices and modification stand beside it.
    assert "referral_route: Both" in deviants[0]["choices"]
    assert "emergency department itself" in deviants[0]["modifications"]


def test_the_schwartz_network_report_shows_what_its_data_were_built_to_show(
    schwartz_out: Path,
) -> None:
    sites = {r["site_id"]: r for r in read_csv(schwartz_out / "tables" / "sites.csv")}
    assert [s for s, r in sites.items() if r["overdue"] == "true"] == ["dogwood"]
    assert sites["elm"]["must_pass_failed"] == "confidentiality-stated"
    alerts = {(r["site_id"], r["kind"]) for r in read_csv(schwartz_out / "tables" / "alerts.csv")}
    assert {("birch", "band_fall"), ("birch", "trend_down"), ("fir", "trend_up")} <= alerts
    funnel = {r["site_id"]: r for r in read_csv(schwartz_out / "tables" / "funnel.csv")}
    assert funnel["cedar"]["deviance"] == "positive"
    assert funnel["birch"]["deviance"] == "negative"
    # The network value is the pooled proportion: all numerators over all denominators.
    numerators = sum(int(r["numerator"]) for r in funnel.values())
    denominators = sum(int(r["denominator"]) for r in funnel.values())
    assert float(funnel["alder"]["network"]) == pytest.approx(numerators / denominators, abs=1e-4)


def _summary_and_section(html: str, section_id: str) -> tuple[str, str]:
    """The report's summary list and one outcomes block (`id` of its heading), as plain text."""
    import html as entities
    import re

    def plain(fragment: str) -> str:
        return " ".join(entities.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())

    summary = html[
        html.index('<h2 id="summary">') : html.index("</section>", html.index('<h2 id="summary">'))
    ]
    start = html.index(f'<h3 id="{section_id}">')
    end = html.index("<h3 ", start + 1)
    return plain(summary), plain(html[start:end])


@pytest.mark.parametrize("example", ["raid", "schwartz"])
def test_a_result_worse_than_the_network_is_said_first_not_left_in_a_table(
    example: str, raid_out: Path, schwartz_out: Path
) -> None:
    # A site whose outcome lies beyond the 99.8% limit on the worse side is in the summary, in
    # bold with a link, and in a block of its own with its recorded choices: not only a cell
    # of the funnel table.
    out = raid_out if example == "raid" else schwartz_out
    funnel = read_csv(out / "tables" / "funnel.csv")
    worse_sites = {r["site"] for r in funnel if r["deviance"] == "negative"}
    better_sites = {r["site"] for r in funnel if r["deviance"] == "positive"} - worse_sites
    assert worse_sites, "the example network has a result beyond the limit on the worse side"
    n = len({(r["measure"], r["site_id"]) for r in funnel if r["deviance"] == "negative"})
    html = (out / "report.html").read_text(encoding="utf-8")
    summary, worse = _summary_and_section(html, "worse")
    lies = "result lies" if n == 1 else "results lie"
    assert f"{n} outcome {lies} beyond the funnel's 99.8% limit on the worse side." in summary
    assert f"<strong>{n} outcome {lies} beyond" in html and 'href="#worse"' in html
    assert worse.startswith("Results worse than the network's Sites whose result lies beyond")
    assert all(name in worse for name in worse_sites)
    assert not any(name in worse for name in better_sites)
    # The data files have the same list, as they have every table.
    table = read_csv(out / "tables" / "negative_deviance.csv")
    assert {r["site"] for r in table} == worse_sites
    payload = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert len(payload["tables"]["negative_deviance"]) == len(table)


def test_the_sites_table_names_failed_criteria_as_the_spec_does(raid_out: Path) -> None:
    html = (raid_out / "report.html").read_text(encoding="utf-8")
    table = html[
        html.index('<h2 id="sites">') : html.index("</table>", html.index('<h2 id="sites">'))
    ]
    row = next(r for r in table.split("<tr") if "Eastgate" in r)
    assert "c_round_the_clock" not in row
    assert "The liaison team is on duty 24 hours a day, 7 days a week" in row, row


def test_every_table_is_in_the_json_and_as_csv(raid_out: Path) -> None:
    payload = json.loads((raid_out / "report.json").read_text(encoding="utf-8"))
    assert payload["synthetic"] is True
    assert (payload["intervention"], payload["as_of"]) == ("raid", "2026-10-31")
    assert (payload["interval_months"], payload["interval_below_standard_months"]) == (12, 6)
    assert payload["interval_source"] == "spec"
    csvs = sorted(p.stem for p in (raid_out / "tables").glob("*.csv"))
    assert sorted(payload["tables"]) == csvs
    for name, rows in payload["tables"].items():
        assert len(read_csv(raid_out / "tables" / f"{name}.csv")) == len(rows), name
    assert len(payload["tables"]["assessments"]) == 44
    assert payload["tables"]["outcome_values"] == [
        {
            "site_id": "carrow",
            "site": "Carrow Valley Hospital (synthetic)",
            "measure": "bed_days",
            "period": "2026-Q3",
            "value": 1150,
            "path": str(RAID / "sites" / "carrow" / "outcomes" / "2026-Q3.yaml"),
        }
    ]


def test_the_html_report_is_self_contained_marked_synthetic_and_its_charts_accessible(
    raid_out: Path,
) -> None:
    html = (raid_out / "report.html").read_text(encoding="utf-8")
    assert "Synthetic data." in html
    assert "<script" not in html and 'http-equiv="Content-Security-Policy"' in html
    svgs = re.findall(r"<svg\b[^>]*>.*?</svg>", html, re.S)
    # An XmR chart per site, the heat map, and a funnel plot per charted measure.
    assert len(svgs) == 6 + 1 + 2
    for svg in svgs:
        head = svg[: svg.index(">") + 1]
        assert 'role="img"' in head
        labelled = re.search(r'aria-labelledby="([^"]+)"', head)
        assert labelled
        for ident in labelled[1].split():
            assert f'id="{ident}"' in svg
        assert re.search(r"<title id=\"[^\"]+\">[^<]+</title><desc id=", svg)
    # Each chart's data is in a table beside it: every Brookfield total is in the HTML.
    brookfield = html[html.index("Brookfield Royal Infirmary (synthetic)</h3>") :]
    for total in (45, 44, 43, 42, 41, 40, 39, 35):
        assert f'<td class="n">{total}</td>' in brookfield


def test_a_second_run_writes_nothing_new(raid_out: Path) -> None:
    code, stdout, _ = run("network", str(RAID), "--out", str(raid_out))
    assert code == 0
    assert "(0 written," in stdout


def test_the_committed_schemas_match_the_models() -> None:
    assert (ROOT / "spec" / "network.schema.json").read_text() == network_schema_text()
    assert (ROOT / "spec" / "outcomes.schema.json").read_text() == outcomes_schema_text()
    assert run("schema", "--network")[1] == network_schema_text()
    assert run("schema", "--outcomes")[1] == outcomes_schema_text()


def test_network_files_are_not_taken_for_specs_and_site_profiles_check_clean() -> None:
    code, stdout, _ = run("check", str(RAID))
    assert code == 0
    # The six site profiles are checked against the spec; nothing else in the folder is a spec.
    assert "6 files checked" in stdout


# --- bad files do not stop the picture ---------------------------------------------------------


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A copy of the RAID example with one bad file of each kind added."""
    root = tmp_path_factory.mktemp("broken") / "raid"
    shutil.copytree(ROOT / "examples" / "raid", root)
    sites = root / "network" / "sites"
    good = (sites / "ashby" / "assessments" / "2026-09-15.yaml").read_text()
    (sites / "ashby" / "assessments" / "2026-10-01.yaml").write_text("criteria: [\n  - id: x\n")
    (sites / "carrow" / "assessments" / "2026-10-02.yaml").write_text(
        good.replace("rating: 5", "rating: 9", 1)
    )
    (sites / "dunmore" / "assessments" / "latest.yaml").write_text(
        re.sub(r'date: "[^"]*"\n', "", good)
    )
    (sites / "eastgate" / "outcomes" / "2026-Q4.yaml").write_text(
        'period: "2026-Q4"\nmeasures:\n  - id: response_times\n    numerator: 600\n'
        "    denominator: 500\n  - id: waiting_list\n    value: 3\n"
    )
    (sites / "fenwick" / "outcomes" / "z-2026-Q2.yaml").write_text(
        'period: "2026-Q2"\nmeasures:\n  - id: readmissions\n    numerator: 1\n    denominator: 9\n'
    )
    (sites / "fenwick" / "fenwick.local.yaml").write_text("adopts: {}\n")
    yield root / "network"


def test_bad_files_are_reported_with_positions_left_out_and_the_report_still_built(
    broken: Path, tmp_path: Path
) -> None:
    out = tmp_path / "report"
    code, _, stderr = run("network", str(broken), "--out", str(out))
    assert code == 1
    lines = stderr.splitlines()
    sites = broken / "sites"

    def reported(path: Path, line: int, code: str) -> bool:
        return any(re.match(rf"{re.escape(str(path))}:{line}:\d+: {code} ", ln) for ln in lines)

    assert reported(sites / "ashby" / "assessments" / "2026-10-01.yaml", 2, "CY003")
    rating_line = next(
        i
        for i, ln in enumerate(
            (sites / "carrow/assessments/2026-10-02.yaml").read_text().split("\n"), 1
        )
        if "rating: 9" in ln
    )
    assert reported(sites / "carrow" / "assessments" / "2026-10-02.yaml", rating_line, "CA005")
    assert reported(sites / "dunmore" / "assessments" / "latest.yaml", 1, "CS002")
    assert reported(sites / "eastgate" / "outcomes" / "2026-Q4.yaml", 4, "CS004")  # 600 > 500
    assert reported(sites / "eastgate" / "outcomes" / "2026-Q4.yaml", 6, "CS004")  # no such measure
    assert reported(sites / "fenwick" / "outcomes" / "z-2026-Q2.yaml", 1, "CS004")  # twice
    assert any(ln.startswith(f"{sites / 'fenwick' / 'fenwick.local.yaml'}:") for ln in lines)
    assert "6 files left out" in lines[-1]

    excluded = read_csv(out / "tables" / "excluded.csv")
    assert len({r["path"] for r in excluded}) == 6
    assert {r["kind"] for r in excluded} == {"assessment", "outcomes", "profile"}
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "6 files were left out" in html
    assert html.count("<code>" + str(sites)) == 6
    # Nothing from a left-out file is counted: Ashby's latest is still September's.
    rows = {r["site_id"]: r for r in read_csv(out / "tables" / "sites.csv")}
    assert rows["ashby"]["latest_date"] == "2026-09-15"
    assert rows["fenwick"]["profile"] == ""  # its broken profile is not used
    assert len(rows) == 6


def test_departures_and_readiness_gaps_the_profiles_record_are_in_the_report(
    tmp_path: Path, raid_out: Path
) -> None:
    # A network lead must see a site that departs from the model's core functions, or that
    # runs without a required readiness criterion met: not only the site's own check.
    root = tmp_path / "raid"
    shutil.copytree(ROOT / "examples" / "raid", root)
    carrow = root / "network" / "sites" / "carrow" / "carrow.local.yaml"
    text = carrow.read_text(encoding="utf-8")
    assert text.count("    fidelity: fidelity_consistent\n") == 1
    text = text.replace("fidelity: fidelity_consistent", "fidelity: fidelity_inconsistent")
    assert "\nreadiness:" not in text
    text += "readiness:\n  funded_service_level:\n    status: not_yet\n"
    carrow.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    run("network", str(root / "network"), "--out", str(out))
    html = (out / "report.html").read_text(encoding="utf-8")
    summary, recorded = _summary_and_section(html, "recorded")
    assert "1 site's local profile records a departure from the model's core functions." in summary
    assert 'href="#recorded"' in html
    assert "Carrow" in recorded and "Departs from the model's core functions:" in recorded
    assert "emergency department itself" in recorded  # the modification, as the profile says
    assert "A required readiness criterion not yet met:" in recorded
    # It answers one readiness criterion: the other required ones are gaps too.
    assert "A required readiness criterion the profile does not answer:" in recorded
    rows = read_csv(out / "tables" / "recorded.csv")
    required = [
        c
        for c in load_file(root / "intervention.yaml").data["readiness"]
        if c.get("required", True)
    ]
    assert sorted((r["site_id"], r["kind"]) for r in rows) == [
        ("carrow", "departs"),
        ("carrow", "not_ready"),
        *[("carrow", "unanswered")] * (len(required) - 1),
    ]
    # The example network records neither, and says so.
    summary, recorded = _summary_and_section(
        (raid_out / "report.html").read_text(encoding="utf-8"), "recorded"
    )
    assert "0 sites' local profiles record a departure" in summary
    assert "No local profile records a departure" in recorded


def test_a_funnel_of_two_sites_compares_neither_with_the_network(tmp_path: Path) -> None:
    # With two sites the network's value is little more than their mean: neither is called a
    # special cause, better or worse, and the caption says why.
    root = tmp_path / "raid"
    shutil.copytree(ROOT / "examples" / "raid", root)
    sites = sorted((root / "network" / "sites").iterdir())
    for site in sites[2:]:
        (site / "outcomes" / "2026-Q3.yaml").unlink()
    out = tmp_path / "out"
    run("network", str(root / "network"), "--out", str(out))
    latest = [r for r in read_csv(out / "tables" / "funnel.csv") if r["period"] == "2026-Q3"]
    assert latest and len({r["site_id"] for r in latest}) == 2
    assert {r["deviance"] for r in latest} == {"uncompared"}
    assert read_csv(out / "tables" / "positive_deviance.csv") == []
    assert read_csv(out / "tables" / "negative_deviance.csv") == []
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "With fewer than 3 sites in the period, no site&#39;s result is set against" in html
    assert "not compared" in html


def test_a_report_written_inside_sites_is_not_read_as_a_site(tmp_path: Path) -> None:
    root = tmp_path / "raid"
    shutil.copytree(ROOT / "examples" / "raid", root)
    out = root / "network" / "sites" / "report"
    assert run("network", str(root / "network"), "--out", str(out))[0] == 0
    code, stdout, _ = run("network", str(root / "network"), "--out", str(out))
    assert code == 0 and "6 sites" in stdout


def test_a_missing_or_bad_network_file_is_a_usage_error(tmp_path: Path) -> None:
    code, _, stderr = run("network", str(tmp_path), "--out", str(tmp_path / "out"))
    assert code == 2 and "no network.yaml" in stderr
    (tmp_path / "network.yaml").write_text("name: A network\nspec: ../nowhere.yaml\nsites: 3\n")
    code, _, stderr = run("network", str(tmp_path), "--out", str(tmp_path / "out"))
    assert code == 2
    assert re.search(r"network\.yaml:3:1: CS001 ", stderr), stderr
    (tmp_path / "network.yaml").write_text("name: A network\nspec: ../nowhere.yaml\n")
    code, _, stderr = run("network", str(tmp_path), "--out", str(tmp_path / "out"))
    assert code == 2
    assert re.search(r"network\.yaml:2:7: CS004 spec: no file at ", stderr), stderr
    assert not (tmp_path / "out").exists()


# --- untrusted text in every output ------------------------------------------------------------

HOSTILE = '=HYPERLINK("http://evil.example")<script>alert(1)</script>&<b>'


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the RAID example whose Ashby site has a hostile name, folder and choice."""
    root = tmp_path_factory.mktemp("hostile") / "raid"
    shutil.copytree(ROOT / "examples" / "raid", root)
    sites = root / "network" / "sites"
    folder = sites / "ashby"
    profile = folder / "ashby.local.yaml"
    text = profile.read_text().replace(
        "name: Ashby General Hospital (synthetic)", f"name: '{HOSTILE}'"
    )
    profile.write_text(text)
    folder.rename(sites / "<svg onload=alert(2)>")
    return root / "network"


def test_hostile_site_names_are_escaped_in_html_svg_csv_and_json(
    hostile: Path, tmp_path: Path
) -> None:
    out = tmp_path / "report"
    code, _, stderr = run("network", str(hostile), "--out", str(out))
    assert code == 0, stderr
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html and "<svg onload" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # Inside the SVG too: the chart's title and the heat map's row label.
    svgs = re.findall(r"<svg\b.*?</svg>", html, re.S)
    assert any("&lt;script&gt;" in s and "<title" in s for s in svgs)
    for name in ("sites", "alerts", "ratings", "adaptations"):
        for row in csv.reader(io.StringIO((out / "tables" / f"{name}.csv").read_text()[1:])):
            for cell in row:
                assert not cell.lstrip().startswith(("=", "+", "-", "@")) or cell.startswith("-")
    sites = read_csv(out / "tables" / "sites.csv")
    hostile_row = next(r for r in sites if "HYPERLINK" in r["site"])
    assert hostile_row["site"].startswith("'=HYPERLINK")
    assert hostile_row["site_id"] == "<svg onload=alert(2)>"
    payload = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert any(r["site"].startswith("=HYPERLINK") for r in payload["tables"]["sites"])


# --- the report says what the data say, and no more ---------------------------------------------


def test_without_synthetic_outcomes_or_an_interval_the_report_claims_none(tmp_path: Path) -> None:
    root = tmp_path / "raid"
    shutil.copytree(ROOT / "examples" / "raid", root)
    net = root / "network"
    (net / "network.yaml").write_text("name: Plain network\nspec: ../intervention.yaml\n")
    for folder in (net / "sites").glob("*/outcomes"):
        shutil.rmtree(folder)
    spec = root / "intervention.yaml"
    spec.write_text(
        spec.read_text().replace(
            "frequency: Yearly; every 6 months until the service reaches a band that meets the "
            "standard.",
            "frequency: As the joint governance group decides.",
        )
    )
    network = load_network(net, today=date(2026, 10, 31))
    report = analyse(network)
    assert report.interval is None and report.funnels == []
    assert all(s.overdue is None for s in report.sites)
    html = render_html(report)
    assert "Synthetic data." not in html
    assert "Whether assessments are overdue is not shown" in html
    assert "No site reported outcomes." in html
    assert "Overdue since" not in html
    assert "No site&#39;s outcome lies beyond the 99.8% limit" in html
    found = {t.name: t for t in tables(report)}
    assert found["funnel"].rows == [] and found["positive_deviance"].rows == []
    assert {r["overdue"] for r in found["sites"].rows} == {None}
    # A CSV of an empty table is its header alone.
    assert csv_text(found["funnel"]).count("\r\n") == 1


def test_a_site_not_yet_assessed_is_listed_but_not_called_overdue(tmp_path: Path) -> None:
    root = tmp_path / "raid"
    shutil.copytree(ROOT / "examples" / "raid", root)
    (root / "network" / "sites" / "newcomer").mkdir()
    report = analyse(load_network(root / "network"))
    newcomer = next(s for s in report.sites if s.site.id == "newcomer")
    assert (newcomer.latest, newcomer.due, newcomer.overdue) == (None, None, None)
    assert newcomer.variation == "none"
    html = render_html(report)
    row = html[html.index(">newcomer</a></th>") :]
    assert row.index("No scored assessment.") < row.index("</tr>")
    assert sum(s.overdue is True for s in report.sites) == 1  # Dunmore still, and only


def test_a_frequency_in_network_yaml_overrides_the_spec(tmp_path: Path) -> None:
    root = tmp_path / "raid"
    shutil.copytree(ROOT / "examples" / "raid", root)
    settings = root / "network" / "network.yaml"
    settings.write_text(settings.read_text() + "frequency:\n  months: 24\n")
    report = analyse(load_network(root / "network"))
    assert report.interval_source == "network"
    dunmore = next(s for s in report.sites if s.site.id == "dunmore")
    assert (dunmore.interval, dunmore.due, dunmore.overdue) == (24, date(2027, 3, 15), False)


@pytest.mark.slow
@pytest.mark.skipif(
    find_chromium() is None,
    reason="needs Chromium for --pdf: apt install chromium, or set CODIFY_CHROMIUM",
)
def test_the_pdf_is_printed_from_the_same_page(tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf", reason="reads the PDF with pypdf (dev extra)")
    out = tmp_path / "report"
    code, _, stderr = run("network", str(SCHWARTZ), "--out", str(out), "--pdf")
    assert code == 0, stderr
    reader = pypdf.PdfReader(out / "report.pdf")
    assert len(reader.pages) >= 3
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Synthetic data." in text and "Cedar Park Hospice (synthetic)" in text


# --- the site's Network section ----------------------------------------------------------------


@pytest.mark.slow
def test_the_site_gets_a_network_section_that_builds_strictly(tmp_path: Path) -> None:
    out = tmp_path / "site"
    code, _, stderr = run(
        "site",
        str(ROOT / "examples" / "raid"),
        "--network",
        str(RAID),
        "--out",
        str(out),
        "--build",
    )
    assert code == 0, stderr
    config = (out / "mkdocs.yml").read_text(encoding="utf-8")
    assert "network/fidelity.md" in config and "network/outcomes.md" in config
    pages = {p.name: p.read_text(encoding="utf-8") for p in (out / "docs" / "network").glob("*.md")}
    assert sorted(pages) == ["criteria.md", "fidelity.md", "index.md", "outcomes.md"]
    assert all("Synthetic data." in page for page in pages.values())
    assert pages["fidelity.md"].count('role="img"') == 6
    assert pages["criteria.md"].count('role="img"') == 1
    assert pages["outcomes.md"].count('role="img"') == 2
    assert "Carrow Valley Hospital (synthetic)" in pages["outcomes.md"]
    built = (out / "site" / "network" / "fidelity" / "index.html").read_text(encoding="utf-8")
    assert built.count("<svg") >= 6 and "<title id=" in built


def test_the_site_network_pages_escape_hostile_names_and_report_bad_files(
    hostile: Path, tmp_path: Path
) -> None:
    bad = hostile / "sites" / "carrow" / "assessments" / "2026-10-03.yaml"
    bad.write_text("intervention: raid\ncriteria: 3\n")
    try:
        out = tmp_path / "site"
        code, _, stderr = run(
            "site", str(hostile.parent), "--network", str(hostile), "--out", str(out)
        )
    finally:
        bad.unlink()
    assert code == 1
    assert re.search(rf"{re.escape(str(bad))}:2:\d+: CA008 ", stderr), stderr
    for page in (out / "docs" / "network").glob("*.md"):
        text = page.read_text(encoding="utf-8")
        assert "<script>alert(1)" not in text and "<svg onload" not in text, page.name
    index = (out / "docs" / "network" / "index.md").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in index
    assert str(bad) in index  # listed as left out


def test_a_filled_in_checklist_csv_counts_as_an_assessment(tmp_path: Path) -> None:
    from codify.api import build_documents

    root = tmp_path / "raid"
    shutil.copytree(ROOT / "examples" / "raid", root)
    build_documents([root / "intervention.yaml"], tmp_path / "built", only="checklist")
    text = (tmp_path / "built" / "checklist.csv").read_text(encoding="utf-8-sig")
    reader = csv.DictReader(io.StringIO(text))
    rows = list(reader)
    for row in rows:  # the top of every scale: 47
        row["rating"] = "yes" if row["scale"] == "yes_no" else "5"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=reader.fieldnames or [], lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    # No date column: the day comes from the file's name.
    csv_file = root / "network" / "sites" / "dunmore" / "assessments" / "2026-10-20-visit.csv"
    csv_file.write_text(out.getvalue(), encoding="utf-8")
    report = analyse(load_network(root / "network"))
    dunmore = next(s for s in report.sites if s.site.id == "dunmore")
    assert dunmore.latest is not None
    assert (dunmore.latest.day, dunmore.latest.total, dunmore.overdue) == (
        date(2026, 10, 20),
        47,
        False,
    )
    assert dunmore.latest.path == str(csv_file)


def _raid_copy(tmp_path: Path) -> Path:
    """A copy of the RAID example with its network, to edit."""
    shutil.copytree(ROOT / "examples" / "raid", tmp_path / "raid")
    return tmp_path / "raid" / "network"


def test_settings_the_schema_cannot_judge_are_refused_at_their_line(tmp_path: Path) -> None:
    """A day the calendar lacks and an outcome the spec does not have: exit 2, at the line."""
    net = _raid_copy(tmp_path)
    settings = net / "network.yaml"
    text = settings.read_text(encoding="utf-8")
    text = text.replace('as_of: "2026-10-31"', 'as_of: "2026-02-30"')
    settings.write_text(text.replace("  readmissions:\n", "  readmisions:\n"), encoding="utf-8")
    code, _, stderr = run("network", str(net), "--out", str(tmp_path / "out"))
    assert code == 2, stderr
    at = re.escape(str(settings))
    assert re.search(rf"{at}:10:\d+: CS004 as_of: 2026-02-30 is not a day", stderr), stderr
    assert re.search(rf"{at}:15:\d+: CS004 outcomes: 'readmisions' is not one of", stderr)
    assert "internal error" not in stderr and not (tmp_path / "out").exists()


def test_a_spec_with_errors_is_not_reported_on(tmp_path: Path) -> None:
    net = _raid_copy(tmp_path)
    spec = net.parent / "intervention.yaml"
    text = spec.read_text(encoding="utf-8")
    assert "    core_elements: [all_age_team]\n" in text
    spec.write_text(text.replace("[all_age_team]", "[all_age_teem]", 1), encoding="utf-8")
    code, _, stderr = run("network", str(net), "--out", str(tmp_path / "out"))
    assert code == 2 and "the spec has errors; run codify check" in stderr
    assert "all_age_teem" in stderr


def test_the_report_is_never_written_into_a_site_folder(tmp_path: Path) -> None:
    """It would make the site a folder codify wrote, which later reports pass over."""
    net = _raid_copy(tmp_path)
    code, _, stderr = run("network", str(net), "--out", str(net / "sites" / "ashby"))
    assert code == 2 and "output folder" in stderr, stderr
    assert not (net / "sites" / "ashby" / "report.html").exists()
    code, stdout, _ = run("network", str(net), "--out", str(tmp_path / "out"))
    assert code == 0 and "6 sites" in stdout


def test_an_outcome_period_the_calendar_lacks_is_left_out_at_its_line(tmp_path: Path) -> None:
    net = _raid_copy(tmp_path)
    report = net / "sites" / "ashby" / "outcomes" / "2026-Q3.yaml"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace('period: "2026-Q3"', 'period: "2026-13"'), encoding="utf-8")
    code, _, stderr = run("network", str(net), "--out", str(tmp_path / "out"))
    assert code == 1, stderr
    assert re.search(rf"{re.escape(str(report))}:4:\d+: CS004 period: 2026-13 has no month", stderr)


def test_periods_ending_on_one_day_are_ordered_the_same_way_every_time() -> None:
    import itertools

    from codify.network_stats import period_order

    periods = ["2025", "2025-Q4", "2025-12", "2025-12-31"]
    orders = {
        tuple(sorted(set(shuffled), key=period_order))
        for shuffled in itertools.permutations(periods)
    }
    assert orders == {("2025", "2025-12", "2025-Q4", "2025-12-31")}
