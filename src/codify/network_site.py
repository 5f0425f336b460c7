"""The Network section of a replication site (`codify site --network DIR`).

The same sections as the network report (codify.network_report), on four pages of the site:
the network at a glance (summary, sites, alerts, what was left out, methods), fidelity over
time (the XmR charts), the criteria (the heat map) and outcomes (funnel plots, positive
deviance and the adaptation catalogue). Each page's body is rendered as HTML by the report's
own templates, with autoescaping on, and set into the Markdown page as a raw HTML block:
MkDocs passes it through untouched, so the escaping that protects the report protects the
site too, and the site's own Markdown filters are not asked to escape HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from codify.network import Network, analyse, load_network
from codify.network_report import charts, summary_counts, tables

# (file, the sections on it, the phrase that titles it), in navigation order.
PAGES = (
    ("index.md", ("summary", "sites", "alerts", "excluded", "methods"), "network.site.overview"),
    ("fidelity.md", ("over_time",), "network.section.over_time"),
    ("criteria.md", ("criteria",), "network.section.criteria"),
    ("outcomes.md", ("outcomes", "adaptations"), "network.section.outcomes"),
)
FOLDER = "network"


@dataclass(frozen=True)
class NetworkSection:
    """The pages to add to a site: the navigation entry, the files by path, what was read."""

    nav: Any  # a navigation entry of codify.site.project (NavItem)
    files: dict[str, bytes]
    network: Network


def site_section(folder: Path, language: str = "en", docs: str = "docs") -> NetworkSection:
    """Read the network in `folder` and make its site pages (raises NetworkError as
    `load_network` does)."""
    from codify.render.templates import environment, render
    from codify.render.yamltext import yaml_string
    from codify.site import text as site_text

    network = load_network(folder)
    report = analyse(network)
    env = environment(None, None, language)
    book = env.codify_book
    found = tables(report)
    drawn = charts(report, book)
    style = render(env, "network/site.css")
    section = book.fill("network.site.nav")
    entries: list[dict[str, str]] = []
    files: dict[str, bytes] = {}
    for name, sections, title_key in PAGES:
        title = book.fill(title_key)
        body = render(
            env,
            "network/site-page.html",
            report=report,
            net=network,
            tables={t.name: t for t in found},
            charts=drawn,
            summary=summary_counts(report),
            sections=sections,
            chart_links=False,
            style=style,
        )
        # One raw HTML block: no blank line inside it, so Markdown never starts reading the
        # HTML as Markdown part-way through.
        html = "\n".join(line for line in body.splitlines() if line.strip())
        page = (
            f"---\ntitle: {yaml_string(site_text.theme_text(title))}\n---\n\n"
            f"# {site_text.heading(title)}\n\n{html}\n"
        )
        files[f"{docs}/{FOLDER}/{name}"] = page.encode("utf-8")
        entries.append({site_text.theme_text(title): f"{FOLDER}/{name}"})
    return NetworkSection({site_text.theme_text(section): entries}, files, network)
