"""`codify schema`: print the JSON Schema that editors and other validators use."""

from __future__ import annotations

import click

from codify.commands._common import common_options


@click.command()
@click.option(
    "--local",
    is_flag=True,
    help="Print the schema of a local profile (*.local.yaml) instead of a spec's.",
)
@common_options()
def schema(local: bool) -> None:
    """Print the JSON Schema (draft 2020-12) of the spec format.

    The same schema is committed as spec/intervention.schema.json, and with --local the local
    profile's as spec/local.schema.json. Point an editor at it with a first line such as:
    # yaml-language-server: $schema=<path or URL to the schema>
    """
    if local:
        from codify.local import local_schema_text

        click.echo(local_schema_text(), nl=False)
        return
    from codify.schema import schema_text

    click.echo(schema_text(), nl=False)
