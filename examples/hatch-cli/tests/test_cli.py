import httpx
from rich.console import Console

from hatch_cli.cli import greeting_table, main, status_table


def render(table) -> str:
    console = Console(width=80, record=True)
    console.print(table)
    return console.export_text()


def test_main_greets_the_world_without_arguments(capsys) -> None:
    assert main([]) == 0
    assert "Bonjour, world!" in capsys.readouterr().out


def test_greeting_table_names_the_person() -> None:
    assert "Hola, pycrane!" in render(greeting_table("pycrane"))


def test_status_table_reports_codes_and_errors() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host == "down.invalid":
            raise httpx.ConnectError("refused", request=request)
        return httpx.Response(204)

    with httpx.Client(transport=httpx.MockTransport(handler)) as client:
        text = render(status_table(["http://up.invalid/", "http://down.invalid/"], client))
    assert "204" in text
    assert "ConnectError" in text
