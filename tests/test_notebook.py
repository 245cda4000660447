"""notebooks/explore.ipynb runs top to bottom: a cell that raises fails the suite.

The notebook only calls the package, so this also checks that the calls it
makes (extract, render.show, the plots and tables) still fit together, and
that what it draws counts real events (event_clusters), not article rows.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

nbclient = pytest.importorskip("nbclient")
nbformat = pytest.importorskip("nbformat")
pytest.importorskip("ipykernel")
pytest.importorskip("matplotlib")

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def test_explore_notebook_runs_top_to_bottom(monkeypatch):
    # The kernel's inline backend draws with Agg, so no display is needed; a backend forced
    # from outside would stop the figures from appearing as outputs.
    monkeypatch.delenv("MPLBACKEND", raising=False)
    nb = nbformat.read(NOTEBOOKS / "explore.ipynb", as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None, "commit the notebook with outputs cleared"
    # After the notebook's own cells: what the network plot drew, and the sizes to judge it by.
    nb.cells.append(nbformat.v4.new_code_cell(
        "import json\n"
        "print('CHECK ' + json.dumps({'labels': [t.get_text() for t in network.texts if t.get_text().isdigit()],\n"
        "    'clusters': len(result.event_clusters), 'rows': len(result.events),\n"
        "    'undated': int(result.event_clusters['date_start'].isna().sum())}))"))
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()  # raises CellExecutionError naming the failing cell
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o for o in outputs if "text/html" in o.get("data", {}) and 'class="vne"' in o["data"]["text/html"]]
    assert len(html) == 2, "the article and the event are shown inline"
    assert len([o for o in outputs if "image/png" in o.get("data", {})]) == 2, "the timeline and the network"
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    check = json.loads(text.split("CHECK ", 1)[1])
    # Every sample event joins exactly two countries and has a direction, so the drawn edge counts add
    # up to the number of real events; counted per article row they would add up to the rows.
    assert check["clusters"] < check["rows"], "the samples report some events in several articles"
    assert sum(int(n) for n in check["labels"]) == check["clusters"]
    assert check["undated"] > 0
    assert f"{check['undated']} of {check['clusters']} real events have no date" in text
