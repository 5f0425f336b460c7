"""What the site templates see of one spec: its pages' paths and its cross-references resolved.

A spec points at its own parts by id (a core element's roles, a criterion's core elements, an
adaptable element's guardrails). `SpecView` resolves those ids into Markdown links relative to
the page being written, and computes the reverse links a reader wants (which criteria protect
this core element, which adaptations must not undermine it). A spec built with `--force` may
name ids it never declares: those print as the bare id, never as a broken link.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from codify.model import (
    AdaptableElement,
    CoreElement,
    Criterion,
    Guardrail,
    Intervention,
    Material,
    Modification,
    Procedure,
    Proscribed,
    Reference,
    Role,
)
from codify.site.text import html_text, inline, title_text


def label(text: str) -> Markup:
    """Spec text as the label of a Markdown link: plain, one line, brackets escaped."""
    return Markup(inline(title_text(text)).replace("[", "\\[").replace("]", "\\]"))


def short_authors(authors: str) -> str:
    """Authors as cited in running text: 'Maben J, Taylor C, Reynolds E' gives 'Maben J et al.'."""
    names = [a.strip() for a in authors.split(",") if a.strip()]
    return f"{names[0]} et al." if len(names) > 2 else authors


CORE_BADGE = Markup('<span class="codify-badge codify-badge--core">Core: keep</span>')
ADAPT_BADGE = Markup('<span class="codify-badge codify-badge--adapt">Adaptable: may change</span>')


@dataclass(frozen=True)
class Download:
    """A file offered on the downloads page: its path in docs/, a label and what it is."""

    path: str
    label: str
    description: str


@dataclass
class SpecView:
    """One spec's place in the site (its folder under docs/) and its resolved references."""

    spec: Intervention
    source: Path
    prefix: str  # "" for a one-spec site, "<id>/" in a portfolio
    downloads: list[Download] = field(default_factory=list)
    material_files: dict[str, str] = field(default_factory=dict)  # material id -> docs path
    current: str = "index.md"  # the page being rendered; links are relative to it

    # --- page paths, relative to docs/ ----------------------------------------------------

    def path(self, name: str) -> str:
        """The docs-relative path of one of this spec's pages, e.g. path('roles.md')."""
        return f"{self.prefix}{name}"

    def core_path(self, element_id: str) -> str:
        """The page of a core element."""
        return self.path(f"keep/{element_id}.md")

    def adapt_path(self, element_id: str) -> str:
        """The page of an adaptable element."""
        return self.path(f"adapt/{element_id}.md")

    def url(self, target: str, anchor: str | None = None) -> Markup:
        """A link target for `target` (a docs-relative path), relative to the current page."""
        here = posixpath.dirname(self.current)
        rel = posixpath.relpath(target, here or ".")
        return Markup(rel + (f"#{anchor}" if anchor else ""))

    # --- lookups ----------------------------------------------------------------------------

    def role(self, role_id: str) -> Role | None:
        """The role with this id, if declared."""
        return next((r for r in self.spec.roles if r.id == role_id), None)

    def material(self, material_id: str) -> Material | None:
        """The material with this id, if declared."""
        return next((m for m in self.spec.materials if m.id == material_id), None)

    def core(self, element_id: str) -> CoreElement | None:
        """The core element with this id, if declared."""
        return next((e for e in self.spec.core_elements if e.id == element_id), None)

    def adaptable(self, element_id: str) -> AdaptableElement | None:
        """The adaptable element with this id, if declared."""
        return next((e for e in self.spec.adaptable_elements if e.id == element_id), None)

    def reference(self, reference_id: str) -> Reference | None:
        """The reference with this id, if declared."""
        return next((r for r in self.spec.references if r.id == reference_id), None)

    def references_sorted(self) -> list[Reference]:
        """The references in citation order: by authors, then year."""
        return sorted(self.spec.references, key=lambda r: (r.authors.lower(), r.year or 0, r.id))

    def downloads_named(self, name: str) -> str:
        """The docs path of the download with this file name, or '' if there is none."""
        return next((d.path for d in self.downloads if d.label == name), "")

    def max_total(self) -> int:
        """The highest possible total fidelity score."""
        from codify.rules import scale_range

        return scale_range(self.spec)[1]

    def criterion_number(self, criterion: Criterion) -> str:
        """A criterion's number on the checklist: C1, C2, ..."""
        return f"C{self.spec.fidelity.criteria.index(criterion) + 1}"

    def criteria_for(self, element_id: str) -> list[Criterion]:
        """The fidelity criteria that protect a core element."""
        return [c for c in self.spec.fidelity.criteria if element_id in c.core_elements]

    def guarding(self, element_id: str) -> list[tuple[AdaptableElement, Guardrail]]:
        """Adaptable elements whose changes must not undermine this core element."""
        return [
            (a, g)
            for a in self.spec.adaptable_elements
            for g in a.guardrails
            if g.core_element == element_id
        ]

    def proscribed_for(self, element_id: str) -> list[Proscribed]:
        """Practices that must never be done because they would undermine this core element."""
        return [p for p in self.spec.proscribed if element_id in p.core_elements]

    def modifications_for(self, element_id: str) -> list[Modification]:
        """Modifications recorded so far that touched this element."""
        return [m for m in self.spec.modifications if element_id in m.elements]

    def procedures_with(
        self, *, role: str | None = None, material: str | None = None
    ) -> list[Procedure]:
        """Procedures that involve a role or use a material."""
        return [
            p
            for p in self.spec.delivery.procedures
            if (role is not None and role in p.roles)
            or (material is not None and material in p.materials)
        ]

    def elements_with(
        self, *, role: str | None = None, material: str | None = None
    ) -> list[CoreElement | AdaptableElement]:
        """Core and adaptable elements that involve a role or use a material."""
        found: list[CoreElement | AdaptableElement] = []
        elements: list[CoreElement | AdaptableElement] = [
            *self.spec.core_elements,
            *self.spec.adaptable_elements,
        ]
        for e in elements:
            if (role is not None and role in e.roles) or (
                material is not None and material in e.materials
            ):
                found.append(e)
        return found

    # --- links --------------------------------------------------------------------------------

    def core_link(self, element_id: str, badge: bool = True) -> Markup:
        """A link to a core element's page, labelled with its name and (by default) a badge."""
        e = self.core(element_id)
        if e is None:
            return Markup(f"`{element_id}`")
        link = Markup(f"[{label(e.name)}]({self.url(self.core_path(e.id))})")
        return CORE_BADGE + " " + link if badge else link

    def adapt_link(self, element_id: str, badge: bool = True) -> Markup:
        """A link to an adaptable element's page, labelled with its name and (by default) a badge."""
        e = self.adaptable(element_id)
        if e is None:
            return Markup(f"`{element_id}`")
        link = Markup(f"[{label(e.name)}]({self.url(self.adapt_path(e.id))})")
        return ADAPT_BADGE + " " + link if badge else link

    def element_link(self, element_id: str) -> Markup:
        """A link to a core or adaptable element, whichever the id names."""
        if self.core(element_id) is not None:
            return self.core_link(element_id)
        return self.adapt_link(element_id)

    def role_link(self, role_id: str) -> Markup:
        """A link to a role on the roles page."""
        r = self.role(role_id)
        if r is None:
            return Markup(f"`{role_id}`")
        return Markup(f"[{label(r.title)}]({self.url(self.path('roles.md'), f'role-{r.id}')})")

    def material_link(self, material_id: str) -> Markup:
        """A link to a material on the materials page."""
        m = self.material(material_id)
        if m is None:
            return Markup(f"`{material_id}`")
        target = self.url(self.path("materials.md"), f"material-{m.id}")
        return Markup(f"[{label(m.title)}]({target})")

    def criterion_link(self, criterion: Criterion) -> Markup:
        """A link to a criterion on the fidelity checklist page."""
        text = f"{self.criterion_number(criterion)}. {label(criterion.name)}"
        return Markup(f"[{text}]({self.url(self.path('fidelity.md'), f'crit-{criterion.id}')})")

    def citation(self, reference_id: str) -> Markup:
        """A short citation, 'Authors (Year)', linked to the references page."""
        r = self.reference(reference_id)
        if r is None:
            return Markup(f"`{reference_id}`")
        text = label(f"{short_authors(r.authors)} ({r.year or 'n.d.'})")
        return Markup(f"[{text}]({self.url(self.path('references.md'), f'ref-{r.id}')})")

    def file_link(self, path: str, text: str) -> Markup:
        """A link to a file in docs/ (a download), relative to the current page."""
        return Markup(f"[{label(text)}]({self.url(path)})")

    def version_line(self) -> Markup:
        """The line under every page title naming the intervention and its version."""
        name = html_text(self.spec.name)
        return Markup(
            '<p class="codify-version"><strong>{name}</strong>, version {version}'
            " · status: {status}</p>"
        ).format(
            name=name, version=self.spec.version, status=self.spec.status.value.replace("_", " ")
        )
