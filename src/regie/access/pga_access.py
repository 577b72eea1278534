"""The door for the person-centred approach (C7): who sees which referral, PGA case, plan and score.

Rules (default deny):
- a PGA case is seen only through its underlying case's door (`cases_visible_to`): the coordinator, the team and
  an active break-the-glass access; everyone else gets the same 404 as for a case that does not exist;
- within a PGA case a user sees the plan and scores only of the life domains whose data category they hold on the
  case (health domains are care data, Justitie is justice data); the coordinator holds every category;
- referrals: the procesregisseurs of the municipality see every referral (weekly triage); whoever referred sees
  their own; nobody else;
- the analist sees aggregates only (monitoring), the beheerder keeps the reference data and never a case;
- every read names the persons in the processing log.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from regie.access.case_access import (
    VISIBLE_CASE_IDS_SQL,
    CaseAccess,
    access_to,
    emergency_marking,
    in_id_array,
    may_see_cases,
    visible_case_ids_params,
    visible_case_ids_sql,
    visible_case_q,
)
from regie.accounts.models import Role
from regie.cases.models import Case
from regie.core.ids import uuid_or_404
from regie.pga.models import DomainPlan, DomainScore, Evaluation, PgaCase, Referral, ZrmDomain
from regie.processing_log.services import log_processing

TRIAGE_ROLES = frozenset({Role.PROCESS_DIRECTOR})


def may_triage(user: Any) -> bool:
    """Screen referrals and run PGA cases: the municipality's procesregisseurs."""
    return may_see_cases(user) and user.role in TRIAGE_ROLES and user.organisation_id is not None


def referrals_visible_to(user: Any) -> QuerySet[Referral]:
    if may_triage(user):
        return Referral.objects.filter(municipality_id=user.organisation.municipality_id)
    if may_see_cases(user):
        return Referral.objects.filter(referred_by=user)
    return Referral.objects.none()


def pga_cases_visible_to(user: Any) -> QuerySet[PgaCase]:
    """Every PGA case whose underlying case this user may see (one index-probed id set)."""
    if not may_see_cases(user):
        return PgaCase.objects.none()
    return PgaCase.objects.filter(in_id_array("case_id", VISIBLE_CASE_IDS_SQL, visible_case_ids_params(user)))


def pga_cases_listed_for(user: Any) -> QuerySet[PgaCase]:
    """The same PGA cases as `pga_cases_visible_to`, for the work list that reads them all at once: the visible
    case ids as a hash semi-join (one hash of the ids, one pass over the PGA cases) instead of an index probe per id,
    which costs more when a procesregisseur sees thousands of cases (benchmarks/pga.py)."""
    if not may_see_cases(user):
        return PgaCase.objects.none()
    return PgaCase.objects.filter(case_id__in=visible_case_ids_sql(user))


@dataclass(frozen=True)
class PgaView:
    """One PGA case as one user may see it: the case rights and the life domains open to them."""

    pga_case: PgaCase
    access: CaseAccess
    user_id: Any
    domains: tuple[ZrmDomain, ...]
    hidden_domains: int

    @property
    def domain_ids(self) -> list[Any]:
        return [d.pk for d in self.domains]

    @property
    def can_edit(self) -> bool:
        return self.access.can_edit

    @property
    def may_run(self) -> bool:
        """Record informing, roles and the exit: the coordinator or the procesregisseur of the PGA case."""
        director = self.pga_case.process_director_id == self.user_id and self.can_edit
        return self.access.is_coordinator or director


def domains_for(access: CaseAccess, pga_case: PgaCase) -> tuple[tuple[ZrmDomain, ...], int]:
    every = list(ZrmDomain.objects.filter(version_id=pga_case.zrm_version_id).order_by("position"))
    shown = tuple(d for d in every if d.category in access.categories)
    return shown, len(every) - len(shown)


