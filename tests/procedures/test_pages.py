"""The procedure pages: calculator, deadline overview, procedures with their timeline, steps, letters, policy."""

from __future__ import annotations

import io

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from regie.procedures.models import DamoclesPolicy, LetterTemplate, Procedure

from .conftest import PENALTY, demo_matrix

pytestmark = pytest.mark.django_db

ALL_ROLES = [
    "procesregisseur",
    "projectleider",
    "handhaver",
    "jurist",
    "brp",
    "politie",
    "ggz",
    "analist",
    "beheerder",
    "privacy",
]
OVERSIGHT = ["projectleider", "handhaver", "jurist"]
PROCEDURE_ROLES = ["procesregisseur", "projectleider", "handhaver", "jurist", "brp"]


@pytest.fixture
def procedure(pr_at) -> Procedure:
    return pr_at("notification")


def _page(sign_in, users, username, path, **kwargs):
    return sign_in(users[username]).get(path, **kwargs)


# ---------------------------------------------------------------------------------------------- who may see what


@pytest.mark.parametrize("role", ALL_ROLES)
@pytest.mark.parametrize("path", ["/termijncalculator", "/termijnen"])
def test_calculator_and_overview_are_for_jurist_inspector_and_project_leader(sign_in, users, role, path):
    response = _page(sign_in, users, role, path)
    assert response.status_code == (200 if role in OVERSIGHT else 403)


@pytest.mark.parametrize("role", ALL_ROLES)
def test_the_procedure_list_is_for_roles_that_run_procedures(sign_in, users, role):
    assert _page(sign_in, users, role, "/procedures").status_code == (200 if role in PROCEDURE_ROLES else 403)


@pytest.mark.parametrize("role", ALL_ROLES)
@pytest.mark.parametrize("suffix", ["", "/stap", "/stap?stap=reinspection", "/geadresseerden"])
def test_procedure_pages_answer_members_outsiders_and_other_roles(sign_in, users, procedure, role, suffix):
    response = _page(sign_in, users, role, f"/procedures/{procedure.pk}{suffix}")
    if role in ("projectleider", "handhaver", "jurist"):
        assert response.status_code == 200  # coordinator or team member
    elif role in PROCEDURE_ROLES:
        assert response.status_code == 404  # not on the case: the same as not existing
    else:
        assert response.status_code == 403


@pytest.mark.parametrize(
    "path",
    ["/procedures/00000000-0000-0000-0000-000000000000", "/procedures/geen-id", "/procedures/geen-id/stap"],
)
def test_missing_procedures_are_404(sign_in, users, path):
    assert _page(sign_in, users, "jurist", path).status_code == 404


@pytest.mark.parametrize("role", [r for r in ALL_ROLES if r != "beheerder"])
@pytest.mark.parametrize(
    "path",
    [
        "/procedurebeheer",
        "/procedurebeheer/brieven/pr-decision",
        "/procedurebeheer/brieven/pr-decision/sjabloon",
        "/procedurebeheer/damocles",
        "/procedurebeheer/damocles/nieuw",
    ],
)
def test_policy_pages_are_for_the_functional_administrator_only(sign_in, users, role, path):
    assert _page(sign_in, users, role, path).status_code == 403


def test_pages_need_a_login(client, users, procedure):
    for path in (
        "/termijncalculator",
        "/termijnen",
        "/procedures",
        f"/procedures/{procedure.pk}",
        "/procedurebeheer",
    ):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/login")


# ---------------------------------------------------------------------------------------------- calculator


def test_the_calculator_explains_an_extended_objection_term(sign_in, users):
    response = _page(sign_in, users, "jurist", "/termijncalculator?van=2026-03-24&duur=P6W&wettelijk=1")
    html = response.content.decode()
    assert "De termijn eindigt op woensdag 6 mei 2026" in html
    assert "5 mei (Bevrijdingsdag) is een algemeen erkende feestdag" in html


