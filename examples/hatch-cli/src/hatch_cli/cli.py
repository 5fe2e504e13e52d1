import argparse
from collections.abc import Sequence

import httpx
from rich.console import Console
from rich.table import Table

from hatch_cli import __version__

GREETINGS = {"English": "Hello", "French": "Bonjour", "German": "Hallo", "Spanish": "Hola"}


def greeting_table(name: str) -> Table:
    table = Table(title=f"hatch-cli {__version__}")
    table.add_column("language")
    table.add_column("greeting")
    for language, word in GREETINGS.items():
        table.add_row(language, f"{word}, {name}!")
    return table


def status_table(urls: Sequence[str], client: httpx.Client) -> Table:
    table = Table(title="URL status")
    table.add_column("url")
    table.add_column("status", justify="right")
    for url in urls:
        try:
            status = str(client.get(url).status_code)
        except httpx.HTTPError as error:
            status = type(error).__name__
        table.add_row(url, status)
    return table


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="hatch-cli", description="Greets, or checks URLs.")
    parser.add_argument("--name", default="world", help="whom to greet (default: world)")
    parser.add_argument("--check", nargs="+", metavar="URL", help="print the HTTP status of each URL")
    args = parser.parse_args(argv)
    console = Console()
    if args.check:
        with httpx.Client(timeout=5.0, follow_redirects=True) as client:
            console.print(status_table(args.check, client))
    else:
        console.print(greeting_table(args.name))
    return 0
