import click
import hello
from rich.console import Console
from rich.panel import Panel


@click.group()
@click.version_option(package_name="hello-cli")
def main() -> None:
    """Greets people."""


@main.command()
@click.argument("name", default="world")
@click.option("--cow", is_flag=True, help="Let a cow say it.")
def greet(name: str, cow: bool) -> None:
    """Greet NAME."""
    if cow:
        click.echo(hello.cow(f"Hello, {name}!"))
    else:
        Console().print(Panel(f"Hello, {name}!"))
