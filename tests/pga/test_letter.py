"""The letter that informs the person of the inclusion: a .docx made by the procedures letter renderer, stored on
the case, with no empty merge field; refused (in Dutch, nothing stored) when a field would be empty, when a
contra-indication is recorded, and for anyone but the procesregisseur of the case."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from regie.accounts.models import User
from regie.cases.models import Document
from regie.cases.services.documents import document_path
from regie.pga.models import PgaCase
from regie.pga.services.letters import FIELDS, informing_template
from regie.procedures.services.letters import template_fields
from regie.processing_log.models import ProcessingLogEntry
from regie.subjects.models import Address
from tests.worlds.pga import PgaWorld

pytestmark = pytest.mark.django_db
SignIn = Callable[[User], Client]


def _with_address(world: PgaWorld) -> None:
    address = Address.objects.create(postcode="6851AB", house_number=12, street="Dorpsstraat", city="Huissen")
    world.pga.person.address = address
    world.pga.person.save()
    director = world.users["procesregisseur"]
    director.phone, director.email = "06 1234 5601", "s.dewit@lingewaard.example"
    director.save()


def _text(document: Document) -> str:
    content = document_path(document).read_bytes()
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return "".join(
            archive.read(name).decode()
            for name in archive.namelist()
            if name.startswith("word/") and name.endswith(".xml")
        )


def test_the_template_uses_only_known_fields() -> None:
    assert template_fields(informing_template()) == set(FIELDS)


def test_the_procesregisseur_makes_the_letter(sign_in: SignIn, pga_world: PgaWorld) -> None:
    _with_address(pga_world)
    client = sign_in(pga_world.users["procesregisseur"])
    url = f"/pga/casussen/{pga_world.pga.pk}/brief"
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 302
    document = Document.objects.get(case=pga_world.pga.case, document_type="brief")
    assert document.category == "general" and document.filename.endswith(".docx")
    text = _text(document)
    for expected in (
        "Jan de Vries",
        "Dorpsstraat 12",
        "6851 AB Huissen",
        "06 1234 5601",
        pga_world.pga.case.number,
    ):
        assert expected in text
    assert "{{" not in text and "leeg:" not in text  # every merge field filled
    assert "Geestelijke gezondheid" not in text  # the letter names no health domain
    assert ProcessingLogEntry.objects.filter(
        action="pga_case.letter_generated", person_ids__contains=[pga_world.pga.person_id]
    ).exists()


def test_an_empty_field_is_refused_and_nothing_stored(sign_in: SignIn, pga_world: PgaWorld) -> None:
    """Jan has no address in this world: the letter would have an empty address block."""
    pga_world.pga.person.address = None
    pga_world.pga.person.save()
    response = sign_in(pga_world.users["procesregisseur"]).post(f"/pga/casussen/{pga_world.pga.pk}/brief")
    assert response.status_code == 400
    message = " ".join(response.context["form"].non_field_errors())
    assert "straat en huisnummer van betrokkene" in message
    assert not Document.objects.filter(case=pga_world.pga.case).exists()


def test_no_letter_under_a_contra_indication(sign_in: SignIn, pga_world: PgaWorld) -> None:
    _with_address(pga_world)
    PgaCase.objects.filter(pk=pga_world.pga.pk).update(
        contra_indication="Lopend onderzoek", contra_review_on=timezone.localdate() + timedelta(days=30)
    )
    response = sign_in(pga_world.users["procesregisseur"]).post(f"/pga/casussen/{pga_world.pga.pk}/brief")
    assert response.status_code == 400
    assert "contra-indicatie" in " ".join(response.context["form"].non_field_errors())
    assert not Document.objects.filter(case=pga_world.pga.case).exists()


@pytest.mark.parametrize(("name", "status"), [("politie", 403), ("ggz", 403), ("projectleider", 404)])
def test_only_the_procesregisseur_makes_the_letter(
    sign_in: SignIn, pga_world: PgaWorld, name: str, status: int
) -> None:
    _with_address(pga_world)
    client = sign_in(pga_world.users[name])
    assert client.post(f"/pga/casussen/{pga_world.pga.pk}/brief").status_code == status
    assert not Document.objects.filter(case=pga_world.pga.case).exists()
