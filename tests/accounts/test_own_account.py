"""Nobody changes their own role, organisation (and so municipality) or active state: not on the page, not in
the service. The probe: the functional administrator made themselves a police partner and read cases."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from regie.accounts.models import Organisation, User
from regie.accounts.services import user_update

pytestmark = pytest.mark.django_db


def _own_form(user: User, **overrides: str) -> dict[str, str]:
    assert user.organisation is not None
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "phone": "",
        "job_title": user.job_title,
        "role": user.role,
        "organisation": str(user.organisation.pk),
        "is_active": "on",
        "version": str(user.version),
    }
    data.update(overrides)
    return data


def _police() -> Organisation:
    return Organisation.objects.get(name__startswith="Politie")


def test_the_administrator_cannot_make_themselves_a_police_partner(sign_in, users, api_as):
    admin = users["beheerder"]
    client = api_as("beheerder")
    form = _own_form(admin, role="partner", organisation=str(_police().pk))
    response = sign_in(admin).post(f"/beheer/gebruikers/{admin.pk}", form)
    assert response.status_code == 400
    html = response.content.decode()
    assert "U kunt uw eigen rol niet wijzigen" in html
    assert "U kunt uw eigen organisatie (en daarmee uw gemeente) niet wijzigen" in html
    admin.refresh_from_db()
    assert (admin.role, admin.organisation.name, admin.version) == ("beheerder", "Functioneel Beheer", 1)
    assert client.get("/api/v1/cases").status_code == 403
    assert client.get("/api/v1/persons").status_code == 403


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("role", "procesregisseur", "U kunt uw eigen rol niet wijzigen"),
        ("role", "analist", "U kunt uw eigen rol niet wijzigen"),
        ("organisation", "Burgerzaken", "U kunt uw eigen organisatie (en daarmee uw gemeente) niet wijzigen"),
        ("is_active", "", "U kunt uw eigen account niet blokkeren."),
    ],
)
def test_it_refuses_every_change_of_ones_own_access_on_the_page(sign_in, users, field, value, message):
    admin = users["beheerder"]
    if field == "organisation":
        value = str(Organisation.objects.get(name=value).pk)
    form = _own_form(admin, **{field: value})
    if not value:
        form.pop(field)
    response = sign_in(admin).post(f"/beheer/gebruikers/{admin.pk}", form)
    assert response.status_code == 400
    assert message in response.content.decode()
    admin.refresh_from_db()
    assert (admin.role, admin.organisation.name, admin.is_active) == ("beheerder", "Functioneel Beheer", True)


def test_the_administrator_may_still_change_their_own_name_and_phone(sign_in, users):
    admin = users["beheerder"]
    form = _own_form(admin, last_name="Jansen-Smit", phone="06 1234 5690")
    assert sign_in(admin).post(f"/beheer/gebruikers/{admin.pk}", form).status_code == 302
    admin.refresh_from_db()
    assert (admin.last_name, admin.phone, admin.role) == ("Jansen-Smit", "06 1234 5690", "beheerder")


@pytest.mark.parametrize(
    "change",
    [
        {"role": "procesregisseur"},
        {"organisation": "Burgerzaken"},
        {"is_active": False},
    ],
)
def test_the_service_refuses_a_change_of_ones_own_access(users, change):
    admin = users["beheerder"]
    if "organisation" in change:
        change = {"organisation": Organisation.objects.get(name=change["organisation"])}
    with pytest.raises(ValidationError) as refused:
        user_update(actor=admin, user=admin, version=None, **change)
    assert set(refused.value.message_dict) == set(change)
    admin.refresh_from_db()
    assert (admin.role, admin.organisation.name, admin.is_active, admin.version) == (
        "beheerder",
        "Functioneel Beheer",
        True,
        1,
    )


def test_there_is_no_api_to_change_a_user(api_as):
    for method in ("patch", "put", "post", "delete"):
        response = getattr(api_as("beheerder"), method)(
            "/api/v1/users/me", '{"role": "partner"}', content_type="application/json"
        )
        assert response.status_code == 405
