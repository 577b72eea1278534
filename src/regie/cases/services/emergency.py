"""Break-the-glass: a process director opens a case they are not on, with a reason, for a limited time."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest
from django.utils import timezone

from regie.access.case_access import BREAK_THE_GLASS_ROLES, may_see_cases
from regie.accounts.models import Role, User
from regie.cases.models import BreakTheGlass, Case
from regie.cases.timeline import record
from regie.core.ids import uuid_or_404
from regie.processing_log.services import log_processing

MIN_REASON = 20


def break_the_glass_start(
    *, actor: User, case_id: object, reason: str, request: HttpRequest | None = None
) -> BreakTheGlass:
    """Grant the actor time-limited access to a case in their municipality, marked in the processing log."""
    if not may_see_cases(actor) or actor.role not in BREAK_THE_GLASS_ROLES:
        raise PermissionDenied
    if len(reason.strip()) < MIN_REASON:
        raise ValidationError(
            {
                "reason": f"Beschrijf waarom u deze casus nu moet inzien (minstens {MIN_REASON} "
                "tekens). De privacyfunctionaris beoordeelt dit."
            }
        )
    if actor.organisation is None:
        raise PermissionDenied
    case = Case.objects.filter(
        pk=uuid_or_404(case_id), municipality_id=actor.organisation.municipality_id
    ).first()
    if case is None:
        raise Http404
    with transaction.atomic():
        access = BreakTheGlass.objects.create(
            case=case,
            user=actor,
            reason=reason.strip(),
            expires_at=timezone.now() + timedelta(hours=settings.REGIE_BREAK_THE_GLASS_HOURS),
        )
        record(
            case=case,
            actor=actor,
            kind="case.break_the_glass",
            summary=f"Noodtoegang door {actor}: {reason.strip()[:200]}",
        )
        log_processing(
            action="case.break_the_glass",
            actor=actor,
            request=request,
            object_type="case",
            object_id=case.pk,
            purpose=reason.strip()[:200],
            break_the_glass=True,
            persons=list(case.subjects.filter(person__isnull=False).values_list("person_id", flat=True)),
            details={"number": case.number, "expiresAt": access.expires_at.isoformat()},
        )
    return access


def break_the_glass_review(
    *, actor: User, access: BreakTheGlass, approved: bool, note: str, request: HttpRequest | None = None
) -> BreakTheGlass:
    """The privacy officer signs off (or disapproves) an emergency access; a disapproval needs a note."""
    if actor.role != Role.PRIVACY:
        raise PermissionDenied
    if not approved and not note.strip():
        raise ValidationError({"note": "Licht toe waarom de noodtoegang niet terecht was."})
    with transaction.atomic():
        locked = BreakTheGlass.objects.select_for_update().get(pk=access.pk)
        if locked.reviewed_at is not None:
            raise ValidationError({"review": "Deze noodtoegang is al beoordeeld."})
        locked.reviewed_by = actor
        locked.reviewed_at = timezone.now()
        locked.review_approved = approved
        locked.review_note = note.strip()
        if not approved and locked.expires_at > locked.reviewed_at:
            locked.expires_at = locked.reviewed_at  # a disapproved access ends at once
        locked.save(
            update_fields=[
                "reviewed_by",
                "reviewed_at",
                "review_approved",
                "review_note",
                "expires_at",
                "updated_at",
            ]
        )
        log_processing(
            action="break_the_glass.reviewed",
            actor=actor,
            request=request,
            object_type="break_the_glass",
            object_id=locked.pk,
            details={"approved": approved, "case": locked.case.number},
        )
    return locked
