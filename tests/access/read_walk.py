"""The machinery of the read-logging walk (tests/access/test_read_logging.py): every route of the URL conf with its
path parameters filled in from the demo, and what personal data a response shows.

Personal data is found by markers taken from the demo data itself: a person's name or BSN, an address as
"street number", a case title or case number (see `Markers`). Path parameters are filled in by `Probe`, which must
know every parameter name of the URL conf: a new one fails the walk until it is taught here.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit
from uuid import UUID

from django.db.models import Model, QuerySet
from django.urls import URLPattern, URLResolver, get_resolver

from regie.access.case_access import cases_visible_to
from regie.access.digital_access import follow_ups_visible_to
from regie.access.location_access import locations_visible_to
from regie.access.meetings_access import items_visible_to, meetings_visible_to, series_visible_to
from regie.access.ondermijning_access import areas_visible_to, inspections_visible_to, sites_visible_to
from regie.access.park_access import lots_visible_to, parks_visible_to, rounds_visible_to
from regie.access.pga_access import pga_cases_visible_to, referrals_visible_to
from regie.access.signal_access import signals_visible_to
from regie.access.subject_access import (
    addresses_visible_to,
    businesses_visible_to,
    persons_visible_to,
)
from regie.accounts.models import AccountChange, ApiToken, OidcRoleMapping, Organisation, User
from regie.cases.models import BreakTheGlass, Case, CaseMember, CaseSubject, CaseType, Document, Task
from regie.digital.models import Campaign, VictimFollowUp
from regie.intake.models import RoutingRule, Signal, SignalAttachment, SignalCategory, SignalSubject
from regie.integrations.models import OutgoingMail
from regie.meetings.models import AgendaItem, Meeting, MeetingSeries
from regie.monitoring.models import CouncilReport
from regie.ondermijning.models import (
    Area,
    AreaContact,
    AreaLocation,
    Finding,
    InspectionSite,
    IntegralInspection,
    KvoMeasure,
)
from regie.park.models import (
    FollowUp,
    Inspection,
    InspectionRound,
    LotImport,
    Occupancy,
    Park,
    ParkLot,
    RoundLot,
)
from regie.pga.models import PgaCase, Referral
from regie.privacy.models import DataSubjectRequest, DestructionList, ProcessingActivity
from regie.procedures.models import Letter, LetterTemplate, Procedure
from regie.procedures.selectors import procedures_visible_to
from regie.subjects.models import Address, Business, Location, Person

NO_ID = "00000000-0000-4000-8000-000000000000"
MIN_MARKER = 6  # shorter names could match ordinary words
PARAM = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")


def _walk(patterns: list[Any], prefix: str = "") -> Iterator[str]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


def url_conf_routes() -> list[str]:
    """Every route of the URL conf, as written there ("casussen/<str:case_id>/team")."""
    return list(dict.fromkeys(_walk(get_resolver().url_patterns)))


def shape(route: str) -> str:
    """A route with its parameters blanked, to compare URL-conf routes with OpenAPI paths."""
    return re.sub(r"\{\w+\}", "{}", PARAM.sub("{}", route.strip("/")))


def openapi_get_paths(document: dict[str, Any]) -> list[str]:
    """The paths of the OpenAPI document that answer GET, under its server's path ("api/v1/cases/{id}")."""
    base = urlsplit(document.get("servers", [{}])[0].get("url", "")).path.strip("/")
    paths = [path.strip("/") for path, operations in document["paths"].items() if "get" in operations]
    return [f"{base}/{path}" if base else path for path in paths]


# --- path parameters ---------------------------------------------------------------------------------------------


def _ids(qs: QuerySet[Any] | list[Any], n: int) -> list[str]:
    return [str(o.pk if isinstance(o, Model) else o) for o in list(qs[:n])]


def _pick(mine: QuerySet[Any] | list[Any], anyone: QuerySet[Any], n: int = 2) -> list[str]:
    """Up to n ids the user may see; one of anyone's (a 404 for this user) when they see none."""
    return _ids(mine, n) or _ids(anyone, 1)