def test_the_calculator_does_not_extend_a_compliance_period(sign_in, users):
    html = _page(sign_in, users, "handhaver", "/termijncalculator?van=2026-02-05&duur=P3M").content.decode()
    assert "De termijn eindigt op dinsdag 5 mei 2026" in html and "niet verlengd" in html


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("van=&duur=P6W", "Vul de datum"),
        ("van=2026-02-30&duur=P6W", "Ongeldige datum"),
        ("van=2026-02-05&duur=zes", "Vul een termijn in zoals"),
    ],
)
def test_the_calculator_answers_bad_input_in_dutch(sign_in, users, query, text):
    response = _page(sign_in, users, "jurist", f"/termijncalculator?{query}")
    assert response.status_code == 400 and text in response.content.decode()


# ---------------------------------------------------------------------------------------------- overview


def test_the_overview_shows_overdue_and_upcoming_deadlines_by_procedure_and_step(sign_in, users, pr_at):
    pr_at("notification")
    html = _page(sign_in, users, "jurist", "/termijnen").content.decode()
    assert "Handhaving permanente bewoning — Besluit bekendgemaakt" in html
    assert "Bezwaartermijn" in html and "19 maart 2026" in html  # due within 30 days of 2 March
    assert '<svg class="regie-chart"' in html and "Aantal termijnen per week" in html
    assert "Peter Jansen" not in html  # the overview names roles, not persons


def test_the_overview_flags_an_overdue_action(sign_in, users, pr_at):
    pr_at("signal")  # "Controle uitvoeren" was due 2 February
    html = _page(sign_in, users, "handhaver", "/termijnen?mijn=1").content.decode()
    assert "Controle uitvoeren" in html and "te laat" in html


def test_the_overview_hides_procedures_of_cases_you_cannot_see(sign_in, users, pr_at, world):
    from regie.cases.models import CaseMember

    pr_at("notification")
    CaseMember.objects.filter(case=world.pr_case, user=users["handhaver"]).delete()
    html = _page(sign_in, users, "handhaver", "/termijnen").content.decode()
    assert "Bezwaartermijn" not in html


# ---------------------------------------------------------------------------------------------- procedure page


def test_the_procedure_page_draws_the_timeline_with_the_same_data_in_a_table(sign_in, users, procedure):
    html = _page(sign_in, users, "jurist", f"/procedures/{procedure.pk}").content.decode()
    assert 'role="img"' in html and '<title id="tijdlijn-titel">' in html
    assert html.count('class="regie-bar') == 6  # six steps as bars
    assert "regie-today" in html  # today as a line
    assert "polygon" in html  # deadlines as marks
    assert "Besluit bekendgemaakt" in html and "Bezwaartermijn" in html
    assert "donderdag 19 maart 2026" in html and "Awb 6:7 en 6:8" in html


def test_the_procedure_page_lists_the_letters_for_download(sign_in, users, procedure):
    client = sign_in(users["jurist"])
    html = client.get(f"/procedures/{procedure.pk}").content.decode()
    letter = procedure.letters.filter(code="pr-decision").first()
    assert f"/procedures/{procedure.pk}/brieven/{letter.pk}" in html
    response = client.get(f"/procedures/{procedure.pk}/brieven/{letter.pk}")
    assert response.status_code == 200 and response["Content-Type"].endswith("wordprocessingml.document")
    text = "\n".join(
        p.text for p in docx.Document(io.BytesIO(b"".join(response.streaming_content))).paragraphs
    )
    assert "Bezwaar" in text


def test_a_letter_is_not_downloadable_by_an_outsider_or_through_another_procedure(
    sign_in, users, procedure, world, start
):
    letter = procedure.letters.first()
    assert (
        _page(
            sign_in, users, "procesregisseur", f"/procedures/{procedure.pk}/brieven/{letter.pk}"
        ).status_code
        == 404
    )
    other = start(
        "brp",
        world.brp_case,
        "brp-address-investigation",
        "2026-01-12",
        data={"reason": "x", "in_research": "ja"},
    ).procedure
    assert _page(sign_in, users, "brp", f"/procedures/{other.pk}/brieven/{letter.pk}").status_code == 404


# ---------------------------------------------------------------------------------------------- taking a step


