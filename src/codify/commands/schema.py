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
@click.option(
    "--network",
    is_flag=True,
    help="Print the schema of a network's network.yaml instead of a spec's.",
)
@click.option(
    "--outcomes",
    is_flag=True,
    help="Print the schema of a network site's outcome report instead of a spec's.",
)
@common_options()
def schema(local: bool, network: bool, outcomes: bool) -> None:
    """Print the JSON Schema (draft 2020-12) of the spec format.

    The same schema is committed as spec/intervention.schema.json, and with --local the local
    profile's as spec/local.schema.json; --network and --outcomes print those of a network's
    network.yaml and of a site's outcome report (spec/network.schema.json and
    spec/outcomes.schema.json). Point an editor at it with a first line such as:
    # yaml-language-server: $schema=<path or URL to the schema>
    """
    if network or outcomes:
        from codify.network_model import network_schema_text, outcomes_schema_text

        click.echo(network_schema_text() if network else outcomes_schema_text(), nl=False)
        return
    if local:
        from codify.local import local_schema_text

        click.echo(local_schema_text(), nl=False)
        return
    from codify.schema import schema_text

    click.echo(schema_text(), nl=False)
