"""The names of the records codify keeps in the folders it writes, in one place.

Each marks a folder as codify's output: the writer reads its own to know which files it wrote,
and spec discovery passes over any folder holding one (generated files are never specs).
"""

from __future__ import annotations

BUILD_MANIFEST = ".codify-build.json"  # what `codify build` wrote into an output folder
SITE_MANIFEST = ".codify-site.json"  # what `codify site` wrote into a site project
BUILT_RECORD = ".codify-built.json"  # what MkDocs or Zensical left in a project's site/
NETWORK_MANIFEST = ".codify-network.json"  # what `codify network` wrote into a report folder
CHANGES_MANIFEST = ".codify-changes.json"  # what `codify changes` wrote into an output folder

RECORDS = (BUILD_MANIFEST, SITE_MANIFEST, BUILT_RECORD, CHANGES_MANIFEST, NETWORK_MANIFEST)
