"""The analysis notebook is saved without outputs and runs top to bottom with the default model."""

import ast
from pathlib import Path

import nbformat
import pytest

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "churn_analysis.ipynb"


def test_notebook_is_saved_without_outputs():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


@pytest.mark.parametrize(
    ("pandas", "call"),
    [
        ("pd.read_csv(", "taikai.io.read_predictions, or the file given to taikai.train / taikai.evaluate"),
        ('== "test"', 'taikai.evaluate(..., split="test") or taikai.io.select_split'),
        ('== "train"', "taikai.train on the file: its split column chooses the train rows"),
        (".rename(", 'predict_frame(prefix="pred_") and misclassified(prefix="pred_")'),
        (".drop(", 'predict_frame(prefix="pred_"): the tables read the prefixed columns'),
        ("held_out.predict_frame(", "evaluation.predictions: the rows evaluate classified, not classified again"),
    ],
)
def test_notebook_calls_the_library_for(pandas, call):
    """The notebook holds no logic of its own: what the public API does, it calls (regression: it filtered the
    split, dropped and renamed label columns in pandas)."""
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    code = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")
    assert pandas not in code, f"the notebook does {pandas!r} in pandas; call {call}"


@pytest.mark.parametrize("column", ['"text"', '"platform"'])
def test_the_dump_s_columns_are_named_once(column):
    """Regression: the dump's column names were written in each cell that reads them (and the trends were left out
    without a word when the dump had no posted_at): an analyst pointing the notebook at an export of her own
    (レビュー本文, 投稿日, 媒体) had five places to find. The cell that classifies names them once, beside the file."""
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    code = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
    named = [source for source in code if column in source and "evaluation" not in source]  # not the corpus's cells
    assert len(named) == 1 and named[0].startswith("dump, text_column, date_column, by = "), named


CHOSEN = ["dump", "text_column", "date_column", "by"]
"""What the markdown before the classifying cell tells the analyst to write for an export of her own."""


def test_the_line_the_markdown_gives_for_an_export_sets_every_choice():
    """Regression: the markdown says to write ``dump, text_column, date_column, by = "export.csv", …``, but the cell
    set ``date_column`` again on its next line (``"posted_at"`` unless the corpus was read): an export with 投稿日
    failed in the trends cell with "no column 'posted_at'". Each of the four is set once, by the cell's first line."""
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    cells = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
    assigned = [
        (source, node)
        for source in cells
        for node in ast.walk(ast.parse("\n".join(line for line in source.splitlines() if not line.startswith("%"))))
        if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign)
        and {name.id for name in ast.walk(node) if isinstance(name, ast.Name) and isinstance(name.ctx, ast.Store)}
        & set(CHOSEN)
    ]
    assert len(assigned) == 1, [ast.unparse(node) for _, node in assigned]
    node = assigned[0][1]
    assert isinstance(node, ast.Assign) and node.lineno == 1, ast.unparse(node)
    assert ast.unparse(node.targets[0]) == f"({', '.join(CHOSEN)})"


@pytest.mark.slow
def test_notebook_runs_top_to_bottom(tmp_path):
    """Run with its kernel in a folder outside the repository: the data is found all the same (regression: it
    looked only in the working directory or its parent, then named a missing /tmp/data/reviews.csv)."""
    from nbclient import NotebookClient  # Jupyter's client: imported by this slow test only

    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()
    errors = [o for cell in notebook.cells for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
    printed = "".join(o.get("text", "") for o in notebook.cells[1].outputs if o.get("output_type") == "stream")
    repo = NOTEBOOK.parent.parent
    assert printed.startswith(f"the data of {repo} (the checkout taikai is imported from: "), printed
    assert f"): classifying {repo / 'data'}" in printed, printed
    images = [o for cell in notebook.cells for o in cell.get("outputs", []) if "image/png" in o.get("data", {})]
    assert len(images) >= 4
