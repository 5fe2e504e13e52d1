from click.testing import CliRunner

from hello_cli.cli import main


def test_greet() -> None:
    result = CliRunner().invoke(main, ["greet", "pycrane"])
    assert result.exit_code == 0
    assert "Hello, pycrane!" in result.output
