#!/usr/bin/env bash
# The full test suite: lint, types, the project's docs build, then every test.
# Run from the repository root after the Quick start's set-up command.
set -euo pipefail
export NO_MKDOCS_2_WARNING=1  # the end-of-life notice is covered in docs/guides/sites.md
cd "$(dirname "$0")/.."
bin=.venv/bin
[[ -x $bin/python ]] || bin=$(dirname "$(command -v python)")
echo "== ruff"; "$bin/ruff" check src tests && "$bin/ruff" format --check src tests
echo "== mypy (strict on src/)"; "$bin/mypy"
echo "== docs (mkdocs build --strict)"; "$bin/mkdocs" build --strict --quiet --site-dir "$(mktemp -d)"
# On every core (pytest-xdist): each test makes its own folders, browsers and servers, so they run
# side by side; PYTEST_WORKERS=0 runs them in this one process, e.g. to debug with a breakpoint.
echo "== pytest"; "$bin/python" -m pytest -n "${PYTEST_WORKERS:-auto}" "$@"
