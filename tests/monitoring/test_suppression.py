"""The one suppression policy: counts 1-4 hidden as "< 5", zero shown, averages over too few hidden, and the
secondary suppression that keeps a hidden cell from being recomputed from its row or column total."""

from __future__ import annotations

from regie.core.suppression import count_cell, measure_cell, suppress_table


def test_counts_from_one_to_four_are_hidden_and_zero_and_five_are_shown() -> None:
    assert [count_cell(v).text for v in (0, 1, 4, 5, 1234)] == ["0", "< 5", "< 5", "5", "1.234"]
    assert count_cell(3).value is None and count_cell(3).hidden


def test_an_average_over_fewer_than_five_is_not_shown() -> None:
    assert measure_cell(8.25, 4).text == "–" and measure_cell(8.25, 4).value is None
    assert measure_cell(8.26, 5).text == "8,3"
    assert measure_cell(87.5, 40, suffix=" %").text == "87,5 %"


def test_a_table_without_small_cells_is_shown_whole() -> None:
    cells, rows, cols, grand = suppress_table([[10, 20], [30, 40]])
    assert [[c.text for c in r] for r in cells] == [["10", "20"], ["30", "40"]]
    assert (
        [c.text for c in rows] == ["30", "70"]
        and [c.text for c in cols] == ["40", "60"]
        and grand.text == "100"
    )


def test_a_lone_hidden_cell_takes_a_second_cell_of_its_row_and_column_with_it() -> None:
    # 3 is small; its row total (3 + 20) and column total (3 + 30) would give it away.
    cells, rows, cols, grand = suppress_table([[3, 20, 25], [30, 40, 50], [35, 45, 55]])
    hidden = {(i, j) for i, r in enumerate(cells) for j, c in enumerate(r) if c.hidden}
    assert (0, 0) in hidden
    # every row and column with a hidden cell has at least two hidden (counting its total)
    for i, row in enumerate(cells):
        line = [c.hidden for c in row] + [rows[i].hidden]
        assert sum(line) != 1, f"rij {i}"
    for j in range(3):
        line = [cells[i][j].hidden for i in range(3)] + [cols[j].hidden]
        assert sum(line) != 1, f"kolom {j}"
    # the smallest other cells are taken, not the big ones
    assert (0, 1) in hidden and (1, 0) in hidden
    assert not cells[2][2].hidden and grand.text == "303"


def test_a_hidden_total_is_protected_too() -> None:
    # row 1 totals 3: hidden; its cells (1, 2) are hidden as small; column totals reveal nothing more.
    cells, rows, cols, _ = suppress_table([[10, 12], [1, 2]])
    assert rows[1].hidden and cells[1][0].hidden and cells[1][1].hidden
    for j in range(2):
        line = [cells[0][j].hidden, cells[1][j].hidden, cols[j].hidden]
        assert sum(line) != 1


def test_hidden_cells_look_alike_whichever_rule_hid_them() -> None:
    cells, _, _, _ = suppress_table([[3, 20], [30, 40]])
    shown = {c.text for r in cells for c in r if c.hidden}
    assert shown == {"< 5"}