def test_the_step_page_offers_the_allowed_steps_for_your_role(sign_in, users, pr_at):
    procedure = pr_at("exceptions-check")
    html = _page(sign_in, users, "handhaver", f"/procedures/{procedure.pk}/stap").content.decode()
    assert "Voornemen verzonden" in html and "niet voor uw rol" in html


def test_a_step_is_taken_through_the_form(sign_in, users, pr_at):
    procedure = pr_at("exceptions-check")
    client = sign_in(users["jurist"])
    form = client.get(f"/procedures/{procedure.pk}/stap?stap=intended-decision").content.decode()
    assert (
        'name="amount"' in form and 'value="2 weken"' in form
    )  # the view term's default, as a person types it
    data = {
        "stap": "intended-decision",
        "versie": procedure.version,
        "datum": "2026-01-19",
        **PENALTY,
        "compliance_period": "3 maanden",  # a jurist types periods in Dutch; they are stored as ISO 8601
        "view_period": "2 weken",
    }
    response = client.post(f"/procedures/{procedure.pk}/stap", data)
    assert response.status_code == 302 and response["Location"] == f"/procedures/{procedure.pk}"
    procedure.refresh_from_db()
    assert procedure.current_step == "intended-decision"
    stored = procedure.transitions.get(to_step="intended-decision").data
    assert stored["view_period"] == "P2W" and stored["compliance_period"] == "P3M"


def test_a_period_the_form_cannot_read_is_refused_in_dutch_naming_the_field(sign_in, users, pr_at):
    procedure = pr_at("exceptions-check")
    client = sign_in(users["jurist"])
    data = {"stap": "intended-decision", "versie": procedure.version, "datum": "2026-01-19", **PENALTY}
    response = client.post(f"/procedures/{procedure.pk}/stap", {**data, "view_period": "twee weekjes"})
    html = response.content.decode()
    assert response.status_code == 400 and "Vul een termijn in zoals &#x27;6 weken&#x27;" in html
    procedure.refresh_from_db()
    assert procedure.current_step == "exceptions-check"


def test_a_step_with_a_document_is_taken_through_the_form(sign_in, users, pr_at):
    procedure = pr_at("signal")
    upload = SimpleUploadedFile("rapport.txt", b"Rapport van bevindingen\n", content_type="text/plain")
    data = {
        "stap": "inspection-report",
        "versie": procedure.version,
        "datum": "2026-01-12",
        "findings": "Woont er.",
        "entry": "niet-betreden",
        "brp_registration": "1",
        "bestand": upload,
        "soort_document": "rapport van bevindingen",
    }
    response = sign_in(users["handhaver"]).post(f"/procedures/{procedure.pk}/stap", data)
    assert response.status_code == 302
    transition = procedure.transitions.get(to_step="inspection-report")
    assert transition.data["brp_registration"] is True and len(transition.documents) == 1


