"""`flask --app wsgi create-receiver COMMUNE_SLUG NAME [--village NAME]` and `receiver-sim`."""

from __future__ import annotations

import click

from app.cli import fail
from app.extensions import db
from app.receivers.blueprint import api
from bulletins import tenancy
from bulletins.errors import DomainError
from bulletins.receivers import registry


@api.cli.command("create-receiver")
@click.argument("commune_slug")
@click.argument("name")
@click.option("--village", default="", help="the thôn it serves")
@click.option("--location", default="")
@click.option("--serial", default="")
def create_receiver(commune_slug: str, name: str, village: str, location: str,
                    serial: str) -> None:
    """Register a receiver; print its key as the only line on stdout."""
    try:
        commune = tenancy.commune_by_slug(db.session, commune_slug)
        receiver, key = registry.create_receiver(
            db.session, None, commune,
            {"name": name, "village": village, "location": location, "serial": serial})
        db.session.commit()
    except DomainError as error:
        db.session.rollback()
        fail(error.message)
    click.echo(f"Đã đăng ký cụm loa số {receiver.id} ({registry.describe(receiver)}) "
               f"của {commune.name}.", err=True)
    click.echo(key)


@api.cli.command("receiver-sim")
@click.option("--key", envvar="RECEIVER_KEY", required=True, help="the receiver's key")
@click.option("--url", default="http://127.0.0.1:5000", show_default=True)
@click.option("--once", is_flag=True, help="poll once, play what is due, and stop")
@click.option("--play/--no-play", default=True, help="play through ffplay or aplay")
def receiver_sim(key: str, url: str, once: bool, play: bool) -> None:
    """A small receiver: poll the schedule, fetch ahead, play emergencies, report."""
    from tools.receiver_sim import Simulator

    Simulator(url, key, play=play, echo=lambda line: click.echo(line, err=True)).run(once=once)
