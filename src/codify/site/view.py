"""What the site templates see of one spec: its pages' paths and its cross-references resolved.

The site reads the same `Document` as the handbook and checklist (codify.documents.view):
numbering, citations, scale and must-pass wording and the phrasebook come from it, so the
site and the handbook say the same things the same way. `SpecView` adds what only a site has:
which page each part lives on, and links written relative to the page being rendered. It
also indexes the reverse links a reader wants (which criteria protect this core element,
which adaptations must not undermine it). A spec built with `--force` may name ids it never
declares: those print as the bare id, never as a broken link.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable, Sized
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from markupsafe import Markup, escape

from codify.documents.view import CriterionView, Document, Link
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
from codify.site.text import heading, html_text, label, path_target, unique_names

if TYPE_CHECKING:
    from codify.changelog import Changelog

__all__ = ["Download", "SpecView", "label"]

_T = TypeVar("_T")

# Page names an element id cannot have in its folder: `index` is the section's own page, and
# MkDocs also takes `README` for one.
RESERVED_PAGES = ("index", "readme")
# Material's search plugin finds each heading of a page by walking the page's whole table of
# contents, so its work grows with the square of a page's headings. A list page (criteria,
# roles, materials, ...) with more items than this gives each a bold line, not a heading.
MAX_ITEM_HEADINGS = 100


@dataclass(frozen=True)
class Download:
    """A file offered on the downloads page: its path in docs/, a label and what it is."""

    path: str
    label: str
    description: str


def _first_by_id(items: Iterable[_T]) -> dict[str, _T]:
    """Items by their id; with repeated ids (only under --force) the first one wins."""
    found: dict[str, _T] = {}
    for item in items:
        found.setdefault(getattr(item, "id"), item)  # noqa: B009 - every item has an id
    return found


@dataclass
class SpecView:
    """One spec's place in the site (its folder under docs/) and its resolved references.

    Every lookup and reverse link is indexed once, so rendering a page costs the same however
    many elements the spec has: a site's build time grows linearly with its size.
    """

    spec: Intervention
    source: Path
    prefix: str  # "" for a one-spec site, "<folder>/" in a portfolio
    doc: Document  # the same view of the spec the handbook and checklist are made from
    downloads: list[Download] = field(default_factory=list)
    material_files: dict[str, str] = field(default_factory=dict)  # material id -> docs path
    current: str = "index.md"  # the page being rendered; links are relative to it
    # In a portfolio: the specs this one names as its components, and those naming it.
    parts: list[SpecView] = field(default_factory=list, repr=False, compare=False)
    part_of: list[SpecView] = field(default_factory=list, repr=False, compare=False)

    @cached_property
    def changelog(self) -> Changelog:
        """What changed for adopters, release by release, as the spec's history records it."""
        from codify.changelog import history_changelog

        return history_changelog(self.spec)

    # --- page paths, relative to docs/ ----------------------------------------------------

    def path(self, name: str) -> str:
        """The docs-relative path of one of this spec's pages, e.g. path('roles.md')."""
        return f"{self.prefix}{name}"

    @cached_property
    def core_pages(self) -> list[tuple[CoreElement, str]]:
        """Each core element with its page; no two share a page, whatever their ids."""
        elements = self.spec.core_elements
        names = unique_names([e.id for e in elements], RESERVED_PAGES)
        return [(e, self.path(f"keep/{n}.md")) for e, n in zip(elements, names, strict=True)]

    @cached_property
    def adapt_pages(self) -> list[tuple[AdaptableElement, str]]:
        """Each adaptable element with its page; no two share a page, whatever their ids."""
        elements = self.spec.adaptable_elements
        names = unique_names([e.id for e in elements], RESERVED_PAGES)
        return [(e, self.path(f"adapt/{n}.md")) for e, n in zip(elements, names, strict=True)]

    @cached_property
    def _core_paths(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for e, page in self.core_pages:
            found.setdefault(e.id, page)
        return found

    @cached_property
    def _adapt_paths(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for e, page in self.adapt_pages:
            found.setdefault(e.id, page)
        return found

    def core_path(self, element_id: str) -> str:
        """The page of a core element."""
        return self._core_paths[element_id]

    def adapt_path(self, element_id: str) -> str:
        """The page of an adaptable element."""
        return self._adapt_paths[element_id]

    def url(self, target: str, anchor: str | None = None) -> Markup:
        """A link target for `target` (a docs-relative path), relative to the current page.

        Each path segment is percent-encoded: a file name with `#`, `?`, `%` or a space
        still names that file, and nothing in it can end the Markdown link.
        """
        here = posixpath.dirname(self.current)
        rel = posixpath.relpath(target, here or ".")
        return Markup(path_target(rel) + (f"#{anchor}" if anchor else ""))

    # --- lookups ----------------------------------------------------------------------------

    @cached_property
    def _roles(self) -> dict[str, Role]:
        return _first_by_id(self.spec.roles)

    @cached_property
    def _materials(self) -> dict[str, Material]:
        return _first_by_id(self.spec.materials)

    @cached_property
    def _cores(self) -> dict[str, CoreElement]:
        return _first_by_id(self.spec.core_elements)

    @cached_property
    def _adaptables(self) -> dict[str, AdaptableElement]:
        return _first_by_id(self.spec.adaptable_elements)

    @cached_property
    def _references(self) -> dict[str, Reference]:
        return _first_by_id(self.spec.references)

    def role(self, role_id: str) -> Role | None:
        """The role with this id, if declared."""
        return self._roles.get(role_id)

    def material(self, material_id: str) -> Material | None:
        """The material with this id, if declared."""
        return self._materials.get(material_id)

    def core(self, element_id: str) -> CoreElement | None:
        """The core element with this id, if declared."""
        return self._cores.get(element_id)

    def adaptable(self, element_id: str) -> AdaptableElement | None:
        """The adaptable element with this id, if declared."""
        return self._adaptables.get(element_id)

    def reference(self, reference_id: str) -> Reference | None:
        """The reference with this id, if declared."""
        return self._references.get(reference_id)

    def downloads_named(self, name: str) -> str:
        """The docs path of the download with this file name, or '' if there is none."""
        return next((d.path for d in self.downloads if d.label == name), "")

    def max_total(self) -> int:
        """The highest possible total fidelity score."""
        return self.doc.score_max

    @cached_property
    def _criterion_views(self) -> dict[int, CriterionView]:
        # By identity: two criteria may be equal (or share an id under --force).
        return {id(c.criterion): c for c in self.doc.criteria}

    def criterion_view(self, criterion: Criterion) -> CriterionView:
        """The document's view of a criterion: its number, scale wording and must-pass rule."""
        return self._criterion_views[id(criterion)]

    def criterion_number(self, criterion: Criterion) -> str:
        """A criterion's number, as the handbook and the checklist print it."""
        return str(self.criterion_view(criterion).number)

    @cached_property
    def _reference_labels(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for r in self.doc.references:
            found.setdefault(r.reference.id, r.label)
        return found

    @cached_property
    def _criteria_by_core(self) -> dict[str, list[Criterion]]:
        found: dict[str, list[Criterion]] = {}
        for c in self.spec.fidelity.criteria if self.spec.fidelity else ():
            for element_id in dict.fromkeys(c.core_elements):
                found.setdefault(element_id, []).append(c)
        return found

    def criteria_for(self, element_id: str) -> list[Criterion]:
        """The fidelity criteria that protect a core element."""
        return self._criteria_by_core.get(element_id, [])

    @cached_property
    def _guards_by_core(self) -> dict[str, list[tuple[AdaptableElement, Guardrail]]]:
        found: dict[str, list[tuple[AdaptableElement, Guardrail]]] = {}
        for a in self.spec.adaptable_elements:
            for g in a.guardrails:
                found.setdefault(g.core_element, []).append((a, g))
        return found

    def guarding(self, element_id: str) -> list[tuple[AdaptableElement, Guardrail]]:
        """Adaptable elements whose changes must not undermine this core element."""
        return self._guards_by_core.get(element_id, [])

    @cached_property
    def _proscribed_by_core(self) -> dict[str, list[Proscribed]]:
        found: dict[str, list[Proscribed]] = {}
        for p in self.spec.proscribed:
            for element_id in dict.fromkeys(p.core_elements):
                found.setdefault(element_id, []).append(p)
        return found

    def proscribed_for(self, element_id: str) -> list[Proscribed]:
        """Practices that must never be done because they would undermine this core element."""
        return self._proscribed_by_core.get(element_id, [])

    @cached_property
    def _modifications_by_element(self) -> dict[str, list[Modification]]:
        found: dict[str, list[Modification]] = {}
        for m in self.spec.modifications:
            for element_id in dict.fromkeys(m.elements):
                found.setdefault(element_id, []).append(m)
        return found

    def modifications_for(self, element_id: str) -> list[Modification]:
        """Modifications recorded so far that touched this element."""
        return self._modifications_by_element.get(element_id, [])

    @cached_property
    def _procedures_by(self) -> dict[tuple[str, str], list[Procedure]]:
        found: dict[tuple[str, str], list[Procedure]] = {}
        for p in self.spec.delivery.procedures:
            for role_id in dict.fromkeys(p.roles):
                found.setdefault(("role", role_id), []).append(p)
            for material_id in dict.fromkeys(p.materials):
                found.setdefault(("material", material_id), []).append(p)
        return found

    def procedures_with(
        self, *, role: str | None = None, material: str | None = None
    ) -> list[Procedure]:
        """Procedures that involve a role or use a material."""
        return self._involving(self._procedures_by, role, material)

    @cached_property
    def _elements_by(self) -> dict[tuple[str, str], list[CoreElement | AdaptableElement]]:
        found: dict[tuple[str, str], list[CoreElement | AdaptableElement]] = {}
        elements: list[CoreElement | AdaptableElement] = [
            *self.spec.core_elements,
            *self.spec.adaptable_elements,
        ]
        for e in elements:
            for role_id in dict.fromkeys(e.roles):
                found.setdefault(("role", role_id), []).append(e)
            for material_id in dict.fromkeys(e.materials):
                found.setdefault(("material", material_id), []).append(e)
        return found

    def elements_with(
        self, *, role: str | None = None, material: str | None = None
    ) -> list[CoreElement | AdaptableElement]:
        """Core and adaptable elements that involve a role or use a material."""
        return self._involving(self._elements_by, role, material)

    @staticmethod
    def _involving(
        index: dict[tuple[str, str], list[_T]], role: str | None, material: str | None
    ) -> list[_T]:
        """What involves the role or uses the material, in spec order, each once."""
        found: list[_T] = []
        if role is not None:
            found.extend(index.get(("role", role), []))
        if material is not None:
            found.extend(index.get(("material", material), []))
        if role is not None and material is not None:
            found = list({id(x): x for x in found}.values())
        return found

    # --- list pages -----------------------------------------------------------------------------

    def item_title(
        self, level: int, name: str, anchor: str | None, among: Sized, prefix: str = ""
    ) -> Markup:
        """The title of one item of a list page: a heading, or a bold line on a long list.

        Either way it carries `anchor`, so links to the item work the same.
        """
        text = escape(prefix) + heading(name)
        if len(among) > MAX_ITEM_HEADINGS:
            line = Markup("**") + text + Markup("**")
            return line + Markup(f"\n{{ #{anchor} }}") if anchor else line
        line = Markup("#" * level + " ") + text
        return line + Markup(f" {{ #{anchor} }}") if anchor else line

    # --- links --------------------------------------------------------------------------------

    @cached_property
    def core_badge(self) -> Markup:
        """The badge that marks a core element wherever the site names one."""
        text = self.doc.say("site.badge.core")
        return Markup('<span class="codify-badge codify-badge--core">{}</span>').format(text)

    @cached_property
    def adapt_badge(self) -> Markup:
        """The badge that marks an adaptable element wherever the site names one."""
        text = self.doc.say("site.badge.adapt")
        return Markup('<span class="codify-badge codify-badge--adapt">{}</span>').format(text)

    def core_link(self, element_id: str, badge: bool = True) -> Markup:
        """A link to a core element's page, labelled with its name and (by default) a badge."""
        e = self.core(element_id)
        if e is None:
            return Markup(f"`{element_id}`")
        link = Markup(f"[{label(e.name)}]({self.url(self.core_path(e.id))})")
        return self.core_badge + " " + link if badge else link

    def adapt_link(self, element_id: str, badge: bool = True) -> Markup:
        """A link to an adaptable element's page, labelled with its name and (by default) a badge."""
        e = self.adaptable(element_id)
        if e is None:
            return Markup(f"`{element_id}`")
        link = Markup(f"[{label(e.name)}]({self.url(self.adapt_path(e.id))})")
        return self.adapt_badge + " " + link if badge else link

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

    def procedure_link(self, procedure: Procedure) -> Markup:
        """A link to a procedure on the delivery page."""
        target = self.url(self.path("delivery.md"), f"procedure-{procedure.id}")
        return Markup(f"[{label(procedure.name)}]({target})")

    def criterion_link(self, criterion: Criterion) -> Markup:
        """A link to a criterion on the fidelity page, numbered as in the handbook."""
        text = f"{self.criterion_number(criterion)}. {label(criterion.name)}"
        return Markup(f"[{text}]({self.url(self.path('fidelity.md'), f'crit-{criterion.id}')})")

    def citation(self, reference_id: str) -> Markup:
        """A short citation, worded as in the handbook, linked to the references page."""
        r = self.reference(reference_id)
        if r is None:
            return Markup(f"`{reference_id}`")
        text = label(self._reference_labels[r.id])
        return Markup(f"[{text}]({self.url(self.path('references.md'), f'ref-{r.id}')})")

    def core_links(self, ids: Iterable[str]) -> Markup:
        """Links to these core elements, separated by semicolons."""
        return Markup("; ").join(self.core_link(i) for i in ids)

    def element_links(self, ids: Iterable[str]) -> Markup:
        """Links to these core or adaptable elements, separated by semicolons."""
        return Markup("; ").join(self.element_link(i) for i in ids)

    def role_links(self, ids: Iterable[str]) -> Markup:
        """Links to these roles, separated by commas."""
        return Markup(", ").join(self.role_link(i) for i in ids)

    def material_links(self, ids: Iterable[str]) -> Markup:
        """Links to these materials, separated by commas."""
        return Markup(", ").join(self.material_link(i) for i in ids)

    def citations(self, ids: Iterable[str]) -> Markup:
        """Short citations of these references, separated by semicolons."""
        return Markup("; ").join(self.citation(i) for i in ids)

    def must_pass_links(self) -> Markup:
        """Each must-pass criterion, linked, with the minimum it needs: '2. ... (5)'."""
        return Markup("; ").join(
            self.criterion_link(c.criterion) + Markup(" ({})").format(c.minimum_label)
            for c in self.doc.must_pass
        )

    def file_link(self, path: str, text: str) -> Markup:
        """A link to a file in docs/ (a download), relative to the current page."""
        return Markup(f"[{label(text)}]({self.url(path)})")

    def xref_href(self, target: Link) -> str | None:
        """Where a cross-reference in prose leads on this site, relative to the current page.

        Items with a page of their own link to it; items listed on a shared page link to
        their entry there; the rest (practices to avoid, readiness criteria) to their page.
        """
        pages: dict[str, tuple[str, str | None]] = {
            "role": ("roles.md", f"role-{target.id}"),
            "material": ("materials.md", f"material-{target.id}"),
            "procedure": ("delivery.md", f"procedure-{target.id}"),
            "phase": ("pathway.md", f"phase-{target.id}"),
            "ready": ("pathway.md", None),
            "criterion": ("fidelity.md", f"crit-{target.id}"),
            "ref": ("references.md", f"ref-{target.id}"),
            "never": ("keep/index.md", None),
            "outcome": ("index.md", None),
        }
        if target.kind == "core" and target.id in self._core_paths:
            return str(self.url(self.core_path(target.id)))
        if target.kind == "adapt" and target.id in self._adapt_paths:
            return str(self.url(self.adapt_path(target.id)))
        if target.kind not in pages:
            return None
        if target.kind == "criterion" and self.spec.fidelity is None:
            return None
        if target.kind in ("phase", "ready") and not self.spec.pathway:
            return None
        page, anchor = pages[target.kind]
        return str(self.url(self.path(page), anchor))

    def link(self, target: Link) -> Markup:
        """A link from the document to its target's page on this site, or the bare label.

        The document resolves every cross-reference once; this is the site's link style.
        """
        kinds: dict[str, Callable[[str], Markup]] = {
            "core": self.core_link,
            "adapt": self.adapt_link,
            "role": self.role_link,
            "material": self.material_link,
        }
        if target.anchor is not None and target.kind in kinds:
            return kinds[target.kind](target.id)
        if target.anchor is not None and target.kind == "ref":
            return self.citation(target.id)
        return label(target.label)

    def version_line(self) -> Markup:
        """The line under every page title naming the intervention, its version and status."""
        book = self.doc.book
        return Markup('<p class="codify-version"><strong>{name}</strong>, {version}</p>').format(
            name=html_text(self.spec.name),
            version=html_text(
                book.fill(
                    "site.version_status",
                    version=self.spec.version,
                    status=book.label(self.spec.status),
                )
            ),
        )