@dataclass
class Probe:
    """Which demo ids one user's walk fills in: what they may see first, so the walk reaches 200s."""

    user: User
    cases: list[str] = field(default_factory=list)
    emergency: list[str] = field(default_factory=list)  # cases the user opened by break-the-glass

    def __post_init__(self) -> None:
        mine = cases_visible_to(self.user).order_by("number")
        self.emergency = _ids(
            BreakTheGlass.objects.filter(user=self.user).values_list("case_id", flat=True), 2
        )
        self.cases = list(dict.fromkeys(_pick(mine, Case.objects.order_by("number")) + self.emergency))

    def candidates(self, route: str, name: str, bound: dict[str, str]) -> list[str]:
        """The values to try for parameter `name` of `route`, given the parameters bound before it."""
        u, case, proc = self.user, bound.get("case_id") or bound.get("id"), bound.get("procedure_id")
        sig, docs = bound.get("signal_id"), Document.objects.order_by("category")
        table: dict[str, Callable[[], list[str]]] = {
            "case_id": lambda: self.cases,
            "document_id": lambda: _pick(Document.objects.filter(case_id=case).order_by("category"), docs, 3),
            "member_id": lambda: _pick(CaseMember.objects.filter(case_id=case), CaseMember.objects.all(), 1),
            "task_id": lambda: _pick(Task.objects.filter(case_id=case), Task.objects.all(), 1),
            "person_id": lambda: self._persons(),
            "address_id": lambda: _pick(addresses_visible_to(u).order_by("postcode"), Address.objects.all()),
            "access_id": lambda: _ids(BreakTheGlass.objects.order_by("created_at"), 2),
            "procedure_id": lambda: self._procedures(),
            "letter_id": lambda: _pick(Letter.objects.filter(procedure_id=proc), Letter.objects.all(), 1),
            "signal_id": lambda: _pick(signals_visible_to(u).order_by("reference"), Signal.objects.all()),
            "subject_id": lambda: _pick(
                SignalSubject.objects.filter(signal_id=sig), SignalSubject.objects.all(), 1
            ),
            "attachment_id": lambda: _pick(
                SignalAttachment.objects.filter(signal_id=sig), SignalAttachment.objects.all(), 1
            ),
            "park_id": lambda: _pick(parks_visible_to(u).order_by("name"), Park.objects.all(), 1),
            "run_id": lambda: _pick(
                LotImport.objects.filter(park_id=bound["park_id"]), LotImport.objects.all(), 1
            ),
            "lot_id": lambda: self._lots(bound.get("round_id")),
            "what": lambda: ["bewoner"],
            "occupancy_id": lambda: _pick(
                Occupancy.objects.filter(lot_id=bound["lot_id"]), Occupancy.objects.all(), 1
            ),
            "round_id": lambda: _pick(
                rounds_visible_to(u).order_by("planned_on"), InspectionRound.objects.all()
            ),
            "inspection_id": lambda: (
                _pick(inspections_visible_to(u).order_by("planned_on"), IntegralInspection.objects.all())
                if route.startswith("ondermijning/")
                else _pick(
                    Inspection.objects.filter(round__in=rounds_visible_to(u)), Inspection.objects.all()
                )
            ),
            # ondermijning (issue 17): areas, their locations, an inspection day's locations, findings
            "area_id": lambda: _pick(areas_visible_to(u).order_by("name"), Area.objects.order_by("name"), 1),
            "site_id": lambda: (
                _pick(
                    InspectionSite.objects.filter(inspection_id=bound["inspection_id"]),
                    InspectionSite.objects.all(),
                    1,
                )
                if "inspection_id" in bound
                else _pick(sites_visible_to(u).order_by("location__name"), AreaLocation.objects.all(), 1)
            ),
            "finding_id": lambda: _ids(Finding.objects.order_by("created_at"), 1),
            "contact_id": lambda: _pick(
                AreaContact.objects.filter(area_id=bound.get("area_id")), AreaContact.objects.order_by("name"), 1
            ),
            "measure_id": lambda: _pick(
                KvoMeasure.objects.filter(trajectory__area_id=bound.get("area_id")),
                KvoMeasure.objects.order_by("description"),
                1,
            ),
            "kind": lambda: (
                ["check-inwoners"] if route.startswith("beheer/digitale-veiligheid") else ["zorg"]
            ),
            "follow_up_id": lambda: _ids(FollowUp.objects.order_by("kind"), 1),
            # privacy (issue 18): requests of data subjects, destruction lists
            "request_id": lambda: _ids(DataSubjectRequest.objects.order_by("reference"), 1),
            "list_id": lambda: _ids(DestructionList.objects.order_by("name"), 2),
            "taskId": lambda: _pick(Task.objects.filter(case_id=case), Task.objects.all(), 1),
            "memberId": lambda: _pick(CaseMember.objects.filter(case_id=case), CaseMember.objects.all(), 1),
            "documentId": lambda: _pick(Document.objects.filter(case_id=case).order_by("category"), docs, 3),
            # pga (issue 14): a PGA case, a referral, a life domain (general and care)
            "pga_case_id": lambda: self._pga_cases(),
            "referral_id": lambda: self._referrals(),
            "domain_code": lambda: ["financien", "geestelijke-gezondheid"],
            "domainCode": lambda: ["financien", "geestelijke-gezondheid"],
            # case meetings (issue 15): a series, a meeting, an agenda item the user may see, a form's part
            "series_id": lambda: _pick(
                series_visible_to(u).order_by("name"), MeetingSeries.objects.order_by("name"), 1
            ),
            "meeting_id": lambda: self._meetings(),
            "item_id": lambda: self._agenda_items(bound.get("meeting_id")),
            "part": lambda: ["notulen"] if "item_id" in bound else ["agendapunten"],
            "secret": lambda: ["onbekend-geheim"],  # only the user holds the feed's real secret
            "key": lambda: ["pga"],  # agenda proposals (a POST); the walk only GETs
            "reference": lambda: self._referrals(),
            # monitoring (issue 20): a theme's dashboard, a council report (aggregates only)
            "theme": lambda: ["signalen", "zorg"],
            "report_id": lambda: _ids(CouncilReport.objects.order_by("year"), 1),
        }
        by_route: dict[str, Callable[[], list[str]]] = {
            "api/v1/cases/": lambda: self.cases,
            "api/v1/pga-cases/": lambda: self._pga_cases(),
            "api/v1/pga-referrals/": lambda: self._referrals(),
            "api/v1/meeting-series/": lambda: _pick(
                series_visible_to(u).order_by("name"), MeetingSeries.objects.order_by("name"), 1
            ),
            "api/v1/meetings/": lambda: self._meetings(),
            "api/v1/persons/": lambda: self._persons(),
            "api/v1/park-lots/": lambda: self._lots(None),  # brp-refreshes (a POST); the walk only GETs
            "api/v1/addresses/": table["address_id"],
            "api/v1/locations/": lambda: _pick(
                locations_visible_to(u).order_by("name"), Location.objects.all()
            ),
            "api/v1/businesses/": lambda: _pick(
                businesses_visible_to(u).order_by("name"), Business.objects.all()
            ),
            "api/v1/procedures/": lambda: self._procedures(),
            "api/v1/signals/": table["signal_id"],
            "api/v1/organisations/": lambda: _ids(Organisation.objects.order_by("name"), 1),
            "api/v1/data-subject-requests/": table["request_id"],
            "api/v1/destruction-lists/": table["list_id"],
            "api/v1/processing-activities/": lambda: _ids(ProcessingActivity.objects.order_by("code"), 1),
            "account/api-tokens/": lambda: _ids(ApiToken.objects.filter(user=u), 1),
            "beheer/organisaties/": lambda: _ids(Organisation.objects.order_by("name"), 1),
            "beheer/gebruikers/": lambda: [str(u.pk)],
            "beheer/casustypen/": lambda: _ids(CaseType.objects.order_by("code"), 1),
            "beheer/routering/": lambda: _ids(RoutingRule.objects.all(), 1),
            "beheer/signaalcategorieen/": lambda: list(
                SignalCategory.objects.values_list("code", flat=True)[:1]
            ),
            "beheer/toegangswijzigingen/": lambda: _ids(AccountChange.objects.order_by("created_at"), 1),
            "beheer/e-mail/": lambda: _ids(OutgoingMail.objects.order_by("created_at"), 1),
            # sign-on (issue 21): the provider's key (no provider in the demo: a 404), the mapping rows
            "login/oidc/": lambda: ["gemeente"],
            "beheer/eenmalige-aanmelding/": lambda: _ids(OidcRoleMapping.objects.order_by("created_at"), 1),
            "procedurebeheer/brieven/": lambda: list(
                LetterTemplate.objects.values_list("code", flat=True)[:1]
            ),
            "veilig-online/check/": lambda: ["inwoners", "ondernemers"],
            "veilig-online/wat-is-er-gebeurd/": lambda: ["vriend-in-nood"],
            "veilig-online/intrekken/": lambda: ["onbekende-sleutel"],  # only the resident holds a real key
            "api/v1/public/self-checks/": lambda: ["check-inwoners"],
            "api/v1/council-reports/": lambda: _ids(CouncilReport.objects.order_by("year"), 1),
            "api/v1/campaigns/": lambda: _ids(Campaign.objects.order_by("starts_on"), 1),
            "digitale-veiligheid/campagnes/": lambda: _ids(Campaign.objects.order_by("starts_on"), 1),
            "nazorg-online/": lambda: _pick(
                follow_ups_visible_to(u).order_by("reference"), VictimFollowUp.objects.order_by("reference")
            ),
            "api/v1/victim-follow-ups/": lambda: _pick(
                follow_ups_visible_to(u).order_by("reference"), VictimFollowUp.objects.order_by("reference")
            ),
        }
        if name in table:
            return table[name]()
        for prefix, values in by_route.items():
            if route.startswith(prefix):
                return values()
        raise LookupError(f"no demo ids for <{name}> in {route}: teach Probe.candidates about it")

    def _persons(self) -> list[str]:
        mine = persons_visible_to(self.user).order_by("sort_name")
        emergency = CaseSubject.objects.filter(case_id__in=self.emergency, person__isnull=False)
        return list(
            dict.fromkeys(
                _pick(mine, Person.objects.order_by("sort_name"))
                + _ids(emergency.values_list("person_id", flat=True), 1)
            )
        )

    def _pga_cases(self) -> list[str]:
        mine = pga_cases_visible_to(self.user).order_by("included_on", "id")
        return _pick(mine, PgaCase.objects.order_by("included_on", "id"), 1)

    def _meetings(self) -> list[str]:
        mine = meetings_visible_to(self.user).order_by("starts_at", "id")
        return _pick(mine, Meeting.objects.order_by("starts_at", "id"), 1)

    def _agenda_items(self, meeting_id: str | None) -> list[str]:
        meeting = Meeting.objects.filter(pk=meeting_id).first() if meeting_id else None
        mine = (
            items_visible_to(self.user, meeting).order_by("position")
            if meeting
            else AgendaItem.objects.none()
        )
        return _pick(mine, AgendaItem.objects.filter(meeting_id=meeting_id).order_by("position"), 2)

    def _referrals(self) -> list[str]:
        mine = referrals_visible_to(self.user).order_by("created_at", "id")
        return _pick(mine, Referral.objects.order_by("created_at", "id"), 1)

    def _procedures(self) -> list[str]:
        mine = procedures_visible_to(self.user).order_by("started_on", "id")
        emergency = Procedure.objects.filter(case_id__in=self.emergency)
        return list(dict.fromkeys(_pick(mine, Procedure.objects.all()) + _ids(emergency, 1)))

    def _lots(self, round_id: str | None) -> list[str]:
        if round_id:
            lots = RoundLot.objects.filter(round_id=round_id).values_list("lot_id", flat=True)
            return _pick(lots, ParkLot.objects.all(), 1)
        with_occupants = lots_visible_to(self.user).filter(occupancies__isnull=False).order_by("number")
        return _pick(with_occupants, ParkLot.objects.order_by("number"))

    def urls(self, route: str) -> list[str]:
        """Every concrete URL of the route for this user (the product of its parameters' candidates); a
        parameter the demo has nothing for gets an id of the right shape that exists nowhere (a 404)."""
        found: list[tuple[str, dict[str, str]]] = [("/" + route, {})]
        for match in PARAM.finditer(route):
            name, placeholder = match["name"], match.group(0)
            nothing = "0" if match["converter"] == "int" else NO_ID
            found = [
                (url.replace(placeholder, value, 1), {**bound, name: value})
                for url, bound in found
                for value in (self.candidates(route, name, bound) or [nothing])
            ]
        return [url for url, _ in found]


