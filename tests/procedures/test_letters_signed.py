"""Letters a jurist signs (issue 12): no empty field, Dutch numbers, today's legal basis, the 6:9 objection clause,
the signatory from the mandate register, the postponement only to objectors, 5:33 in the collection letter."""

from __future__ import annotations

from datetime import date

import docx
import pytest
from django.core.exceptions import ValidationError

from regie.procedures.definitions.schema import LetterSpec
from regie.procedures.models import Letter, Mandate
from regie.procedures.services.letter_context import legal_basis
from regie.procedures.services.letters import EmptyFieldError, render
from regie.procedures.services.mandates import mandate_create, mandate_for

from .conftest import addressee_ids, report
from .test_letters import _template, text_of

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def _signed_and_filled(text: str) -> None:
    assert "{{" not in text and "\u27e6leeg" not in text
    assert "E+" not in text
    # "namens deze(n)" only under mandate; the mayor signs his own 13b decisions in his own right.
    assert ("namens deze(n)" in text) != ("Eigen bevoegdheid van de burgemeester" in text)


def test_every_permanent_residence_letter_is_filled_signed_and_cites_todays_law(pr_at):
    procedure = pr_at("notification")
    letters = list(Letter.objects.filter(procedure=procedure))
    assert {letter.code for letter in letters} == {"pr-intended-decision", "pr-decision"}
    for letter in letters:
        text = text_of(letter)
        _signed_and_filled(text)
        assert "J. de Vries" in text and "Mandaatbesluit college 2024, artikel 3" in text  # the register
        assert "Mark van der Linden" in text  # the contact person stays the one point of contact
        assert "omgevingsplan van Lingewaard" in text and "22.1 van de Omgevingswet" in text
        assert "bestemmingsplan (recreatieve bestemming)" not in text
    decision = text_of(next(x for x in letters if x.code == "pr-decision"))
    assert "per post heeft verzonden en het niet later dan een week daarna is ontvangen" in decision
    assert "artikel 6:9 van de Algemene wet bestuursrecht" in decision
    assert "Wij hebben geen zienswijze ontvangen." in decision


def test_the_postponement_letter_goes_only_to_who_objected(pr_at, move):
    procedure = pr_at("notification")
    owner = addressee_ids(procedure)["eigenaar"]
    move(
        "jurist",
        procedure,
        "objection-received",
        "2026-02-20",
        {"addressee": owner},
        upload=report("Bezwaar"),
    )
    move("jurist", procedure, "objection-extended", "2026-03-02", {"reason": "Advies nodig."})
    letters = Letter.objects.filter(procedure=procedure, code="objection-extension")
    assert [letter.addressee.role for letter in letters] == ["eigenaar"]
    _signed_and_filled(text_of(letters[0]))


def test_the_decision_on_objection_names_the_committees_advice_and_its_own_signatory(pr_at, move):
    procedure = pr_at("notification")
    owner = addressee_ids(procedure)["eigenaar"]
    move(
        "jurist",
        procedure,
        "objection-received",
        "2026-02-20",
        {"addressee": owner, "advisory_committee": True},
        upload=report("Bezwaar"),
    )
    move(
        "jurist",
        procedure,
        "objection-decision",
        "2026-02-27",
        {"addressee": owner, "outcome": "ongegrond", "reasoning": "Bewoning staat vast."},
    )
    text = text_of(Letter.objects.get(procedure=procedure, code="objection-decision"))
    _signed_and_filled(text)
    assert "bezwaarschriftencommissie om advies gevraagd (artikel 7:13" in text
    assert "A. Smit" in text and "teamleider Juridische Zaken" in text  # the row for this letter goes first
    assert "artikel 6:9" in text


def test_the_collection_letter_cites_5_33_not_4_87(pr_at, move, time_machine):
    procedure = pr_at("notification")
    time_machine.move_to("2026-09-01 10:00 +02:00", tick=False)
    move(
        "handhaver",
        procedure,
        "reinspection",
        "2026-05-26",
        {"violation": "voortduring", "findings": "Nog bewoond."},
        upload=report(),
    )
    move("handhaver", procedure, "forfeiture", "2026-06-01", {"amount": "1000", "period_label": "week 1-2"})
    move("jurist", procedure, "collection-decision", "2026-06-15", {"amount": "1000"})
    letters = Letter.objects.filter(procedure=procedure, code="pr-collection-decision")
    assert letters.count() == 2
    for letter in letters:
        text = text_of(letter)
        _signed_and_filled(text)
        assert "artikel 5:33" in text and "4:87" not in text


