"""`codify build`: the adopter handbook and the fidelity checklist, generated from a spec.

Files written for each spec (into `--out`, or `--out/<spec id>/` when several specs are built):

    handbook.html    the handbook as one self-contained page: inline CSS, the logo as a data:
                     URI, a table of contents, and a print stylesheet for A4
    handbook.md      the handbook as Markdown
    checklist.html   the fidelity checklist as a printable form
    checklist.md     the fidelity checklist as Markdown
    checklist.csv    one row per criterion, for spreadsheets (UTF-8 with a byte-order mark)
    assessment.yaml  a blank assessment to fill in and keep under version control
    materials/<id>/  files that materials name with `path`, when the path is safe
    handbook.pdf, checklist.pdf   with --pdf (headless Chromium, or WeasyPrint)

Templates (Jinja, looked up in `--templates DIR` first, then in the package's templates/):

    handbook/handbook.html    the HTML handbook
    handbook/handbook.md      the Markdown handbook
    handbook/sections/<key>.html, .md  one template per section, in the order and under the
                     conditions of codify.documents.sections
    handbook/macros.md        Markdown macros shared by the handbook and the checklist
    handbook/macros.html      HTML macros shared by the handbook and the checklist
    handbook/base.css         type, colours, tables and the A4 page, for both HTML files
    handbook/style.css        the handbook's own styles (cards, contents, print breaks)
    checklist/checklist.html  the printable checklist form
    checklist/checklist.md    the Markdown checklist
    checklist/style.css       the checklist's own styles
    checklist/assessment.yaml the blank assessment file

Every template receives `doc` (codify.documents.view.Document: the spec with its cross-references
resolved, numbered and typed, in one language) and `spec` (the codify.model.Intervention), plus
the globals `t` and `tp` (the phrasebook), `branding`, `language` and `codify_version`. The
filters are the one table of codify.render.filters. The CSV is written by code, not a template.

Output is deterministic: no dates, so the same spec and codify version give the same bytes
(PDF dates are fixed too). Modules: view (the document model every output reads), sections
(which sections, in what order), formats (numbers, ranges, citations), render (rendering),
assets (logo and material files), pdf (printing).
"""
