from collections import Counter

import click
from rich.console import Console
from rich.table import Table

from pdm_app import __version__


def top_words(text: str, limit: int) -> list[tuple[str, int]]:
    """The `limit` most common words of `text`, lower-cased, most common first."""
    words = [word.strip(".,;:!?\"'()").lower() for word in text.split()]
    return Counter(word for word in words if word).most_common(limit)


@click.command()
@click.argument("text", required=False, default="the quick brown fox jumps over the lazy dog")
@click.option("--limit", "-n", default=5, show_default=True, help="How many words to show.")
@click.version_option(__version__, prog_name="pdm-app")
def main(text: str, limit: int) -> None:
    """Show the most common words of TEXT."""
    table = Table(title="Top words")
    table.add_column("word")
    table.add_column("count", justify="right")
    for word, count in top_words(text, limit):
        table.add_row(word, str(count))
    Console().print(table)
