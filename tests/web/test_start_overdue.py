"""'Mijn casussen' on the start page says which term has passed, in words and colour (issue 13)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from regie.cases.models import Case
from tests.worlds.cases import make_case, make_world

pytestmark = pytest.mark.django_db


def test_an_overdue_case_is_flagged_in_words_and_a_later_one_has_a_label(sign_in, users):
    world = make_world(users)
    later = make_case(users["procesregisseur"], world.case_type, title="Nog op tijd")
    today = timezone.localdate()
    Case.objects.filter(pk=world.case.pk).update(next_deadline=today - timedelta(days=2))
    Case.objects.filter(pk=later.pk).update(next_deadline=today + timedelta(days=9))
    page = sign_in(users["procesregisseur"]).get("/").content.decode()
    assert '<span class="regie-overdue">Te laat.</span> Termijn verlopen op' in page
    assert "Termijn: " in page
    assert page.count("regie-overdue") == 1


def test_the_analyst_sees_no_cases_and_so_no_flags(sign_in, users):
    world = make_world(users)
    Case.objects.filter(pk=world.case.pk).update(next_deadline=timezone.localdate() - timedelta(days=2))
    page = sign_in(users["analist"]).get("/").content.decode()
    assert "Te laat" not in page and world.case.number not in page
