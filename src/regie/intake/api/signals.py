"""REST resource `signals`: list and create, one signal (read, correct, claim), and its triage decisions."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from regie.access.case_access import cases_visible_to, get_case_for
from regie.access.signal_access import get_signal_by_reference_for, get_signal_for, may_triage
from regie.accounts.models import Organisation, Role, User
from regie.cases.models import CaseType
from regie.cases.selectors import coordinators_for
from regie.core.api.casing import snakify
from regie.core.api.conventions import require, wire_names
from regie.intake import selectors
from regie.intake.api.serializers import (
    SignalCreateSerializer,
    SignalDecisionCreateSerializer,
    SignalDetailSerializer,
    SignalQuerySerializer,
    SignalSerializer,
    SignalUpdateSerializer,
    subject_inputs,
)
from regie.intake.edges import api_storage
from regie.intake.models import Channel, Decision, Signal
from regie.intake.services import claim, corrections, decisions
from regie.intake.services.receive import signal_receive, source_of
from regie.processing_log.services import log_processing

NOT_TRIAGE = "U mag dit signaal niet behandelen."


def _user(request: Request) -> User:
    user = request.user
    assert isinstance(user, User)  # IsAuthenticated and RegiePermission ran before any handler
    return user


def render_signal(request: Request, signal: Signal, code: int = status.HTTP_200_OK) -> Response:
    fresh = selectors.signal_detail(signal)
    limited = _user(request).role == Role.PARTNER
    return Response(SignalDetailSerializer(fresh, context={"limited": limited}).data, status=code)


@extend_schema(
    parameters=[
        OpenApiParameter("reference", str, description="Referentie, zoals M-2026-000123"),
        OpenApiParameter("status", str, enum=["open", "nieuw", "opgepakt", "afgehandeld", "alle"]),
        OpenApiParameter("category", str, description="Code van de categorie"),
        OpenApiParameter("queue", str, description="Id van het team, of 'centraal'"),
        OpenApiParameter("urgency", str, enum=["normaal", "urgent"]),
        OpenApiParameter("source", str, description="Bron, bijv. partner of inwoner"),
        OpenApiParameter("overdue", bool, description="Alleen signalen over de termijn"),
        OpenApiParameter("failed", bool, description="Alleen signalen waarvan de verwerking mislukte"),
        OpenApiParameter("mine", bool, description="Alleen door mij opgepakte signalen"),
    ]
)
class SignalList(generics.ListAPIView[Signal]):
    """The signals you may see, most urgent deadline first; report a signal (staff and partners)."""

    serializer_class = SignalSerializer

    @property
    def required_permission(self) -> str:
        return "signals.submit" if self.request.method == "POST" else "signals.view"

    def get_serializer_context(self) -> dict[str, Any]:
        return {
            **super().get_serializer_context(),
            "limited": getattr(self.request.user, "role", "") == Role.PARTNER,
        }

    def get_queryset(self) -> QuerySet[Signal]:
        query = SignalQuerySerializer(data=snakify(dict(self.request.query_params.items())))
        query.is_valid(raise_exception=True)
        data = query.validated_data
        filters = selectors.QueueFilter(
            status=data.get("status") or ("alle" if data.get("reference") else "open"),
            category=data.get("category", ""),
            queue=data.get("queue", ""),
            urgency=data.get("urgency", ""),
            source=data.get("source", ""),
            reference=data.get("reference", ""),
            overdue=data.get("overdue", False),
            failed=data.get("failed", False),
            mine=data.get("mine", False),
        )
        return selectors.signal_queue(self.request.user, filters)

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        assert page is not None
        log_processing(
            action="signal.listed",
            actor=request.user,
            request=request._request,
            object_type="signal",
            details={"signals": [s.reference for s in page], "via": "api"},
        )
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(request=SignalCreateSerializer, responses={201: SignalDetailSerializer})
    def post(self, request: Request) -> Response:
        user = _user(request)
        require(user.organisation is not None, "U hoort bij geen organisatie.")
        assert user.organisation is not None
        body = SignalCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        values = body.validated_data
        source, partner = source_of(user)
        with api_storage():
            signal = signal_receive(
                actor=user,
                municipality=user.organisation.municipality,
                source=source,
                partner_organisation=partner,
                channel=Channel.API,
                description=values["description"],
                urgency=values["urgency"],
                location_kind=values["location_kind"],
                location_text=values["location_text"],
                subjects=subject_inputs(values["subjects"]),
                request=request._request,
            )
        return render_signal(request, signal, status.HTTP_201_CREATED)


class SignalDetail(generics.GenericAPIView[Signal]):
    """One signal with its subjects, attachments and history; correct its category or claim it (triage)."""

    serializer_class = SignalDetailSerializer

    @property
    def required_permission(self) -> str:
        return "signals.triage" if self.request.method == "PATCH" else "signals.view"

    def get(self, request: Request, id: Any) -> Response:
        return render_signal(request, get_signal_for(_user(request), id, request=request._request))

    @extend_schema(request=SignalUpdateSerializer, responses=SignalDetailSerializer)
    def patch(self, request: Request, id: Any) -> Response:
        user = _user(request)
        signal = get_signal_for(user, id, log=False)
        require(may_triage(user, signal), NOT_TRIAGE)
        body = SignalUpdateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        values = body.validated_data
        if values.get("claimed") is True:
            signal = claim.signal_claim(actor=user, signal=signal, request=request._request)
        elif values.get("claimed") is False:
            with wire_names(signal="claimed"):
                signal = claim.signal_release(actor=user, signal=signal, request=request._request)
        if "category" in values:
            signal = corrections.signal_category_correct(
                actor=user, signal=signal, category=values["category"], request=request._request
            )
        return render_signal(request, signal)


class SignalDecisions(generics.GenericAPIView[Signal]):
    """Record the triage decision on a signal: new case, existing case, referral, merge or close."""

    serializer_class = SignalDetailSerializer
    required_permission = "signals.triage"

    @extend_schema(request=SignalDecisionCreateSerializer, responses={201: SignalDetailSerializer})
    def post(self, request: Request, id: Any) -> Response:
        user = _user(request)
        signal = get_signal_for(user, id, log=False)
        require(may_triage(user, signal), NOT_TRIAGE)
        body = SignalDecisionCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        values = body.validated_data
        with wire_names(signal="decision", case="caseNumber", duplicate_of="duplicateOf"):
            _decide(request, user, signal, values)
        return render_signal(request, signal, status.HTTP_201_CREATED)


def _decide(request: Request, user: User, signal: Signal, values: dict[str, Any]) -> None:
    decision, http = values["decision"], request._request
    if decision == Decision.NEW_CASE:
        case_type = CaseType.objects.filter(code=values["case_type"], active=True).first()
        coordinator = (
            coordinators_for(user).filter(username=values.get("coordinator") or user.username).first()
        )
        errors = {}
        if case_type is None:
            errors["caseType"] = "Onbekend of niet meer gebruikt casustype."
        if coordinator is None:
            errors["coordinator"] = "Deze gebruiker kan geen coördinator zijn."
        if errors:
            raise serializers.ValidationError(errors)
        assert case_type is not None and coordinator is not None
        decisions.signal_start_case(
            actor=user,
            signal=signal,
            case_type=case_type,
            title=values["title"],
            coordinator=coordinator,
            priority=values["priority"],
            request=http,
        )
    elif decision == Decision.ADD_TO_CASE:
        case = cases_visible_to(user).filter(number=values["case_number"]).only("id").first()
        if case is None:
            raise serializers.ValidationError(
                {"caseNumber": "Er is geen casus met dit nummer die u mag zien."}
            )
        decisions.signal_add_to_case(
            actor=user, signal=signal, access=get_case_for(user, case.pk, request=http), request=http
        )
    elif decision == Decision.REFER:
        partner = Organisation.objects.filter(pk=values["partner"]).first()
        decisions.signal_refer(
            actor=user,
            signal=signal,
            partner=partner,
            reason=values["reason"],
            shared=values["shared"],
            request=http,
        )
    elif decision == Decision.MERGE:
        target = get_signal_by_reference_for(user, values["duplicate_of"])
        if target is None:
            raise DjangoValidationError(
                {"duplicate_of": "Er is geen signaal met deze referentie dat u mag zien."}
            )
        decisions.signal_merge(actor=user, signal=signal, target=target, request=http)
    else:
        decisions.signal_close(actor=user, signal=signal, reason=values["reason"], request=http)