def get_pga_case_for(
    user: Any,
    pga_case_id: object,
    *,
    request: HttpRequest | None = None,
    action: str = "pga_case.viewed",
    purpose: str = "",
    log: bool = True,
) -> PgaView:
    """A PGA case through its case's door, with the domains this user may see; 404 alike; the read is logged."""
    if not may_see_cases(user):
        raise Http404
    pga_case = (
        PgaCase.objects.filter(visible_case_q(user, through="case"))
        # What the PGA pages show; a wider join costs more to compile than it saves (benchmarks/pga.py).
        .select_related(
            "case", "person", "process_director", "case_director", "case_director__organisation", "zrm_version"
        )
        .filter(pk=uuid_or_404(pga_case_id))
        .first()
    )
    if pga_case is None:
        raise Http404
    return _view(user, pga_case, request=request, action=action, purpose=purpose, log=log)


def pga_case_of(user: Any, case: Case, *, request: HttpRequest | None = None) -> PgaView | None:
    """The PGA case on top of a case the user already sees (the case page's panel), or None; logged."""
    pga_case = (
        pga_cases_visible_to(user)
        .select_related("zrm_version", "process_director", "case_director")
        .filter(case=case)
        .first()
    )
    if pga_case is None:
        return None
    return _view(user, pga_case, request=request, action="pga_case.viewed", purpose="", log=True)


def _view(
    user: Any, pga_case: PgaCase, *, request: HttpRequest | None, action: str, purpose: str, log: bool
) -> PgaView:
    access = access_to(user, pga_case.case)
    shown, hidden = domains_for(access, pga_case)
    if log:
        log_processing(
            action=action,
            actor=user,
            request=request,
            object_type="pga_case",
            object_id=pga_case.pk,
            persons=[pga_case.person_id],
            details={"case": pga_case.case.number, "domains": len(shown)},
            **emergency_marking(access.break_the_glass, purpose),
        )
    return PgaView(pga_case=pga_case, access=access, user_id=user.pk, domains=shown, hidden_domains=hidden)


def scores_for(view: PgaView) -> QuerySet[DomainScore]:
    """Scores on the domains this user may see, oldest first."""
    return (
        DomainScore.objects.filter(pga_case=view.pga_case, domain_id__in=view.domain_ids)
        .select_related("domain", "scored_by")
        .order_by("scored_on", "created_at")
    )


def plans_for(view: PgaView) -> QuerySet[DomainPlan]:
    return DomainPlan.objects.filter(pga_case=view.pga_case, domain_id__in=view.domain_ids).select_related(
        "domain", "partner", "updated_by"
    )


def evaluations_for(view: PgaView) -> QuerySet[Evaluation]:
    return Evaluation.objects.filter(pga_case=view.pga_case).select_related("recorded_by")


def visible_domain(view: PgaView, domain_code: str) -> ZrmDomain:
    """A domain of this case's matrix the user may see; 404 otherwise (hidden and unknown alike)."""
    for domain in view.domains:
        if domain.code == domain_code:
            return domain
    raise Http404


def get_referral_for(user: Any, referral_id: object, *, request: HttpRequest | None = None) -> Referral:
    referral = (
        referrals_visible_to(user)
        .select_related("person", "person__address", "referred_by", "referred_by__organisation", "decided_by")
        .filter(pk=uuid_or_404(referral_id))
        .first()
    )
    if referral is None:
        raise Http404
    log_processing(
        action="pga_referral.viewed",
        actor=user,
        request=request,
        object_type="pga_referral",
        object_id=referral.pk,
        persons=[referral.person_id],
    )
    return referral


def log_listed(user: Any, *, action: str, persons: list[Any], request: HttpRequest | None, via: str) -> None:
    """Log a list read (triage list, PGA case list) naming every person shown."""
    object_type = "pga_referral" if action.startswith("pga_referral") else "pga_case"
    log_processing(
        action=action,
        actor=user,
        request=request,
        object_type=object_type,
        persons=persons,
        details={"count": len(persons), "via": via},
    )
