"""REST resources `pga-referrals` and `pga-cases`: through the PGA door (a PGA case only via its case's door, the
plan and scores only of the life domains whose data category the caller holds); every read logged."""

from __future__ import annotations

from typing import Any, NoReturn

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, generics, status
from rest_framework.request import Request
from rest_framework.response import Response

from regie.access import pga_access
from regie.access.case_access import organisations_taking_part
from regie.access.policy import has_permission
from regie.access.signal_access import get_signal_for, may_triage
from regie.accounts.models import User
from regie.core.api.conventions import require, wire_names
from regie.pga import serializers as s
from regie.pga.models import PgaCase
from regie.pga.services.plans import plan_update, score_record
from regie.pga.services.referrals import PersonDetails, referral_create, referral_decide, referral_from_signal

READ_ONLY = "U mag in deze PGA-casus alleen lezen."


class PgaView(generics.GenericAPIView[Any]):
    required_permission = "pga.view"

    @property
    def user(self) -> User:
        user = self.request.user
        assert isinstance(user, User)
        return user

    def body(self, request: Request, serializer_class: type[Any]) -> dict[str, Any]:
        serializer = serializer_class(data=request.data)
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)


class ReferralList(PgaView):
    """Referrals you may see (a procesregisseur: all of the municipality; others: their own), newest first; refer
    a person (matched on BSN with a known person, or created)."""

    serializer_class = s.ReferralSerializer

    @extend_schema(responses=s.ReferralSerializer(many=True))
    def get(self, request: Request) -> Response:
        qs = pga_access.referrals_visible_to(self.user).select_related(
            "person", "referred_by", "decided_by", "pga_case"
        )
        page = self.paginate_queryset(qs.order_by("-created_at", "id"))
        assert page is not None
        pga_access.log_listed(
            self.user,
            action="pga_referral.listed",
            persons=[r.person_id for r in page],
            request=request._request,
            via="api",
        )
        return self.get_paginated_response(s.ReferralSerializer(page, many=True).data)

    @extend_schema(request=s.ReferralCreateSerializer, responses={201: s.ReferralSerializer})
    def post(self, request: Request) -> Response:
        require(has_permission(self.user, "pga.refer"), "U mag geen personen aanmelden voor de PGA.")
        require(self.user.organisation is not None, "Uw account hoort niet bij een gemeente.")
        values = self.body(request, s.ReferralCreateSerializer)
        person = values.pop("person")
        with wire_names(
            **{"bsn": "person.bsn", "surname": "person.surname", "birth_date": "person.birthDate"}
        ):
            referral = referral_create(
                actor=self.user,
                municipality=self.user.organisation.municipality,  # type: ignore[union-attr]
                person=PersonDetails(**person),
                request=request._request,
                **values,
            )
        return Response(s.ReferralSerializer(referral).data, status=status.HTTP_201_CREATED)


class ReferralFromSignal(PgaView):
    """Refer a confirmed person of a signal you triage to the PGA; the signal's description is the reason and the
    referral points back to the signal."""

    serializer_class = s.ReferralSerializer

    @extend_schema(request=s.SignalReferralSerializer, responses={201: s.ReferralSerializer})
    def post(self, request: Request) -> Response:
        require(has_permission(self.user, "pga.refer"), "U mag geen personen aanmelden voor de PGA.")
        values = self.body(request, s.SignalReferralSerializer)
        try:
            signal = get_signal_for(self.user, values.pop("signal_id"), request=request._request)
        except Http404:
            raise exceptions.ValidationError(
                {"signalId": ["Dit signaal bestaat niet of u mag het niet zien."]}
            ) from None
        require(
            may_triage(self.user, signal), "Alleen wie dit signaal trieert, meldt vanuit het signaal aan."
        )
        with wire_names(person="personId"):
            referral = referral_from_signal(
                actor=self.user, signal=signal, request=request._request, **values
            )
        return Response(s.ReferralSerializer(referral).data, status=status.HTTP_201_CREATED)


class ReferralDetail(PgaView):
    """One referral you may see, with its screening and decision."""

    serializer_class = s.ReferralSerializer

    def get(self, request: Request, id: Any) -> Response:
        referral = pga_access.get_referral_for(self.user, id, request=request._request)
        return Response(s.ReferralSerializer(referral).data)


