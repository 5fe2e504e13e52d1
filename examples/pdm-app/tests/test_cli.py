from click.testing import CliRunner

from pdm_app.cli import main, top_words


def test_top_words_counts_case_insensitively() -> None:
    assert top_words("To be, or not to be.", 2) == [("to", 2), ("be", 2)]


def test_cli_prints_a_table() -> None:
    result = CliRunner().invoke(main, ["spam spam eggs", "--limit", "1"])
    assert result.exit_code == 0
    assert "Top words" in result.output
    assert "spam" in result.output
    assert "eggs" not in result.output
