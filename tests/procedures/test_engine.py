"""The engine: legal moves are recorded with their deadlines; illegal ones are refused in Dutch, nothing saved."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, connection, transaction

from regie.cases.models import Case, Document, Task, TimelineEvent
from regie.core.errors import ConflictError
from regie.procedures.models import Deadline, DeadlineStatus, Letter, ProcedureStatus, Transition
from regie.processing_log.models import ProcessingLogEntry
from tests.worlds.cases import make_case

from .conftest import PENALTY, addressee_ids, report

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def _counts():
    return (
        Transition.objects.count(),
        Deadline.objects.count(),
        Letter.objects.count(),
        Document.objects.count(),
        Task.objects.count(),
        TimelineEvent.objects.count(),
    )


def _refused(call, field: str, text: str):
    before = _counts()
    with pytest.raises(ValidationError) as caught:
        call()
    assert field in caught.value.message_dict, caught.value.message_dict
    assert text in " ".join(caught.value.message_dict[field])
    assert _counts() == before, "a refused move must save nothing"
    return caught.value.message_dict


def test_it_records_the_path_with_history_deadlines_letters_and_tasks(pr_at, world):
    procedure = pr_at("notification")
    assert procedure.current_step == "notification" and procedure.version == 7
    steps = list(procedure.transitions.values_list("seq", "from_step", "to_step"))
    assert steps[0] == (1, "", "signal") and steps[-1] == (6, "decision", "notification")
    # the intended decision went to both addressees, the decision letter to each notified addressee
    assert Letter.objects.filter(procedure=procedure, code="pr-intended-decision").count() == 2
    assert Letter.objects.filter(procedure=procedure, code="pr-decision").count() == 2
    view = Deadline.objects.get(procedure=procedure, code="view")
    assert view.due_date == date(2026, 2, 2) and view.status == DeadlineStatus.EXPIRED
    assert (
        ProcessingLogEntry.objects.filter(action="procedure.moved", object_id=str(procedure.pk)).count() == 5
    )


def test_it_updates_the_next_deadline_of_procedure_and_case(pr_at, world):
    procedure = pr_at("notification")
    # resident's objection term (19 March) is the earliest open deadline; the case follows its tasks
    assert procedure.next_deadline_on == date(2026, 3, 19)
    assert procedure.next_deadline_label == "Bezwaartermijn" and procedure.next_deadline_statutory is True
    assert Case.objects.get(pk=world.pr_case.pk).next_deadline == date(2026, 3, 19)


def test_it_creates_tasks_for_the_owners_with_the_computed_due_dates(pr_at, world):
    procedure = pr_at("notification")
    task = Task.objects.get(case=world.pr_case, title__startswith="Hercontrole uitvoeren")
    assert task.owner == world.users["handhaver"] and task.due_date == date(2026, 5, 24)
    objection_tasks = Task.objects.filter(case=world.pr_case, title__startswith="Nagaan of bezwaar")
    assert {t.owner.username for t in objection_tasks} == {"jurist"}
    assert sorted(t.due_date for t in objection_tasks) == [date(2026, 3, 19), date(2026, 3, 24)]
    assert procedure.deadlines.filter(code="inspection", status=DeadlineStatus.MET).exists()


def test_it_refuses_an_illegal_move_and_names_the_allowed_steps(pr_at, move):
    procedure = pr_at("exceptions-check")
    message = _refused(
        lambda: move("jurist", procedure, "forfeiture", "2026-01-20", {}), "step", "kan de procedure niet"
    )
    assert "Voornemen verzonden" in message["step"][0]


def test_it_refuses_an_unknown_step(pr_at, move):
    procedure = pr_at("signal")
    _refused(lambda: move("handhaver", procedure, "bestaat-niet", "2026-01-20", {}), "step", "Onbekende stap")


def test_it_refuses_a_date_before_the_previous_step(pr_at, move):
    procedure = pr_at("intended-decision")
    _refused(
        lambda: move(
            "jurist", procedure, "view-received", "2026-01-18", {"form": "schriftelijk", "summary": "x"}
        ),
        "date",
        "vóór de vorige stap",
    )


@pytest.mark.parametrize(
    ("on", "text"),
    [
        ("2026-03-03", "in de toekomst"),
        ("3-2-2026", "geldige datum"),
        ("", "Vul de datum"),
        ("1980-01-01", "te ver"),
    ],
)
def test_it_refuses_a_bad_step_date(pr_at, move, on, text):
    procedure = pr_at("signal")
    _refused(
        lambda: move(
            "handhaver", procedure, "inspection-report", on, {"findings": "x", "entry": "niet-betreden"}
        ),
        "date",
        text,
    )


def test_it_refuses_a_step_without_its_required_document(pr_at, move):
    procedure = pr_at("signal")
    _refused(
        lambda: move(
            "handhaver",
            procedure,
            "inspection-report",
            "2026-01-12",
            {"findings": "x", "entry": "niet-betreden"},
        ),
        "documents",
        "rapport van bevindingen",
    )


def test_it_refuses_a_document_that_is_not_on_this_case(pr_at, move):
    procedure = pr_at("signal")
    _refused(
        lambda: move(
            "handhaver",
            procedure,
            "inspection-report",
            "2026-01-12",
            {"findings": "x", "entry": "niet-betreden"},
            documents=["00000000-0000-0000-0000-000000000000"],
        ),
        "documents",
        "documenten van deze casus",
    )


@pytest.mark.parametrize(
    ("data", "field", "text"),
    [
        (
            {"amount": "500", "unit": "week", "maximum": "10000", "compliance_period": "P3M"},
            "sanction",
            "vul dit in",
        ),
        ({**PENALTY, "sanction": "boete"}, "sanction", "Kies een van"),
        ({**PENALTY, "amount": "vijfhonderd"}, "amount", "bedrag in euro"),
        ({**PENALTY, "amount": "-5"}, "amount", "bedrag in euro"),
        ({**PENALTY, "amount": "0"}, "amount", "groter zijn dan nul"),
        ({**PENALTY, "maximum": ""}, "maximum", "vul dit in"),
        ({**PENALTY, "unit": "eeuw"}, "unit", "Kies een van"),
        ({**PENALTY, "compliance_period": "drie maanden"}, "compliance_period", "ISO 8601"),
        ({**PENALTY, "compliance_period": "P0D"}, "compliance_period", "ten minste één dag"),
        ({**PENALTY, "view_period": "P2W", "extra": "x"}, "extra", "hoort niet bij deze stap"),
        ({**PENALTY, "urgent_reason": 12}, "urgent_reason", "Vul tekst in"),
        ({**PENALTY, "urgent_reason": "x" * 5001}, "urgent_reason", "hoogstens 5000"),
    ],
)
def test_it_refuses_bad_step_data_with_a_dutch_message_per_field(pr_at, move, data, field, text):
    procedure = pr_at("exceptions-check")
    _refused(lambda: move("jurist", procedure, "decision", "2026-01-20", data), field, text)


def test_it_requires_a_reason_when_the_view_is_skipped_for_urgency(pr_at, move):
    procedure = pr_at("exceptions-check")
    _refused(
        lambda: move("jurist", procedure, "decision", "2026-01-20", PENALTY), "urgent_reason", "vul dit in"
    )
    move(
        "jurist",
        procedure,
        "decision",
        "2026-01-20",
        {**PENALTY, "urgent_reason": "Brandgevaarlijke situatie."},
    )


def test_it_refuses_a_penalty_above_its_maximum(pr_at, move):
    procedure = pr_at("exceptions-check")
    _refused(
        lambda: move(
            "jurist",
            procedure,
            "intended-decision",
            "2026-01-19",
            {**PENALTY, "amount": "12.500,00", "view_period": "P2W"},
        ),
        "amount",
        "hoger dan het maximum (€ 10.000,00)",
    )


def test_it_refuses_a_decision_while_the_view_term_runs(pr_at, move):
    procedure = pr_at("intended-decision")
    _refused(
        lambda: move("jurist", procedure, "decision", "2026-02-02", PENALTY), "step", "loopt nog tot en met"
    )


def test_it_refuses_a_decision_when_an_exception_applies(pr_at, move, world):
    procedure = pr_at("signal")
    move(
        "handhaver",
        procedure,
        "inspection-report",
        "2026-01-12",
        {"findings": "x", "entry": "niet-betreden"},
        upload=report(),
    )
    move(
        "jurist",
        procedure,
        "exceptions-check",
        "2026-01-14",
        {"personal_permit": "aanwezig", "tolerance": "geen", "phasing_out": "geen"},
    )
    _refused(
        lambda: move(
            "jurist", procedure, "intended-decision", "2026-01-19", {**PENALTY, "view_period": "P2W"}
        ),
        "step",
        "persoonsgebonden beschikking",
    )


def test_it_refuses_a_step_to_a_role_that_may_not_take_it(pr_at, move):
    procedure = pr_at("exceptions-check")
    _refused(
        lambda: move(
            "handhaver", procedure, "intended-decision", "2026-01-19", {**PENALTY, "view_period": "P2W"}
        ),
        "step",
        "Alleen een jurist",
    )


def test_it_refuses_a_move_by_someone_who_may_only_read(pr_at, world):
    from regie.access.case_access import get_case_for
    from regie.cases.models import CaseMember
    from regie.procedures.services.engine import procedure_move

    procedure = pr_at("exceptions-check")
    CaseMember.objects.filter(case=world.pr_case, user=world.users["jurist"]).update(can_edit=False)
    access = get_case_for(world.users["jurist"], world.pr_case.pk, log=False)
    with pytest.raises(PermissionDenied):
        procedure_move(
            actor=world.users["jurist"], access=access, procedure=procedure, step="ended", on_date="2026-01-20",
            version=procedure.version, data={"reason": "x"},
        )  # fmt: skip


def test_it_refuses_a_stale_version_with_a_clear_message(pr_at, move):
    procedure = pr_at("signal")
    before = _counts()
    with pytest.raises(ConflictError) as caught:
        move("handhaver", procedure, "ended", "2026-01-06", {"reason": "x"}, version=procedure.version - 1)
    assert "Iemand anders heeft deze procedure intussen bijgewerkt" in caught.value.message
    assert "Signaal vastgelegd" in caught.value.message
    assert _counts() == before


def test_it_allows_the_decision_on_objection_to_be_extended_only_once(pr_at, move, world):
    procedure = pr_at("notification")
    owner = addressee_ids(procedure)["eigenaar"]
    move(
        "jurist",
        procedure,
        "objection-received",
        "2026-02-20",
        {"addressee": owner},
        upload=report("Bezwaarschrift", "brief"),
    )
    move("jurist", procedure, "objection-extended", "2026-02-25", {"reason": "Hoorzitting nodig."})
    _refused(
        lambda: move("jurist", procedure, "objection-extended", "2026-02-26", {"reason": "Nog meer tijd."}),
        "step",
        "maar 1 keer",
    )


def test_it_ends_a_procedure_and_cancels_its_open_deadlines(pr_at, move, world):
    procedure = pr_at("notification")
    move("jurist", procedure, "withdrawn", "2026-02-20", {"reason": "Bewoners zijn verhuisd."})
    procedure.refresh_from_db()
    assert procedure.status == ProcedureStatus.WITHDRAWN and procedure.ended_on == date(2026, 2, 20)
    assert not procedure.deadlines.filter(status=DeadlineStatus.OPEN).exists()
    assert procedure.next_deadline_on is None
    assert not Task.objects.filter(
        case=world.pr_case, done_at__isnull=True, title__contains="Handhaving"
    ).exists()
    _refused(lambda: move("jurist", procedure, "ended", "2026-02-21", {"reason": "x"}), "step", "afgerond")


def test_it_refuses_forfeiture_before_the_compliance_period_ends(pr_at, move):
    procedure = pr_at("notification")
    _refused(
        lambda: move(
            "handhaver", procedure, "forfeiture", "2026-03-01", {"amount": "500", "period_label": "week 1"}
        ),
        "date",
        "na afloop van de begunstigingstermijn",
    )


def test_it_refuses_forfeiture_above_the_maximum_of_the_decision(pr_at, move, time_machine):
    procedure = pr_at("notification")
    time_machine.move_to("2026-06-30 10:00 +02:00", tick=False)
    move(
        "handhaver",
        procedure,
        "reinspection",
        "2026-05-26",
        {"violation": "voortduring", "findings": "Nog bewoond."},
        upload=report(),
    )
    move(
        "handhaver", procedure, "forfeiture", "2026-06-01", {"amount": "9.000", "period_label": "weken 1-18"}
    )
    message = _refused(
        lambda: move(
            "handhaver", procedure, "forfeiture", "2026-06-08", {"amount": "1500", "period_label": "week 19"}
        ),
        "amount",
        "meer dan het maximum van € 10.000,00",
    )
    assert "€ 10.500,00" in message["amount"][0]
    lapse = procedure.deadlines.get(code="collection-lapse")
    assert lapse.due_date == date(2027, 6, 1) and lapse.statutory and lapse.legal_basis == "Awb 5:35"


def test_it_keeps_the_history_append_only_in_the_database(pr_at):
    procedure = pr_at("signal")
    with pytest.raises(DatabaseError, match="alleen-toevoegen"), transaction.atomic():
        Transition.objects.filter(procedure=procedure).update(on_date=date(2020, 1, 1))
    with (
        pytest.raises(DatabaseError, match="alleen-toevoegen"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("DELETE FROM procedures_transition WHERE procedure_id = %s", [procedure.pk])


def test_it_refuses_a_procedure_on_a_case_of_another_type(start, world):
    # The jurist may start an enforcement procedure, so what refuses it here is the case's type (a BRP address
    # investigation), not the role.
    brp_type_case = make_case(world.users["jurist"], world.brp_case.case_type, title="Adresonderzoek elders")
    with pytest.raises(ValidationError) as caught:
        start("jurist", brp_type_case, "permanent-residence", "2026-01-05", data={"signal": "x"})
    assert "hoort niet bij een casus" in caught.value.message_dict["type"][0]


def test_it_refuses_a_second_running_procedure_of_the_same_type(pr_at, start, world):
    pr_at("signal")
    with pytest.raises(ValidationError) as caught:
        start("handhaver", world.pr_case, "permanent-residence", "2026-01-06", data={"signal": "x"})
    assert "loopt al" in caught.value.message_dict["type"][0]


def test_it_takes_the_addressees_from_the_case(pr_at, world):
    procedure = pr_at("signal")
    addressees = {(a.role, a.name, a.address_line, a.postal_line) for a in procedure.addressees.all()}
    assert addressees == {
        ("bewoner", "Peter Jansen", "Marsweg 14", "6988 BX  Lathum"),
        ("eigenaar", "Marieke de Vos", "Karstraat 9", "6851 AR  Huissen"),
    }


@pytest.mark.parametrize(
    ("notifications", "text"),
    [
        ({"00000000-0000-0000-0000-000000000000": "2026-02-05"}, "alleen geadresseerden van deze procedure"),
        ({"{bewoner}": "2026-02-01"}, "vóór de vorige stap"),
        ({"{bewoner}": "5 februari"}, "geldige datum"),
        ({"{bewoner}": "2026-03-05"}, "in de toekomst"),
        ({}, "vul dit in"),
        ("2026-02-05", "per geadresseerde een datum"),
        (
            [
                {"addressee": "{bewoner}", "date": "2026-02-05"},
                {"addressee": "{bewoner}", "date": "2026-02-06"},
            ],
            "twee keer",
        ),
    ],
)
def test_it_refuses_bad_notifications(pr_at, move, notifications, text):
    procedure = pr_at("decision")
    ids = addressee_ids(procedure)

    def fill(value):
        if isinstance(value, dict):
            return {k.format(**ids): v for k, v in value.items()}
        if isinstance(value, list):
            return [{k: v.format(**ids) for k, v in item.items()} for item in value]
        return value

    _refused(
        lambda: move(
            "jurist",
            procedure,
            "notification",
            "2026-02-10",
            {"notifications": fill(notifications), "method": "post"},
        ),
        "notifications",
        text,
    )


def test_it_refuses_an_addressee_that_is_not_of_this_procedure(pr_at, move):
    procedure = pr_at("notification")
    _refused(
        lambda: move(
            "jurist", procedure, "objection-received", "2026-02-20", {"addressee": "iemand"}, upload=report()
        ),
        "addressee",
        "Kies een geadresseerde van deze procedure",
    )


def test_it_refuses_a_yes_no_field_that_is_neither(pr_at, move):
    procedure = pr_at("signal")
    _refused(
        lambda: move(
            "handhaver",
            procedure,
            "inspection-report",
            "2026-01-12",
            {"findings": "x", "entry": "niet-betreden", "commuting": "misschien"},
            upload=report(),
        ),
        "commuting",
        "Kies ja of nee",
    )


def test_it_leaves_no_orphan_file_when_a_move_fails_after_the_upload(pr_at, move, monkeypatch, settings):
    from pathlib import Path

    from regie.procedures.services import engine

    procedure = pr_at("signal")
    before = (
        {p.name for p in Path(settings.MEDIA_ROOT).iterdir()} if Path(settings.MEDIA_ROOT).exists() else set()
    )

    def explode(*args, **kwargs):
        raise RuntimeError("database weg")

    monkeypatch.setattr(engine, "deadlines_create", explode)
    with pytest.raises(RuntimeError):
        move(
            "handhaver",
            procedure,
            "inspection-report",
            "2026-01-12",
            {"findings": "x", "entry": "niet-betreden"},
            upload=report(),
        )
    assert {p.name for p in Path(settings.MEDIA_ROOT).iterdir()} == before
    assert not Document.objects.filter(case=procedure.case).exists()
    assert procedure.transitions.count() == 1
