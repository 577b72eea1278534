"""Meeting series: the administrator sets one up, the chair (or the administrator) keeps it up to date."""

from __future__ import annotations

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest

from regie.access.case_access import may_see_cases
from regie.accounts.models import Municipality, Organisation, User
from regie.cases.extensions import agenda_proposals
from regie.core.errors import ConflictError
from regie.meetings.models import Cadence, MeetingSeries
from regie.processing_log.services import log_processing

CHAIR_CANNOT_RUN = "Kies als voorzitter iemand van deze gemeente die aan casussen werkt."
SECRETARY_CANNOT_RUN = "Kies als secretaris iemand van deze gemeente die aan casussen werkt."


def _runs_cases_here(user: User | None, municipality: Municipality) -> bool:
    return bool(
        user is not None
        and may_see_cases(user)
        and user.organisation is not None
        and user.organisation.municipality_id == municipality.pk
    )


def _validate(
    *,
    municipality: Municipality,
    name: str,
    purpose: str,
    legal_basis: str,
    cadence: str,
    chair: User | None,
    secretary: User | None,
    organisations: Sequence[Organisation],
    agenda_sources: Sequence[str] = (),
    series: MeetingSeries | None = None,
) -> None:
    errors: dict[str, str] = {}
    if any(key not in {source.key for source in agenda_proposals} for key in agenda_sources):
        errors["agenda_sources"] = "Kies alleen voorstellen voor de agenda uit de lijst."
    if not name.strip():
        errors["name"] = "Geef het overleg een naam."
    elif (
        MeetingSeries.objects.filter(municipality=municipality, name__iexact=name.strip())
        .exclude(pk__in=[series.pk] if series else [])
        .exists()
    ):
        errors["name"] = "Er is al een overleg met deze naam."
    if not purpose.strip():
        errors["purpose"] = "Beschrijf het doel van het overleg (doelbinding per soort overleg)."
    if not legal_basis.strip():
        errors["legal_basis"] = "Noem de grondslag voor het delen van gegevens in dit overleg."
    if cadence not in Cadence.values:
        errors["cadence"] = "Kies hoe vaak het overleg plaatsvindt."
    if not _runs_cases_here(chair, municipality):
        errors["chair"] = CHAIR_CANNOT_RUN
    if secretary is not None and not _runs_cases_here(secretary, municipality):
        errors["secretary"] = SECRETARY_CANNOT_RUN
    if any(o.municipality_id != municipality.pk or not o.active for o in organisations):
        errors["organisations"] = "Kies alleen actieve organisaties van deze gemeente."
    if errors:
        raise ValidationError(errors)


def series_create(
    *,
    actor: User,
    municipality: Municipality,
    name: str,
    purpose: str,
    legal_basis: str,
    covenant: str = "",
    cadence: str,
    chair: User | None,
    secretary: User | None = None,
    organisations: Sequence[Organisation] = (),
    agenda_sources: Sequence[str] = (),
    request: HttpRequest | None = None,
) -> MeetingSeries:
    _validate(
        municipality=municipality,
        name=name,
        purpose=purpose,
        legal_basis=legal_basis,
        cadence=cadence,
        chair=chair,
        secretary=secretary,
        organisations=organisations,
        agenda_sources=agenda_sources,
    )
    assert chair is not None
    with transaction.atomic():
        series = MeetingSeries.objects.create(
            municipality=municipality,
            name=name.strip(),
            purpose=purpose.strip(),
            legal_basis=legal_basis.strip(),
            covenant=covenant.strip(),
            cadence=cadence,
            chair=chair,
            secretary=secretary,
            agenda_sources=sorted(set(agenda_sources)),
            created_by=actor,
        )
        series.organisations.set(organisations)
        log_processing(
            action="meeting_series.created",
            actor=actor,
            request=request,
            object_type="meeting_series",
            object_id=series.pk,
            details={"name": series.name, "chair": chair.username},
        )
    return series


def series_update(
    *,
    actor: User,
    series: MeetingSeries,
    version: int | None,
    name: str,
    purpose: str,
    legal_basis: str,
    covenant: str,
    cadence: str,
    chair: User | None,
    secretary: User | None,
    organisations: Sequence[Organisation],
    agenda_sources: Sequence[str] = (),
    request: HttpRequest | None = None,
) -> MeetingSeries:
    _validate(
        municipality=series.municipality,
        name=name,
        purpose=purpose,
        legal_basis=legal_basis,
        cadence=cadence,
        chair=chair,
        secretary=secretary,
        organisations=organisations,
        agenda_sources=agenda_sources,
        series=series,
    )
    with transaction.atomic():
        locked = MeetingSeries.objects.select_for_update().get(pk=series.pk)
        if version is not None and locked.version != version:
            raise ConflictError(
                "Dit overleg is intussen door iemand anders gewijzigd. Laad de pagina opnieuw."
            )
        locked.name, locked.purpose, locked.legal_basis = name.strip(), purpose.strip(), legal_basis.strip()
        locked.covenant, locked.cadence = covenant.strip(), cadence
        locked.chair, locked.secretary = chair, secretary  # type: ignore[assignment]
        locked.agenda_sources = sorted(set(agenda_sources))
        locked.version += 1
        locked.save()
        locked.organisations.set(organisations)
        log_processing(
            action="meeting_series.changed",
            actor=actor,
            request=request,
            object_type="meeting_series",
            object_id=locked.pk,
            details={"name": locked.name, "version": locked.version},
        )
    return locked
