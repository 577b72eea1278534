"""Destruction lists (Open Archiefbeheer's flow, Archiefwet): the nightly job proposes closed cases whose term has
ended; the privacy officer reviews (and may exclude an item with a reason); the archivist (role `archivaris`, never
the reviewer) approves; after seven days of cooling off, typing the list's name destroys the cases.

Each case is destroyed in its own transaction together with its item's record, so a run killed halfway leaves whole
cases and resumes where it stopped; files are deleted after the commit, and a resumed run deletes what a killed one
left. The list and its items are the destruction record, kept permanently, with no personal data. The processing
log is never destroyed with a case: it is evidence, append-only, kept at least five years (NEN 7513).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from regie.access import privacy_access
from regie.access.policy import has_permission
from regie.cases.models import CaseType
from regie.cases.services.destruction import case_destroy, stored_file
from regie.core.errors import ConflictError
from regie.core.periods import add_months
from regie.privacy.models import DestructionItem, DestructionList, ListStatus, RetentionRule, Valuation
from regie.processing_log.services import log_processing

COOLING_OFF = timedelta(days=7)
SAME_REVIEWER = "U hebt deze lijst zelf beoordeeld; de archivaris keurt haar goed."
ONLY_THE_ARCHIVIST = "Alleen de archivaris keurt een vernietigingslijst goed."


def destruction_list_propose(*, today: date | None = None) -> DestructionList | None:
    """The nightly job: a new list of closed cases past their term that are on no list and under no hold."""
    today = today or timezone.localdate()
    rules = list(RetentionRule.objects.filter(valuation=Valuation.DESTROY, term_years__isnull=False))
    cut_offs = {rule.case_type_id: add_months(today, -12 * (rule.term_years or 0)) for rule in rules}
    by_type = {rule.case_type_id: rule for rule in rules}
    expired = privacy_access.closed_cases(CaseType.objects.filter(pk__in=cut_offs), cut_offs)
    listed = set(DestructionItem.objects.values_list("case_id", flat=True))
    candidates = [c for c in expired if c.case_id not in listed]
    held = privacy_access.cases_on_hold(c.case_id for c in candidates)
    candidates = [c for c in candidates if c.case_id not in held]
    if not candidates:
        return None
    with transaction.atomic():
        name = f"Vernietigingslijst {today:%Y-%m-%d}"
        same_day = DestructionList.objects.filter(name__startswith=name).count()
        dlist = DestructionList.objects.create(name=f"{name} ({same_day + 1})" if same_day else name)
        for case in candidates:
            rule = by_type[case.case_type_id]
            DestructionItem.objects.create(
                destruction_list=dlist,
                case_id=case.case_id,
                case_number=case.number,
                case_type_label=case.case_type_label,
                category_code=rule.category_code,
                term_years=rule.term_years or 0,
                closed_on=case.closed_on,
                expired_on=add_months(case.closed_on, 12 * (rule.term_years or 0)),
            )
        log_processing(
            action="destruction_list.proposed",
            username="systeem",
            object_type="destruction_list",
            object_id=dlist.pk,
            details={"name": dlist.name, "items": len(candidates)},
        )
    return dlist


def _locked(dlist: DestructionList, version: int | None, *allowed: str) -> DestructionList:
    current = DestructionList.objects.select_for_update().get(pk=dlist.pk)
    if version is not None and current.version != version:
        raise ConflictError("Iemand anders heeft deze lijst intussen gewijzigd. Bekijk haar opnieuw.")
    if current.status not in allowed:
        raise ValidationError(
            {"__all__": f"Dat kan niet meer: de lijst staat op '{current.get_status_display()}'."}
        )
    return current


def _log(
    action: str, actor: Any, dlist: DestructionList, request: HttpRequest | None, **details: Any
) -> None:
    log_processing(
        action=action,
        actor=actor,
        request=request,
        object_type="destruction_list",
        object_id=dlist.pk,
        details={"name": dlist.name, **details},
    )


def destruction_item_exclude(
    *, actor: Any, item: DestructionItem, reason: str, request: HttpRequest | None = None
) -> DestructionItem:
    """Take a record off a list under review, with the reason (it is then kept)."""
    if not reason.strip():
        raise ValidationError({"reason": "Geef de reden waarom dit record niet wordt vernietigd."})
    with transaction.atomic():
        dlist = _locked(item.destruction_list, None, ListStatus.NEW)
        item.excluded_reason = reason.strip()
        item.save(update_fields=["excluded_reason", "updated_at"])
        dlist.version += 1
        dlist.save(update_fields=["version", "updated_at"])
        _log("destruction_list.item_excluded", actor, dlist, request, caseNumber=item.case_number)
    return item


def destruction_list_review(
    *, actor: Any, dlist: DestructionList, version: int | None = None, request: HttpRequest | None = None
) -> DestructionList:
    """The privacy officer has reviewed the list: it goes to the archivist."""
    with transaction.atomic():
        current = _locked(dlist, version, ListStatus.NEW)
        current.status = ListStatus.READY_FOR_ARCHIVIST
        current.reviewed_by = actor
        current.reviewed_at = timezone.now()
        current.version += 1
        current.save()
        _log("destruction_list.reviewed", actor, current, request)
    return current


def destruction_list_approve(
    *, actor: Any, dlist: DestructionList, version: int | None = None, request: HttpRequest | None = None
) -> DestructionList:
    """The archivist approves (never the reviewer): the cooling-off period starts."""
    with transaction.atomic():
        current = _locked(dlist, version, ListStatus.READY_FOR_ARCHIVIST)
        if current.reviewed_by_id == actor.pk:
            raise ValidationError({"__all__": SAME_REVIEWER})
        if not has_permission(actor, "destruction.approve"):
            raise ValidationError({"__all__": ONLY_THE_ARCHIVIST})
        current.status = ListStatus.READY_TO_DESTROY
        current.approved_by = actor
        current.approved_at = timezone.now()
        current.destroy_after = current.approved_at + COOLING_OFF
        current.version += 1
        current.save()
        _log(
            "destruction_list.approved",
            actor,
            current,
            request,
            destroyAfter=current.destroy_after.isoformat(),
        )
    return current


def destruction_list_destroy(
    *, actor: Any, dlist: DestructionList, confirm_name: str, request: HttpRequest | None = None
) -> DestructionList:
    """Destroy the approved list's records after the cooling-off period; the list's name typed confirms it."""
    with transaction.atomic():
        current = _locked(dlist, None, ListStatus.READY_TO_DESTROY)
        if current.destroy_after and timezone.now() < current.destroy_after:
            when = timezone.localtime(current.destroy_after)
            raise ValidationError(
                {"__all__": f"De bedenktijd loopt nog: vernietigen kan vanaf {when:%d-%m-%Y %H:%M}."}
            )
        if confirm_name.strip() != current.name:
            raise ValidationError({"confirm_name": f"Typ de naam van de lijst precies over: {current.name}"})
        current.destroyed_by = actor
        current.save(update_fields=["destroyed_by", "updated_at"])
    return destruction_run(current, request=request)


def destruction_run(dlist: DestructionList, *, request: HttpRequest | None = None) -> DestructionList:
    """Destroy what is left of a confirmed list, one case per transaction (also: resume a killed run)."""
    actor = dlist.destroyed_by
    for item in dlist.items.filter(excluded_reason="", destroyed_at__isnull=True):
        with transaction.atomic():
            item = DestructionItem.objects.select_for_update().get(pk=item.pk)
            if item.destroyed_at:
                continue
            hold = privacy_access.cases_on_hold([item.case_id]).get(item.case_id)
            if hold:
                item.excluded_reason = f"Bij vernietiging tegengehouden: {hold}"
                item.save(update_fields=["excluded_reason", "updated_at"])
                continue
            case = privacy_access.case_for_destruction(item.case_id)
            files = case_destroy(case=case).files if case is not None else []
            item.destroyed_at = timezone.now()
            item.pending_files = files
            item.save(update_fields=["destroyed_at", "pending_files", "updated_at"])
            log_processing(
                action="case.destroyed",
                actor=actor,
                request=request,
                object_type="case",
                object_id=item.case_id,
                details={"caseNumber": item.case_number, "list": dlist.name, "category": item.category_code},
            )
        _delete_files(item)
    for item in dlist.items.exclude(pending_files=[]):
        _delete_files(item)
    with transaction.atomic():
        current = DestructionList.objects.select_for_update().get(pk=dlist.pk)
        current.status = ListStatus.DESTROYED
        current.destroyed_at = timezone.now()
        current.version += 1
        current.save()
        destroyed = current.items.filter(destroyed_at__isnull=False).count()
        _log("destruction_list.destroyed", actor, current, request, destroyed=destroyed)
    return current


def _delete_files(item: DestructionItem) -> None:
    """Delete the files of a destroyed case (after its rows are gone) and clear the item's pending list."""
    for name in item.pending_files:
        stored_file(name).unlink(missing_ok=True)
    DestructionItem.objects.filter(pk=item.pk).update(pending_files=[])


def destruction_resume() -> list[DestructionList]:
    """Finish every confirmed list a killed run left behind (the nightly job calls this first)."""
    unfinished = DestructionList.objects.filter(
        status=ListStatus.READY_TO_DESTROY, destroyed_by__isnull=False
    )
    return [destruction_run(dlist) for dlist in unfinished]
