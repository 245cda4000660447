"""The README's column tables are generated from the schema and must be current."""
from pipeline.docs import README, columns_markdown, render_readme
from pipeline.schema import TABLES


def test_readme_column_tables_match_the_schema():
    text = README.read_text(encoding="utf-8")
    assert render_readme(text) == text, "run: python -m pipeline.docs"


def test_every_column_of_every_table_is_documented():
    md = columns_markdown()
    for cols in TABLES.values():
        for c in cols:
            assert f"| `{c.name}` |" in md
