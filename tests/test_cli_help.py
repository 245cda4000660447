"""`vnevents --help` pages: plain flags, the accepted backends, each default stated once."""
from __future__ import annotations

from typer.testing import CliRunner

from pipeline.backends.base import available_backends
from pipeline.cli import app


def _help(*command: str) -> str:
    result = CliRunner().invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.output


def test_extract_help_shows_flags_plainly_lists_backends_and_states_defaults_once():
    text = " ".join(_help("extract").split())  # the help wraps at the terminal width
    assert "<bool>" not in text
    assert "--resume " in text and "-q, --quiet " in text
    for lang, names in available_backends().items():
        for name in names:
            assert f"{name}" in text, (lang, name)
    assert "underthesea (default)" in text and "spacy (default)" in text
    workers = text.split("--workers", 1)[1].split("--chunk-size", 1)[0]
    assert workers.count("default") == 1, workers  # not "(default: all cores) [default: 0]"
    assert "xlsx" in text


def test_every_command_help_is_free_of_bool_metavars():
    for command in ("extract", "render", "evaluate", "report"):
        assert "<bool>" not in _help(command), command