def test_a_refused_step_shows_dutch_errors_and_saves_nothing(sign_in, users, pr_at):
    procedure = pr_at("exceptions-check")
    data = {
        "stap": "intended-decision",
        "versie": procedure.version,
        "datum": "2026-01-10",
        **PENALTY,
        "amount": "20000",
        "view_period": "P2W",
    }
    response = sign_in(users["jurist"]).post(f"/procedures/{procedure.pk}/stap", data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Er is niets opgeslagen" in html and "vóór de vorige stap" in html
    assert procedure.transitions.count() == 3


def test_a_stale_step_form_is_answered_with_409(sign_in, users, pr_at):
    procedure = pr_at("exceptions-check")
    data = {"stap": "ended", "versie": procedure.version - 1, "datum": "2026-01-20", "reason": "x"}
    response = sign_in(users["jurist"]).post(f"/procedures/{procedure.pk}/stap", data)
    assert response.status_code == 409 and "Iemand anders heeft deze procedure" in response.content.decode()


def test_a_step_that_is_not_allowed_now_is_refused(sign_in, users, pr_at):
    procedure = pr_at("signal")
    response = _page(sign_in, users, "jurist", f"/procedures/{procedure.pk}/stap?stap=forfeiture")
    assert response.status_code == 400 and "kan nu niet worden gezet" in response.content.decode()


# ---------------------------------------------------------------------------------------------- start, addressees


def test_a_procedure_is_started_through_the_form(sign_in, users, world):
    client = sign_in(users["handhaver"])
    form = client.get(f"/procedures/starten?soort=permanent-residence&casus={world.pr_case.number}")
    assert form.status_code == 200 and 'name="signal"' in form.content.decode()
    response = client.post(
        "/procedures/starten",
        {
            "soort": "permanent-residence",
            "casus": world.pr_case.number,
            "datum": "2026-02-02",
            "signal": "Melding.",
        },
    )
    assert response.status_code == 302
    assert Procedure.objects.get(case=world.pr_case).current_step == "signal"


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (
            {"soort": "permanent-residence", "casus": "2099-99999"},
            "Er is geen casus met dit nummer die u mag zien",
        ),
        ({"soort": "schaakspel", "casus": ""}, "Kies een bestaande soort procedure"),
        (
            {"soort": "permanent-residence", "casus": "{case}", "datum": "2026-02-02", "signal": ""},
            "Omschrijving van het signaal: vul dit in",
        ),
    ],
)
def test_a_bad_start_is_answered_in_dutch(sign_in, users, world, data, text):
    data = {k: v.format(case=world.pr_case.number) for k, v in data.items()}
    response = sign_in(users["handhaver"]).post("/procedures/starten", data)
    assert response.status_code == 400 and text in response.content.decode()
    assert not Procedure.objects.exists()


def test_an_outsider_cannot_start_on_a_case_by_its_number(sign_in, users, world):
    response = sign_in(users["procesregisseur"]).get(
        f"/procedures/starten?soort=permanent-residence&casus={world.pr_case.number}"
    )
    assert response.status_code == 400 and "die u mag zien" in response.content.decode()


@pytest.mark.parametrize(
    ("data", "text", "status"),
    [
        (
            {
                "rol": "eigenaar",
                "naam": "Park B.V.",
                "straat": "Marsweg 1",
                "postcode_plaats": "6988 BX Lathum",
            },
            "",
            302,
        ),
        (
            {"rol": "eigenaar", "naam": "", "straat": "Marsweg 1", "postcode_plaats": "6988 BX Lathum"},
            "verplicht",
            400,
        ),
        (
            {"rol": "prins", "naam": "X", "straat": "X 1", "postcode_plaats": "1234 AB X"},
            "bestaande rol",
            400,
        ),
    ],
)
def test_an_addressee_is_added_through_the_form(sign_in, users, procedure, data, text, status):
    response = sign_in(users["jurist"]).post(f"/procedures/{procedure.pk}/geadresseerden", data)
    assert response.status_code == status and text in response.content.decode()


def test_letters_can_be_made_again_from_the_page(sign_in, users, procedure):
    response = sign_in(users["jurist"]).post(f"/procedures/{procedure.pk}/brieven", {"brief": "pr-decision"})
    assert response.status_code == 302 and procedure.letters.filter(code="pr-decision").count() == 4


# ---------------------------------------------------------------------------------------------- policy pages


def _docx(*paragraphs: str) -> bytes:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_the_administrator_uploads_a_template_version(sign_in, users):
    client = sign_in(users["beheerder"])
    assert "bezwaarclausule" in client.get("/procedurebeheer/brieven/pr-decision").content.decode()
    upload = SimpleUploadedFile(
        "besluit.docx", _docx("Geachte {{ geadresseerde_naam }},", "{{ bezwaarclausule }}")
    )
    response = client.post(
        "/procedurebeheer/brieven/pr-decision", {"bestand": upload, "toelichting": "Huisstijl 2026"}
    )
    assert response.status_code == 302
    assert LetterTemplate.objects.get(code="pr-decision").version == 2
    assert client.get("/procedurebeheer/brieven/pr-decision/sjabloon").content.startswith(b"PK")