def test_the_closure_order_writes_numbers_the_dutch_way_and_is_signed_for_the_mayor(
    world, matrix, start, move
):
    procedure = start(
        "jurist",
        world.o13b_case,
        "opiumwet-13b",
        "2026-01-08",
        data={
            "search_date": "2026-01-06",
            "premises_type": "woning",
            "substances": [{"substance": "hennepplanten", "amount": "2.4E+2"}],
            "findings": "Kwekerij op zolder.",
        },
        upload=report(),
    ).procedure
    move("jurist", procedure, "assessment", "2026-01-12", {"sanction": "sluiting"})
    move(
        "jurist",
        procedure,
        "closure-order",
        "2026-01-13",
        {
            "closure_period": "P3M",
            "compliance_period": "P1W",
            "reasons": "Kwekerij.",
            "urgent_reason": "Brand.",
        },
    )
    resident = str(procedure.addressees.get().pk)
    move(
        "jurist",
        procedure,
        "notification",
        "2026-01-15",
        {"notifications": {resident: "2026-01-15"}, "method": "politie"},
    )
    text = text_of(Letter.objects.get(procedure=procedure, code="o13b-closure-order"))
    _signed_and_filled(text)
    assert "240 hennepplanten" in text and "2,4E" not in text
    assert "M. Bakker" in text and "artikel 13b van de Opiumwet" in text and "artikel 6:9" in text


def test_a_letter_with_an_empty_field_is_refused_and_the_field_named(pr_at, move):
    procedure = pr_at("decision")
    Mandate.objects.all().delete()  # no signatory in the register
    ids = addressee_ids(procedure)
    with pytest.raises(ValidationError) as caught:
        move(
            "jurist",
            procedure,
            "notification",
            "2026-02-10",
            {"notifications": {ids["bewoner"]: "2026-02-05"}, "method": "aangetekend"},
        )
    message = caught.value.message_dict["letter"][0]
    assert "{{ ondertekenaar_naam }}" in message and "mandaatregister" in message
    assert not Letter.objects.filter(procedure=procedure, code="pr-decision").exists()  # nothing half-written
    procedure.refresh_from_db()
    assert procedure.current_step == "decision"


def test_an_empty_field_inside_a_condition_is_left_out_not_refused():
    content = _template("{% if extra %}Extra: {{ extra }}{% endif %}Vast: {{ vast }}")
    out = render(content, {"extra": "", "vast": "ja"}, refuse_empty=True)
    document = docx.Document(__import__("io").BytesIO(out))
    assert "Vast: ja" in document.paragraphs[0].text and "Extra" not in document.paragraphs[0].text
    with pytest.raises(EmptyFieldError) as caught:
        render(content, {"extra": "", "vast": ""}, refuse_empty=True)
    assert caught.value.fields == ["vast"]


def test_the_legal_basis_follows_the_law_in_force_on_the_letters_date():
    spec = LetterSpec(code="pr-decision", label="Besluit", legal_basis="oud")
    assert "Wet algemene bepalingen omgevingsrecht" in legal_basis(spec, date(2023, 12, 29))
    assert "omgevingsplan" in legal_basis(spec, date(2024, 1, 2))
    brp = LetterSpec(
        code="brp-decision",
        label="Besluit",
        legal_basis="artikel 2.39 van de Wet basisregistratie personen en de Circulaire Adresonderzoek BRP",
    )
    assert "Circulaire" not in legal_basis(brp, date(2026, 1, 1))


def test_the_mandate_register_takes_a_new_row_from_its_date_and_logs_it(world):
    row = mandate_create(
        actor=world.users["beheerder"] if hasattr(world, "users") else None,
        authority="college",
        letter_code="",
        signatory_name="K. Jansen",
        signatory_function="afdelingshoofd",
        mandate_reference="Mandaatbesluit 2026",
        valid_from=date(2026, 3, 1),
    )
    assert mandate_for("het college van burgemeester en wethouders", "pr-decision", date(2026, 3, 1)) == row
    assert mandate_for("het college van burgemeester en wethouders", "pr-decision", date(2026, 2, 28)) != row


@pytest.mark.parametrize(
    ("field", "kwargs", "text"),
    [
        ("authority", {"authority": "raad"}, "Bestuursorgaan"),
        ("letter_code", {"letter_code": "onbekend"}, "Brief"),
        ("signatory_name", {"signatory_name": " "}, "Naam ondertekenaar"),
        ("mandate_reference", {"mandate_reference": "x" * 201}, "Mandaatbesluit"),
    ],
)
def test_the_mandate_register_refuses_bad_rows_in_dutch_naming_the_field(world, field, kwargs, text):
    values = {
        "authority": "college",
        "letter_code": "",
        "signatory_name": "K. Jansen",
        "signatory_function": "afdelingshoofd",
        "mandate_reference": "Mandaatbesluit 2026",
        "valid_from": date(2026, 3, 1),
        **kwargs,
    }
    before = Mandate.objects.count()
    with pytest.raises(ValidationError) as caught:
        mandate_create(actor=None, **values)
    assert text in caught.value.message_dict[field][0]
    assert Mandate.objects.count() == before
