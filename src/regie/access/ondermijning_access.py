"""The door for the ondermijning approach (issue 17): areas, location risks, integral inspections, KVO-B, trainings.

Rules (default deny):
- the municipal ondermijning team (project leader, inspectors, lawyers of a department) sees the areas of their
  municipality, their locations and risk scores, the integral inspections and the KVO-B trajectories;
- the project leader is the single point of contact: registers areas and locations, KVO-B steps, trainings and
  the risk weighting; project leader and inspectors plan integral inspections;
- a partner organisation taking part in an integral inspection (police, fire service, environment agency …) sees
  that inspection and its locations, and records findings for its own organisation; never a risk score, never
  another inspection; a findings text is shown to the team and to the partner that wrote it;
- the network of a location shows a case, person or business only when the case door lets the viewer see it; a
  hidden node is not counted or hinted at;
- the awareness pages (quiz, report button) are for every staff member; training figures per department are
  counts (project leader, analyst); nobody sees another person's quiz score;
- missing and not yours are the same 404; reads are logged naming the persons who live at the locations shown.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest

from regie.access.case_access import cases_visible_to, may_see_cases
from regie.access.subject_access import residents_of
from regie.accounts.models import OrganisationKind, Role
from regie.cases.models import CaseSubject
from regie.core.ids import uuid_or_404
from regie.ondermijning.models import (
    Area,
    AreaContact,
    AreaLocation,
    Finding,
    InspectionSite,
    IntegralInspection,
    KvoDocument,
    LocationRisk,
    StaffReport,
)
from regie.processing_log.services import log_processing

TEAM = frozenset({Role.PROJECT_LEADER, Role.INSPECTOR, Role.LAWYER})
MANAGERS = frozenset({Role.PROJECT_LEADER})
PLANNERS = frozenset({Role.PROJECT_LEADER, Role.INSPECTOR})
FIGURES = frozenset({Role.PROJECT_LEADER, Role.ANALYST})


def _active(user: Any) -> bool:
    return bool(
        user is not None
        and getattr(user, "is_authenticated", False)
        and user.is_active
        and user.role
        and user.organisation_id is not None
    )


def is_team(user: Any) -> bool:
    return _active(user) and user.role in TEAM and user.organisation.kind == OrganisationKind.DEPARTMENT


def may_manage(user: Any) -> bool:
    return is_team(user) and user.role in MANAGERS


def may_plan(user: Any) -> bool:
    return is_team(user) and user.role in PLANNERS


def _own(user: Any, area: Area) -> bool:
    return bool(area.municipality_id == user.organisation.municipality_id)


def may_manage_area(user: Any, area: Area) -> bool:
    """Register locations, KVO-B steps … of this area: the project leader of its municipality."""
    return may_manage(user) and _own(user, area)


def may_plan_in(user: Any, area: Area) -> bool:
    return may_plan(user) and _own(user, area)


def may_see_figures(user: Any) -> bool:
    return _active(user) and user.role in FIGURES


def is_staff(user: Any) -> bool:
    """Every signed-in user of an organisation may take the quiz and use the report button."""
    return _active(user)


def _partner_inspections(user: Any) -> QuerySet[IntegralInspection]:
    if not _active(user) or user.role != Role.PARTNER:
        return IntegralInspection.objects.none()
    return IntegralInspection.objects.filter(partners=user.organisation_id)


def may_use(user: Any) -> bool:
    """Whether the ondermijning pages beyond awareness are open to this user (navigation; pages ask again)."""
    return is_team(user) or _partner_inspections(user).exists()


def areas_visible_to(user: Any) -> QuerySet[Area]:
    if is_team(user):
        return Area.objects.filter(municipality_id=user.organisation.municipality_id)
    return Area.objects.none()


def sites_visible_to(user: Any) -> QuerySet[AreaLocation]:
    return AreaLocation.objects.filter(area__in=areas_visible_to(user))


def risks_visible_to(user: Any) -> QuerySet[LocationRisk]:
    """Computed risk scores: sensitive, for the municipal team only (never a partner)."""
    return (
        LocationRisk.objects.filter(site__in=sites_visible_to(user))
        if is_team(user)
        else LocationRisk.objects.none()
    )


def inspections_visible_to(user: Any) -> QuerySet[IntegralInspection]:
    if is_team(user):
        return IntegralInspection.objects.filter(area__municipality_id=user.organisation.municipality_id)
    return _partner_inspections(user)


def may_record_finding(user: Any, inspection: IntegralInspection) -> bool:
    """Team members record for their department; a partner for its organisation, on an inspection it is in."""
    if is_team(user) and user.role in PLANNERS:
        return True
    return _partner_inspections(user).filter(pk=inspection.pk).exists()


def findings_visible_to(user: Any, inspection: IntegralInspection) -> QuerySet[Finding]:
    found = Finding.objects.filter(inspection_site__inspection=inspection)
    if is_team(user):
        return found
    return found.filter(partner_id=user.organisation_id) if _active(user) else found.none()


def _log(
    user: Any,
    request: HttpRequest | None,
    *,
    action: str,
    object_type: str,
    object_id: object,
    location_ids: Any,
) -> None:
    log_processing(
        action=action,
        actor=user,
        request=request,
        object_type=object_type,
        object_id=object_id,
        persons=residents_of(location_ids=location_ids),
    )


def get_area_for(user: Any, area_id: object, *, request: HttpRequest | None = None, log: bool = True) -> Area:
    area = areas_visible_to(user).filter(pk=uuid_or_404(area_id)).first()
    if area is None:
        raise Http404
    if log:
        # Who lives at the area's locations (a location without an address has no residents).
        locations = list(
            AreaLocation.objects.filter(area=area, location__address__isnull=False).values_list(
                "location_id", flat=True
            )
        )
        _log(
            user,
            request,
            action="ondermijning_area.viewed",
            object_type="ondermijning_area",
            object_id=area.pk,
            location_ids=locations,
        )
    return area


def get_site_for(user: Any, site_id: object, *, request: HttpRequest | None = None) -> AreaLocation:
    site = (
        sites_visible_to(user)
        .select_related("area", "location", "location__address", "business")
        .filter(pk=uuid_or_404(site_id))
        .first()
    )
    if site is None:
        raise Http404
    return site


def get_inspection_for(
    user: Any, inspection_id: object, *, request: HttpRequest | None = None
) -> IntegralInspection:
    inspection = (
        inspections_visible_to(user)
        .select_related("area", "planned_by")
        .filter(pk=uuid_or_404(inspection_id))
        .first()
    )
    if inspection is None:
        raise Http404
    _log(
        user,
        request,
        action="ondermijning_inspection.viewed",
        object_type="ondermijning_inspection",
        object_id=inspection.pk,
        location_ids=list(inspection.sites.values_list("site__location_id", flat=True)),
    )
    return inspection


def get_inspection_site_for(user: Any, inspection: IntegralInspection, site_id: object) -> InspectionSite:
    found = (
        InspectionSite.objects.select_related("site", "site__location", "site__location__address")
        .filter(inspection=inspection, pk=uuid_or_404(site_id))
        .first()
    )
    if found is None:
        raise Http404
    return found


def get_finding_for(user: Any, finding_id: object) -> Finding:
    """A finding of an inspection the user may see, written by their organisation or seen as the team; else 404."""
    finding = (
        Finding.objects.select_related(
            "partner", "inspection_site__inspection__area", "inspection_site__site__location"
        )
        .filter(pk=uuid_or_404(finding_id), inspection_site__inspection__in=inspections_visible_to(user))
        .first()
    )
    if finding is None or not (is_team(user) or finding.partner_id == user.organisation_id):
        raise Http404
    return finding


def network_of(user: Any, site: AreaLocation, *, request: HttpRequest | None = None) -> dict[str, list[Any]]:
    """The nodes linked to a location that this user may see, and the links between them: cases (through the case
    door), their persons and businesses, the location's address and business. Links come only from the visible
    cases' own subjects, so a node the user may not see is left out without a trace: no node, no link, no count.
    Logged, naming the persons shown and the residents of the location."""
    nodes: dict[str, list[Any]] = {"cases": [], "persons": [], "businesses": [], "addresses": [], "links": []}
    location = site.location
    team = is_team(user)
    links: list[dict[str, str]] = []
    show_address = team and location.address_id is not None
    if team and site.business_id:
        nodes["businesses"].append(site.business)
        links.append(_link(site.business, "gevestigd in", location))
    if show_address:
        nodes["addresses"] = [location.address]
        links.append(_link(location, "ligt op", location.address))
    if may_see_cases(user):
        match = Q(location_id=location.pk)
        if location.address_id:
            match |= Q(address_id=location.address_id)
        if site.business_id:
            match |= Q(business_id=site.business_id)
        case_ids = CaseSubject.objects.filter(match).values("case_id")
        cases = list(cases_visible_to(user).filter(pk__in=case_ids).order_by("number"))
        nodes["cases"] = cases
        by_id = {c.pk: c for c in cases}
        subjects = (
            CaseSubject.objects.filter(case_id__in=list(by_id))
            .select_related("person", "business")
            .order_by("case__number", "role", "pk")
        )
        for row in subjects:
            case, role = by_id[row.case_id], f"heeft als {row.get_role_display().lower()}"
            if row.person_id:
                if row.person not in nodes["persons"]:
                    nodes["persons"].append(row.person)
                links.append(_link(case, role, row.person))
            elif row.business_id:
                if row.business not in nodes["businesses"]:
                    nodes["businesses"].append(row.business)
                links.append(_link(case, role, row.business))
            elif row.location_id == location.pk or (
                row.address_id is not None and row.address_id == location.address_id and not show_address
            ):
                links.append(_link(case, role, location))
            elif row.address_id is not None and row.address_id == location.address_id:
                links.append(_link(case, role, location.address))
    nodes["links"] = list({tuple(sorted(x.items())): x for x in links}.values())
    persons = [p.pk for p in nodes["persons"]]
    log_processing(
        action="ondermijning_location.viewed",
        actor=user,
        request=request,
        object_type="ondermijning_location",
        object_id=site.pk,
        persons=list(dict.fromkeys(persons + residents_of(location_ids=[location.pk]))),
        details={"cases": [c.number for c in nodes["cases"]]},
    )
    return nodes


def _link(source: Any, relation: str, target: Any) -> dict[str, str]:
    def name(node: Any) -> str:
        return f"Casus {node.number}" if hasattr(node, "number") else str(node)

    def kind(node: Any) -> str:
        return str(node._meta.verbose_name)

    return {
        "from": name(source),
        "from_kind": kind(source),
        "relation": relation,
        "to": name(target),
        "to_kind": kind(target),
    }


# --- Contacts of an area (personal data: the municipal team only, every read logged) ---------------------------


def contacts_of(user: Any, area: Area, *, request: HttpRequest | None = None) -> list[AreaContact]:
    """The contact persons of an area the user may see (its municipal team); logged. Others get none."""
    if not (is_team(user) and _own(user, area)):
        return []
    contacts = list(AreaContact.objects.filter(area=area))
    if contacts:
        log_processing(
            action="ondermijning_area.contacts_viewed",
            actor=user,
            request=request,
            object_type="ondermijning_area",
            object_id=area.pk,
            details={"contacts": len(contacts)},
        )
    return contacts


def get_contact_for(user: Any, area: Area, contact_id: object) -> AreaContact:
    """A contact of this area, for the project leader who keeps them; else 404."""
    contact = AreaContact.objects.filter(pk=uuid_or_404(contact_id), area=area).first()
    if contact is None or not may_manage_area(user, area):
        raise Http404
    return contact


# --- KVO-B documents ------------------------------------------------------------------------------------------


def get_kvo_document_for(
    user: Any, document_id: object, *, request: HttpRequest | None = None
) -> KvoDocument:
    """A KVO-B document of an estate of the user's team; missing and not yours are the same 404; logged."""
    document = (
        KvoDocument.objects.select_related("trajectory__area")
        .filter(pk=uuid_or_404(document_id), trajectory__area__in=areas_visible_to(user))
        .first()
    )
    if document is None:
        raise Http404
    log_processing(
        action="ondermijning_kvo.document_read",
        actor=user,
        request=request,
        object_type="ondermijning_kvo",
        object_id=document.trajectory_id,
        details={"document": document.title},
    )
    return document


# --- Who sent an anonymous staff report ---------------------------------------------------------------------


def may_reveal_reporter(user: Any) -> bool:
    """The privacy officer keeps the identity of anonymous staff reporters (the colleagues handling it never)."""
    return _active(user) and user.role == Role.PRIVACY


def staff_report_reveal(
    user: Any, reference: str, reason: str, *, request: HttpRequest | None = None
) -> StaffReport:
    """Who sent the staff report with this signal reference (the user's municipality), read with a reason and
    logged; missing, not a staff report and not yours are the same 404."""
    if not may_reveal_reporter(user):
        raise Http404
    report = (
        StaffReport.objects.select_related("reporter", "reporter__organisation", "signal")
        .filter(
            signal__reference=reference.strip().upper(),
            signal__municipality_id=user.organisation.municipality_id,
        )
        .first()
    )
    if report is None:
        raise Http404
    log_processing(
        action="ondermijning_report.reporter_revealed",
        actor=user,
        request=request,
        object_type="ondermijning_report",
        object_id=report.pk,
        purpose=reason.strip()[:300],
        details={"signal": report.signal.reference, "anonymous": report.anonymous},
    )
    return report