@pytest.mark.parametrize(
    ("content", "text"),
    [
        (_docx("{{ iban }}"), "Onbekend samenvoegveld: {{ iban }}"),
        (b"tekst", "geen Word-bestand"),
        (None, "Kies een Word-bestand"),
    ],
)
def test_a_bad_template_upload_is_refused_in_dutch(sign_in, users, content, text):
    data = {"bestand": SimpleUploadedFile("x.docx", content)} if content is not None else {}
    response = sign_in(users["beheerder"]).post("/procedurebeheer/brieven/pr-decision", data)
    assert response.status_code == 400 and text in response.content.decode()
    assert not LetterTemplate.objects.exists()


def test_an_unknown_letter_code_is_404(sign_in, users):
    assert _page(sign_in, users, "beheerder", "/procedurebeheer/brieven/bestaat-niet").status_code == 404


def _matrix_post(rules, valid_from="2026-04-01", recidive="P5Y"):
    data = {
        "geldig_vanaf": valid_from,
        "recidivetermijn": recidive,
        "toelichting": "Raadsbesluit",
        "rijen": str(len(rules)),
    }
    for i, r in enumerate(rules):
        data.update(
            {
                f"r{i}-premises_type": r.premises_type,
                f"r{i}-drug_type": r.drug_type,
                f"r{i}-offence_from": str(r.offence_from),
                f"r{i}-offence_to": str(r.offence_to or ""),
                f"r{i}-sanction": r.sanction,
                f"r{i}-closure_period": r.closure_period,
            }
        )
    return data


def test_the_administrator_sets_a_new_matrix_version(sign_in, users):
    client = sign_in(users["beheerder"])
    assert client.get("/procedurebeheer/damocles/nieuw").status_code == 200
    response = client.post("/procedurebeheer/damocles/nieuw", _matrix_post(demo_matrix()))
    assert response.status_code == 302
    assert "Versie 1" in client.get("/procedurebeheer/damocles").content.decode()
    assert DamoclesPolicy.objects.get().rules.count() == 18


@pytest.mark.parametrize(
    ("change", "text"),
    [
        (lambda rules: rules[1:], "Gat in de matrix"),
        (lambda rules: [*rules, rules[0]], "Overlap in de matrix"),
        (lambda rules: rules, "geldige datum"),
    ],
)
def test_a_matrix_with_a_gap_or_overlap_is_refused_on_the_page(sign_in, users, change, text):
    valid_from = "1 april" if text == "geldige datum" else "2026-04-01"
    response = sign_in(users["beheerder"]).post(
        "/procedurebeheer/damocles/nieuw", _matrix_post(change(demo_matrix()), valid_from)
    )
    assert response.status_code == 400 and text in response.content.decode()
    assert not DamoclesPolicy.objects.exists()


@pytest.mark.parametrize("role", [r for r in ALL_ROLES if r not in OVERSIGHT])
def test_posting_to_a_procedure_answers_outsiders_and_other_roles(sign_in, users, procedure, role):
    client = sign_in(users[role])
    expected = 404 if role in PROCEDURE_ROLES else 403  # not on the case: the same as not existing
    for path, data in (
        (f"/procedures/{procedure.pk}/brieven", {"brief": "pr-decision"}),
        (
            f"/procedures/{procedure.pk}/geadresseerden",
            {"rol": "eigenaar", "naam": "X", "straat": "X 1", "postcode_plaats": "1234 AB X"},
        ),
        (
            f"/procedures/{procedure.pk}/stap",
            {"stap": "ended", "versie": procedure.version, "datum": "2026-02-20", "reason": "x"},
        ),
    ):
        assert client.post(path, data).status_code == expected, path
    procedure.refresh_from_db()
    assert procedure.current_step == "notification" and procedure.letters.count() == 4
    assert procedure.addressees.count() == 2


@pytest.mark.parametrize("role", [r for r in ALL_ROLES if r not in PROCEDURE_ROLES])
def test_the_start_page_is_closed_to_roles_without_procedures(sign_in, users, role):
    assert _page(sign_in, users, role, "/procedures/starten").status_code == 403
