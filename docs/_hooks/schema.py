"""MkDocs hook: publish the JSON Schema at the address its `$id` names, and the catalogue entry.

Editors fetch a schema from its `$id` (the URL `codify init` writes into every new spec), so
the documentation site serves it: `$id` is `site_url` plus a path, and the committed
spec/intervention.schema.json is copied to that path of the built site, and the local profile's
spec/local.schema.json to the path of its own `$id` (so are a network's: network.schema.json
and outcomes.schema.json). spec/catalog.json,
the SchemaStore-style entry that maps file names to the schema, goes beside it.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from codify.local import LOCAL_SCHEMA_FILENAME, LOCAL_SCHEMA_ID
from codify.model import SCHEMA_ID
from codify.network_model import (
    NETWORK_SCHEMA_FILENAME,
    NETWORK_SCHEMA_ID,
    OUTCOMES_SCHEMA_FILENAME,
    OUTCOMES_SCHEMA_ID,
)
from codify.schema import SCHEMA_FILENAME

CATALOGUE = "catalog.json"


def schema_path(site_url: str, schema_id: str = SCHEMA_ID) -> str:
    """Where in the built site the schema goes: its `$id` with the site's address taken off."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    if not schema_id.startswith(base):
        raise PluginError(
            f"the schema's $id {schema_id} is not under site_url {site_url}: the docs site "
            "could not serve it (change SCHEMA_ID in codify/model.py or site_url in mkdocs.yml)"
        )
    return schema_id[len(base) :]


def on_post_build(config: Any, **kwargs: Any) -> None:
    """After the docs are built, copy the schema to its `$id` path and the catalogue beside it."""
    root = Path(config["config_file_path"]).parent
    target = Path(config["site_dir"]) / schema_path(config["site_url"] or "")
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(root / "spec" / SCHEMA_FILENAME, target)
    shutil.copyfile(root / "spec" / CATALOGUE, target.parent.parent / CATALOGUE)
    # The local profile's schema, at its own `$id`, for editors of *.local.yaml files.
    local = Path(config["site_dir"]) / schema_path(config["site_url"] or "", LOCAL_SCHEMA_ID)
    local.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(root / "spec" / LOCAL_SCHEMA_FILENAME, local)
    # A network's network.yaml and its sites' outcome reports, each at its own `$id` too.
    for name, ident in (
        (NETWORK_SCHEMA_FILENAME, NETWORK_SCHEMA_ID),
        (OUTCOMES_SCHEMA_FILENAME, OUTCOMES_SCHEMA_ID),
    ):
        published = Path(config["site_dir"]) / schema_path(config["site_url"] or "", ident)
        published.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(root / "spec" / name, published)