class ReferralDecision(PgaView):
    """Screen a referral against the checklist and decide (procesregisseur); an inclusion opens the PGA case."""

    required_permission = "pga.triage"
    serializer_class = s.ReferralSerializer

    @extend_schema(request=s.DecisionSerializer, responses={201: s.ReferralSerializer})
    def post(self, request: Request, id: Any) -> Response:
        referral = pga_access.get_referral_for(self.user, id, request=request._request)
        values = self.body(request, s.DecisionSerializer)
        referral_decide(actor=self.user, referral=referral, request=request._request, **values)
        referral.refresh_from_db()
        return Response(s.ReferralSerializer(referral).data, status=status.HTTP_201_CREATED)


class PgaCaseList(PgaView):
    """The PGA cases whose case you may see, active first, newest inclusion first."""

    serializer_class = s.PgaCaseSerializer

    @extend_schema(responses=s.PgaCaseSerializer(many=True))
    def get(self, request: Request) -> Response:
        qs = pga_access.pga_cases_visible_to(self.user).select_related(
            "case", "person", "process_director", "case_director"
        )
        page = self.paginate_queryset(qs.order_by("status", "-included_on", "id"))
        assert page is not None
        pga_access.log_listed(
            self.user,
            action="pga_case.listed",
            persons=[c.person_id for c in page],
            request=request._request,
            via="api",
        )
        return self.get_paginated_response(s.PgaCaseSerializer(page, many=True).data)


def _detail(view: pga_access.PgaView, pga_case: PgaCase | None = None) -> dict[str, Any]:
    context = {
        "domains": view.domains,
        "plans": pga_access.plans_for(view),
        "scores": pga_access.scores_for(view),
        "evaluations": pga_access.evaluations_for(view),
    }
    return dict(s.PgaCaseDetailSerializer(pga_case or view.pga_case, context=context).data)


class PgaCaseDetail(PgaView):
    """One PGA case with its plan, scores and evaluations, of the life domains you may see."""

    serializer_class = s.PgaCaseDetailSerializer

    def get(self, request: Request, id: Any) -> Response:
        return Response(_detail(pga_access.get_pga_case_for(self.user, id, request=request._request)))


class PgaCaseScores(PgaView):
    """Scores of the life domains you may see (oldest first); record a score (1 to 5, not in the future)."""

    serializer_class = s.ScoreSerializer

    @extend_schema(responses=s.ScoreSerializer(many=True))
    def get(self, request: Request, id: Any) -> Response:
        view = pga_access.get_pga_case_for(self.user, id, request=request._request)
        page = self.paginate_queryset(pga_access.scores_for(view))
        assert page is not None
        return self.get_paginated_response(s.ScoreSerializer(page, many=True).data)

    @extend_schema(request=s.ScoreCreateSerializer, responses={201: s.ScoreSerializer})
    def post(self, request: Request, id: Any) -> Response:
        view = pga_access.get_pga_case_for(self.user, id, request=request._request, log=False)
        require(view.can_edit, READ_ONLY)
        values = self.body(request, s.ScoreCreateSerializer)
        try:
            domain = pga_access.visible_domain(view, values.pop("domain"))
        except Http404:
            raise_field("domain", "Onbekend leefdomein, of een leefdomein dat u niet mag zien.")
        with wire_names(scored_on="scoredOn"):
            made = score_record(
                actor=self.user, pga_case=view.pga_case, domain=domain, request=request._request, **values
            )
        return Response(s.ScoreSerializer(made).data, status=status.HTTP_201_CREATED)


class PgaCasePlan(PgaView):
    """The plan on one life domain; replace it with the version you read (a stale version is a 409)."""

    serializer_class = s.PlanSerializer

    @extend_schema(request=s.PlanUpdateSerializer, responses=s.PlanSerializer)
    def put(self, request: Request, id: Any, domainCode: str) -> Response:
        view = pga_access.get_pga_case_for(self.user, id, request=request._request, log=False)
        domain = pga_access.visible_domain(view, domainCode)
        require(view.can_edit, READ_ONLY)
        values = self.body(request, s.PlanUpdateSerializer)
        partner = None
        if values["partner_id"] is not None:
            partner = (
                organisations_taking_part(view.pga_case.case.municipality_id)
                .filter(pk=values["partner_id"])
                .first()
            )
            if partner is None:
                raise_field("partnerId", "Onbekende partner van deze gemeente.")
        plan, _ = plan_update(
            actor=self.user,
            pga_case=view.pga_case,
            domain=domain,
            goal=values["goal"],
            actions=values["actions"],
            partner=partner,
            version=values["version"],
            request=request._request,
        )
        return Response(s.PlanSerializer(plan).data)


def raise_field(field: str, message: str) -> NoReturn:
    """A 400 problem naming the field as it is on the wire."""
    raise exceptions.ValidationError({field: [message]})
