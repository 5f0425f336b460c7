"""Generate a Material for MkDocs replication site from codified intervention specs.

`project.generate` turns specs into a plain MkDocs project (mkdocs.yml and docs/) in memory and
`project.write` writes it atomically; `engine` builds it strictly with MkDocs or Zensical, or
serves it with live reload. Nothing here imports MkDocs until a build or preview is asked for.
"""
