"""Areas for signals and cases (the postcode area of their address, decision 0012) and cross breakdowns (two
dimensions at a time, secondary suppression over the table), on pages, CSV and API; bad input; who may."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from regie.core.indicators import CROSS
from regie.monitoring import forms
from regie.monitoring.models import RollupRun, RollupValue

pytestmark = pytest.mark.django_db

QUERY = "?van=2026-01&tot=2026-02"


def _figure(code: str, area: str = "", dimension: str = "", member: str = "") -> float | None:
    row = RollupValue.objects.filter(
        indicator=code, month=dt.date(2026, 1, 1), area=area, dimension=dimension, member=member
    ).first()
    return row.value if row else None


def test_signals_and_cases_count_in_the_postcode_area_of_their_address(areas) -> None:
    assert _figure("signals.received", "Postcode 6811") == 6
    assert _figure("signals.received", "Postcode 6851") == 2  # through the person's home
    assert _figure("cases.opened", "Postcode 6811") == 5
    assert _figure("cases.opened", "Postcode 6851") == 2
    assert (
        _figure("cases.opened") == 13
    )  # 6 PGA cases of `figures` without an address count only in the total
    run = RollupRun.objects.filter(status="klaar").order_by("-finished_at").first()
    assert run is not None and run.areas["signalen"] == ["Postcode 6811", "Postcode 6851"]
    assert "Postcode 6811" in run.areas["zorg"]


def test_the_area_filter_shows_one_area_suppressed(sign_in, users, areas) -> None:
    client = sign_in(users["analist"])
    html = client.get("/monitoring/thema/zorg?van=2026-01&tot=2026-01&gebied=Postcode+6811").content.decode()
    assert "Postcode 6811" in html and ">5<" in html
    html = client.get("/monitoring/thema/zorg?van=2026-01&tot=2026-01&gebied=Postcode+6851").content.decode()
    assert "&lt; 5" in html and ">2<" not in html


def test_an_unknown_area_is_refused_in_dutch(sign_in, users, areas) -> None:
    response = sign_in(users["analist"]).get("/monitoring/thema/zorg?gebied=Postcode+9999")
    assert response.status_code == 400 and "Kies een gebied uit de lijst" in response.content.decode()
    csv_response = sign_in(users["analist"]).get("/monitoring/thema/zorg/csv?gebied=Nergens")
    assert csv_response.status_code == 400 and "Ongeldige filter" in csv_response.content.decode()


def test_with_many_areas_the_postcode_is_typed(sign_in, users, areas, monkeypatch) -> None:
    monkeypatch.setattr(forms, "MANY_AREAS", 1)
    client = sign_in(users["analist"])
    page = client.get("/monitoring/thema/signalen?van=2026-01&tot=2026-01")
    assert 'type="text" name="gebied"' in page.content.decode()
    html = client.get("/monitoring/thema/signalen?van=2026-01&tot=2026-01&gebied=6811").content.decode()
    assert "Postcode 6811" in html and ">6<" in html
    response = client.get("/monitoring/thema/signalen?gebied=1234")
    assert (
        response.status_code == 400
        and "Voor dit postcodegebied zijn geen cijfers" in response.content.decode()
    )


def _hidden_lines_are_safe(cells: list[list[bool]]) -> bool:
    """No row or column (totals included) has exactly one hidden cell."""
    lines = [*cells, *zip(*cells, strict=True)]
    return all(sum(line) != 1 for line in lines)


def test_a_cross_table_is_suppressed_as_a_whole(api_as, figures) -> None:
    body = (
        api_as("analist")
        .get("/api/v1/monitoring/series?indicator=signals.received&fromMonth=2026-01&toMonth=2026-02")
        .json()
    )
    (table,) = body["crossTables"]
    assert table["dimensions"] == ["Categorie", "Bron"]
    assert [r["member"] for r in table["rows"]] == ["Drugs (test)", "Overlast (test)"]
    assert [c["column"] for c in table["rows"][0]["cells"]] == ["Inwoner", "Medewerker van de gemeente"]
    # Hand-counted: [[2, 0], [12, 3]]; 2 and 3 are small, and so is everything that would give them away.
    grid = [[*r["cells"], r["total"]] for r in table["rows"]] + [[*table["columnTotals"], table["total"]]]
    assert _hidden_lines_are_safe([[c["hidden"] for c in line] for line in grid])
    assert table["rows"][0]["cells"][1]["shown"] == "0" and table["total"]["shown"] == "17"
    shown = [c["value"] for line in grid for c in line if not c["hidden"]]
    assert all(v == 0 or v >= 5 for v in shown)


def test_the_cross_table_on_the_page_and_in_the_csv(sign_in, users, figures) -> None:
    client = sign_in(users["analist"])
    html = client.get(f"/monitoring/thema/signalen{QUERY}").content.decode()
    assert "Per categorie en bron, de hele periode samen" in html
    rows = list(
        csv.reader(
            io.StringIO(client.get(f"/monitoring/thema/signalen/csv{QUERY}").content.decode()), delimiter=";"
        )
    )
    crossed = [r for r in rows if r[1] == f"Categorie{CROSS}Bron"]
    assert [f"Drugs (test){CROSS}Inwoner", "2026-01 t/m 2026-02", "< 5"] == crossed[0][2:5]
    assert crossed[-1][2:5] == ["totaal", "2026-01 t/m 2026-02", "17"]
    assert not any(r[4] in {"1", "2", "3", "4"} for r in rows[1:])


def test_roles_without_monitoring_get_no_cross_table(api_as, figures) -> None:
    url = "/api/v1/monitoring/series?indicator=signals.received&fromMonth=2026-01&toMonth=2026-02"
    assert api_as("handhaver").get(url).status_code == 403


def test_the_api_gives_an_area_and_refuses_an_unknown_one(api_as, areas) -> None:
    url = "/api/v1/monitoring/series?indicator=signals.received&fromMonth=2026-01&toMonth=2026-01"
    body = api_as("analist").get(f"{url}&area=Postcode+6811").json()
    assert body["area"] == "Postcode 6811" and body["months"][0]["shown"] == "6"
    response = api_as("analist").get(f"{url}&area=Postcode+9999")
    assert response.status_code == 400 and response["Content-Type"].startswith("application/problem+json")
    assert "Voor dit gebied zijn geen cijfers" in response.content.decode()
