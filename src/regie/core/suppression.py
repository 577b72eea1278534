"""Small numbers are never shown: one policy for pages, CSV, PDF and API alike.

Primary suppression: a count from 1 up to the threshold (default 5, `REGIE_MONITORING_THRESHOLD`) is shown as
"< 5"; an average or a percentage over fewer things than the threshold is not shown at all. Zero is shown: it
reveals nobody. Secondary suppression: in a table with row and column totals, a hidden cell that is the only
hidden one of its row or column could be recomputed from the total; then the smallest other non-zero cell of that
line is hidden too, and so on until every line with a hidden cell has at least two (the rule statistical offices
use). Totals are cells too: a total under the threshold is hidden like any other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings


def threshold() -> int:
    return int(getattr(settings, "REGIE_MONITORING_THRESHOLD", 5))


@dataclass(frozen=True)
class Cell:
    value: float | None  # None: hidden (never handed to a page, CSV, PDF or API)
    text: str  # what is shown: "12", "< 5", "8,5", "–"
    hidden: bool = False

    def __str__(self) -> str:
        return self.text


def _format(value: float, decimals: int) -> str:
    text = f"{value:,.{decimals}f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return text


def small(value: float, base: int | None = None) -> bool:
    """Whether a figure must be hidden: a count from 1 up to the threshold (zero reveals nobody), or an average or
    share over fewer things than the threshold (`base`)."""
    if base is None:
        return 0 < value < threshold()
    return base < threshold()


def count_cell(value: float) -> Cell:
    if small(value):
        return Cell(None, f"< {threshold()}", hidden=True)
    return Cell(value, _format(value, 0))


def measure_cell(value: float, base: int, *, decimals: int = 1, suffix: str = "") -> Cell:
    """An average or a percentage: hidden when it is over fewer things than the threshold."""
    if small(value, base):
        return Cell(None, "–", hidden=True)
    return Cell(value, _format(value, decimals) + suffix)


def hidden_cell() -> Cell:
    """A cell hidden by secondary suppression: shown as small as the primary ones, so nobody can tell them apart."""
    return Cell(None, f"< {threshold()}", hidden=True)


def suppress_table(rows: Sequence[Sequence[int]]) -> tuple[list[list[Cell]], list[Cell], list[Cell], Cell]:
    """Suppress a table of counts with its row totals, column totals and grand total.

    Returns (cells, row totals, column totals, grand total). Totals count as cells of their lines: the column
    of row totals and the row of column totals take part in the secondary suppression.
    """
    n_rows = len(rows)
    n_cols = len(rows[0]) if rows else 0
    row_totals = [sum(r) for r in rows]
    col_totals = [sum(r[c] for r in rows) for c in range(n_cols)]
    grand = sum(row_totals)
    # The full grid including totals: rows × (cols + 1), plus a last row of column totals and the grand total.
    grid = [[*list(r), row_totals[i]] for i, r in enumerate(rows)] + [[*col_totals, grand]]
    hidden = [[small(v) for v in line] for line in grid]

    def lines() -> list[list[tuple[int, int]]]:
        result = [[(i, c) for c in range(n_cols + 1)] for i in range(n_rows + 1)]
        result += [[(i, c) for i in range(n_rows + 1)] for c in range(n_cols + 1)]
        return result

    changed = True
    while changed:
        changed = False
        for line in lines():
            marked = [(i, c) for i, c in line if hidden[i][c]]
            if len(marked) != 1:
                continue
            open_cells = [(grid[i][c], i, c) for i, c in line if not hidden[i][c] and grid[i][c] > 0]
            # Prefer an inner cell over a total, the smallest first: it hides the least information.
            open_cells.sort(key=lambda t: (t[1] == n_rows or t[2] == n_cols, t[0]))
            if open_cells:
                _, i, c = open_cells[0]
                hidden[i][c] = True
                changed = True

    def cell(i: int, c: int) -> Cell:
        if not hidden[i][c]:
            return Cell(grid[i][c], _format(grid[i][c], 0))
        return hidden_cell()

    cells = [[cell(i, c) for c in range(n_cols)] for i in range(n_rows)]
    return (
        cells,
        [cell(i, n_cols) for i in range(n_rows)],
        [cell(n_rows, c) for c in range(n_cols)],
        cell(n_rows, n_cols),
    )
