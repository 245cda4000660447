"""notebooks/explore.ipynb runs top to bottom: a cell that raises fails the suite.

The notebook only calls the package, so this also checks that the calls it
makes (extract, render.show, the plots and tables) still fit together.
"""
from __future__ import annotations

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
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()  # raises CellExecutionError naming the failing cell
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o for o in outputs if "text/html" in o.get("data", {}) and 'class="vne"' in o["data"]["text/html"]]
    assert len(html) == 2, "the article and the event are shown inline"
    assert len([o for o in outputs if "image/png" in o.get("data", {})]) == 2, "the timeline and the network"
