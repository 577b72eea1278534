"""Tasks: a due date or a number of working days (Atw calendar), marking done, and stale completions."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from regie.cases.models import Task
from regie.cases.services.tasks import task_create

pytestmark = pytest.mark.django_db


def _task(who, **overrides):
    data = {"title": "Huisbezoek plannen", "owner": str(who.pk), "due_date": "", "working_days": ""}
    data.update(overrides)
    return data


def test_it_adds_a_task_with_a_due_date_and_moves_the_next_deadline(sign_in, users, world):
    due = timezone.localdate() + dt.timedelta(days=10)
    response = sign_in(users["ggz"]).post(
        f"/casussen/{world.case.pk}/taken/toevoegen", _task(users["politie"], due_date=due.isoformat())
    )
    assert response.status_code == 302
    task = Task.objects.get()
    assert task.owner == users["politie"] and task.due_date == due  # a user of a member organisation
    world.case.refresh_from_db()
    assert world.case.next_deadline == due


@time_machine.travel(dt.datetime(2026, 4, 24, 10, 0, tzinfo=dt.UTC))
def test_it_counts_working_days_past_the_weekend_and_kings_day(sign_in, users, world):
    # Friday 24 April 2026 + 2 working days: Saturday, Sunday and Monday 27 April (King's Day) do not count.
    response = sign_in(users["procesregisseur"]).post(
        f"/casussen/{world.case.pk}/taken/toevoegen", _task(users["procesregisseur"], working_days="2")
    )
    assert response.status_code == 302
    task = Task.objects.get()
    assert task.due_date == dt.date(2026, 4, 29)
    assert "werkdagen" in task.due_explanation


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "", "Vul een omschrijving van de taak in."),
        ("owner", "", "Dit veld is verplicht."),
        ("owner", "handhaver", "Kies een uitvoerder uit het team van de casus."),
        ("due_date", "2001-01-01", "De uiterste datum ligt in het verleden."),
        ("due_date", "morgen", "Vul een geldige datum in"),
        ("working_days", "0", "Geef een aantal werkdagen tussen 1 en 365."),
        ("working_days", "veel", "Vul een geheel aantal werkdagen in."),
        ("both", "", "Geef een datum of een aantal werkdagen — niet allebei."),
    ],
)
def test_it_refuses_bad_task_input_in_dutch_and_saves_nothing(sign_in, users, world, field, value, message):
    if field == "owner" and value:
        value = str(users[value].pk)
    overrides = {"due_date": "2099-01-01", "working_days": "3"} if field == "both" else {field: value}
    response = sign_in(users["procesregisseur"]).post(
        f"/casussen/{world.case.pk}/taken/toevoegen", _task(users["procesregisseur"], **overrides)
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Task.objects.count() == 0


def test_it_completes_a_task_and_refuses_a_stale_completion_with_409(sign_in, users, world):
    director = users["procesregisseur"]
    task = task_create(actor=director, case=world.case, title="Overleg beleggen", owner=director)
    client = sign_in(director)
    done = client.post(f"/casussen/{world.case.pk}/taken/{task.pk}/afronden", {"version": task.version})
    assert done.status_code == 302
    task.refresh_from_db()
    assert task.done_at is not None
    again = client.post(f"/casussen/{world.case.pk}/taken/{task.pk}/afronden", {"version": task.version - 1})
    assert again.status_code == 409
    assert "Deze taak is intussen door iemand anders gewijzigd." in again.content.decode()


def test_it_refuses_tasks_to_a_read_only_viewer(sign_in, users, world):
    from tests.worlds.cases import add_member

    add_member(world.case, users["procesregisseur"], user=users["brp"], can_edit=False)
    client = sign_in(users["brp"])
    assert "Taak toevoegen" not in client.get(f"/casussen/{world.case.pk}/taken").content.decode()
    response = client.post(f"/casussen/{world.case.pk}/taken/toevoegen", _task(users["brp"]))
    assert response.status_code == 403
    assert Task.objects.count() == 0