# --- personal data in a response ----------------------------------------------------------------------------------


def _address_text(street: str, number: object, letter: str = "", addition: str = "") -> str:
    return f"{street} {number}{letter}" + (f"-{addition}" if addition else "")


@dataclass(frozen=True)
class Shown:
    """The personal data found in one response."""

    markers: set[str]
    persons: set[UUID]  # named or by BSN: every one of them must be logged
    anchors: list[set[UUID]]  # per case or address shown: at least one of these persons must be logged


@dataclass
class Markers:
    """What of the demo's personal data can show in a response, and which persons each marker shows.

    A name or BSN shows one person: that person must be in the log. A case title or case number stands for the
    case's persons, an address for its residents (and the persons of cases about it): a page that shows one must
    name at least one of them — which ones exactly a list or detail read logs is for that read's own tests (a case
    page shows another case's number in a link, an address may have eleven registrations).
    """

    strict: dict[str, set[UUID]]
    loose: dict[str, set[UUID]]
    pattern: re.Pattern[str] = field(init=False)

    def __post_init__(self) -> None:
        words = sorted({*self.strict, *self.loose}, key=len, reverse=True)
        self.pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, words)) + r")(?![\w-])")

    @classmethod
    def from_demo(cls) -> Markers:
        strict: dict[str, set[UUID]] = {}
        loose: dict[str, set[UUID]] = {}
        for person in Person.objects.all():
            for text in (str(person), person.bsn or ""):
                if len(text) >= MIN_MARKER:
                    strict.setdefault(text, set()).add(person.pk)
        for case in Case.objects.prefetch_related("subjects"):
            persons = {s.person_id for s in case.subjects.all() if s.person_id}
            loose.setdefault(case.title, set()).update(persons)
            loose.setdefault(case.number, set()).update(persons)
        for address in Address.objects.prefetch_related("residents", "case_links__case__subjects"):
            text = _address_text(address.street, address.house_number, address.house_letter, address.addition)
            tied = loose.setdefault(text, set())
            tied |= {p.pk for p in address.residents.all()}
            for link in address.case_links.all():
                tied |= {s.person_id for s in link.case.subjects.all() if s.person_id}
        return cls(strict=strict, loose=loose)

    def shown(self, body: str) -> Shown:
        """The markers found in a response body and the persons they show."""
        text = html.unescape(body) + "\n" + "\n".join(_json_texts(body))
        found = {m.group(1) for m in self.pattern.finditer(text)}
        persons = set().union(*(self.strict[m] for m in found if m in self.strict))
        anchors = [self.loose[m] for m in found if self.loose.get(m)]
        return Shown(found, persons, anchors)


def _json_texts(body: str) -> list[str]:
    """Names and addresses assembled from JSON fields (the API sends them in parts).

    Not from what a reporter typed about a signal's subject (`reported`): until triage confirms who it is, there
    is no person to log it against — a confirmed subject is logged by its `person`.
    """
    if not body.lstrip().startswith(("{", "[")):
        return []
    try:
        data = json.loads(body)
    except ValueError:
        return []
    out: list[str] = []

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            if "surname" in node:
                out.append(
                    " ".join(p for p in (node.get("givenNames"), node.get("prefix"), node["surname"]) if p)
                )
            if "street" in node and "houseNumber" in node:
                out.append(
                    _address_text(
                        node["street"],
                        node["houseNumber"],
                        node.get("houseLetter") or "",
                        node.get("addition") or "",
                    )
                )
            for key, value in node.items():
                if key != "reported":
                    visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit(data)
    return out
