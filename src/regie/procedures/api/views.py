"""REST resources `deadlines`, `procedure-types`, `procedures` and their transitions, letters and addressees.

Thin edges (rule 6): parse input, fetch through the access door of the case, call one service, render.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from regie.access.case_access import get_case_for
from regie.access.subject_access import log_read
from regie.accounts.models import User
from regie.core.api.casing import snakify
from regie.procedures import selectors
from regie.procedures.api import serializers as s
from regie.procedures.calculator import calculate
from regie.procedures.definitions.schema import Definition
from regie.procedures.models import Procedure, ProcedureStatus, Transition
from regie.procedures.services.addressees import procedure_addressee_add
from regie.procedures.services.definitions import (
    definition_of,
    shipped_definitions,
    types_startable_by,
    types_worked_in,
)
from regie.procedures.services.engine import letters_regenerate, procedure_move, procedure_start


def _user(request: Request) -> User:
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    return user


ENGINE_KEYS = {"step", "date", "version", "documents", "addressees", "type", "case", "address", "letter"}


def _api_errors(exc: DjangoValidationError, data_fields: frozenset[str] | set[str]) -> ValidationError:
    """A service's Dutch errors as invalidParams; a step's own fields are named data.<field>."""
    messages = exc.message_dict if hasattr(exc, "error_dict") else {"nonFieldErrors": exc.messages}
    return ValidationError(
        {(f"data.{k}" if k in data_fields and k not in ENGINE_KEYS else k): v for k, v in messages.items()}
    )


def _calling(fn: Callable[[], Any], data_fields: frozenset[str] | set[str] = frozenset()) -> Any:
    try:
        return fn()
    except DjangoValidationError as exc:
        raise _api_errors(exc, data_fields) from exc


@extend_schema(
    operation_id="deadlines_retrieve",
    parameters=[
        OpenApiParameter(
            "from", OpenApiTypes.DATE, required=True, description="Datum van de gebeurtenis (jjjj-mm-dd)."
        ),
        OpenApiParameter(
            "period", str, required=True, description="ISO 8601-duur: P14D, P2W, P6W, P3M, P1Y."
        ),
        OpenApiParameter("statutory", bool, description="true: wettelijke termijn, verlengd volgens de Atw."),
    ],
    responses=s.DeadlineResultSerializer,
)
class DeadlineCalculation(APIView):
    """The last day of a term after an event; statutory terms are extended by the Algemene termijnenwet."""

    required_permission = "deadlines.calculate"

    def get(self, request: Request) -> Response:
        calc = calculate(request.query_params)
        if calc.errors or calc.result is None:
            raise ValidationError({k: [v] for k, v in calc.errors.items()})
        return Response(s.DeadlineResultSerializer(calc.result).data)


class ProcedureTypeList(generics.ListAPIView[Any]):
    """The procedure types you work in, with their steps, terms and letters (the definitions as data) and
    whether you may start one. A BRP officer gets only the BRP address investigation: BRP and enforcement
    stay apart. Roles that take no step in any procedure (who only read one on their case) get every type."""

    serializer_class = s.ProcedureTypeSerializer
    required_permission = "procedures.view"

    def get_queryset(self) -> Any:
        role = _user(self.request).role
        return types_worked_in(role) or shipped_definitions()

    def get_serializer_context(self) -> dict[str, Any]:
        context = dict(super().get_serializer_context())
        context["startable"] = {d.code for d in types_startable_by(_user(self.request).role)}
        return context


class ProcedureQuerySerializer(serializers.Serializer[Any]):
    type = serializers.CharField(required=False, max_length=60)
    step = serializers.CharField(required=False, max_length=60)
    status = serializers.ChoiceField(required=False, choices=ProcedureStatus.values)
    case = serializers.UUIDField(required=False)
    deadline_before = serializers.DateField(required=False)


@extend_schema(
    parameters=[
        OpenApiParameter("type", str, description="Soort procedure, bijv. permanent-residence."),
        OpenApiParameter("step", str, description="Huidige stap (code)."),
        OpenApiParameter("status", str, description="lopend, afgerond of ingetrokken."),
        OpenApiParameter("case", OpenApiTypes.UUID, description="Alleen procedures van deze casus."),
        OpenApiParameter(
            "deadlineBefore", OpenApiTypes.DATE, description="Eerstvolgende termijn uiterlijk op."
        ),
    ]
)
class ProcedureList(generics.ListCreateAPIView[Procedure]):
    """Procedures on cases you may see; start one on a case with POST."""

    required_permission = "procedures.view"

    def get_serializer_class(self) -> Any:
        return s.StartSerializer if self.request.method == "POST" else s.ProcedureSerializer

    def get_queryset(self) -> Any:
        query = ProcedureQuerySerializer(data=snakify(dict(self.request.query_params.items())))
        query.is_valid(raise_exception=True)
        data = query.validated_data
        return selectors.procedure_list(
            self.request.user,
            selectors.ProcedureFilter(
                type_code=data.get("type", ""),
                step=data.get("step", ""),
                status=data.get("status", ""),
                case_id=data.get("case"),
                deadline_before=data.get("deadline_before"),
            ),
        )

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        assert page is not None  # every collection is paginated
        log_read(
            request.user,
            action="procedure.listed",
            request=request._request,
            object_type="procedure",
            case_ids=[p.case_id for p in page],
            details={"cases": [p.case.number for p in page], "via": "api"},
        )
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(request=s.StartSerializer, responses={201: s.ProcedureDetailSerializer})
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        body = s.StartSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        v = body.validated_data
        user = _user(request)
        access = get_case_for(user, v["case"], action="case.viewed", request=request._request)
        fields = {f.name for d in shipped_definitions() if d.code == v["type"] for f in d.steps[0].fields}
        result = _calling(
            lambda: procedure_start(
                actor=user,
                access=access,
                type_code=v["type"],
                on_date=v["date"],
                data=v["data"],
                documents=v["documents"],
                address_id=v.get("address"),
                request=request._request,
            ),
            fields,
        )
        return Response(s.ProcedureDetailSerializer(result.procedure).data, status=status.HTTP_201_CREATED)


class ProcedureDetail(APIView):
    """One procedure with its addressees, deadlines and the steps that may follow."""

    required_permission = "procedures.view"

    @extend_schema(responses=s.ProcedureDetailSerializer, operation_id="procedures_retrieve")
    def get(self, request: Request, pk: str) -> Response:
        _, procedure = selectors.get_procedure_for(request.user, pk, request=request._request)
        return Response(s.ProcedureDetailSerializer(procedure).data)


def _definition_fields(definition: Definition, step: str) -> set[str]:
    return s.step_fields(definition, step)


class TransitionList(generics.ListCreateAPIView[Transition]):
    """The append-only history of a procedure; POST takes the next step (with its date, data and documents)."""

    required_permission = "procedures.view"

    def get_serializer_class(self) -> Any:
        return s.MoveSerializer if self.request.method == "POST" else s.TransitionSerializer

    def get_queryset(self) -> Any:
        _, procedure = selectors.get_procedure_for(
            self.request.user, self.kwargs["pk"], request=self.request._request
        )
        return procedure.transitions.select_related("actor", "procedure__definition").order_by("seq")

    @extend_schema(request=s.MoveSerializer, responses={201: s.TransitionSerializer})
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        body = s.MoveSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        v = body.validated_data
        user = _user(request)
        access, procedure = selectors.get_procedure_for(
            user, kwargs["pk"], request=request._request, action="procedure.viewed"
        )
        definition = definition_of(procedure)
        result = _calling(
            lambda: procedure_move(
                actor=user,
                access=access,
                procedure=procedure,
                step=v["step"],
                on_date=v["date"],
                version=v["version"],
                data=v["data"],
                documents=v["documents"],
                request=request._request,
            ),
            _definition_fields(definition, v["step"]),
        )
        body_out = dict(s.TransitionSerializer(result.transition).data)
        body_out["notes"] = result.notes
        body_out["letters"] = s.LetterSerializer(result.letters, many=True).data
        body_out["procedure"] = s.ProcedureSerializer(result.procedure).data
        return Response(body_out, status=status.HTTP_201_CREATED)


class LetterList(generics.ListCreateAPIView[Any]):
    """Letters generated for a procedure (stored on the case as documents); POST makes one again."""

    required_permission = "procedures.view"

    def get_serializer_class(self) -> Any:
        return s.LetterRequestSerializer if self.request.method == "POST" else s.LetterSerializer

    def get_queryset(self) -> Any:
        access, procedure = selectors.get_procedure_for(
            self.request.user, self.kwargs["pk"], request=self.request._request
        )
        return procedure.letters.filter(document__category__in=access.categories).select_related("document")

    @extend_schema(request=s.LetterRequestSerializer, responses={201: s.LetterSerializer(many=True)})
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        body = s.LetterRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        user = _user(request)
        access, procedure = selectors.get_procedure_for(user, kwargs["pk"], request=request._request)
        addressee = None
        if body.validated_data.get("addressee"):
            addressee = procedure.addressees.filter(pk=body.validated_data["addressee"]).first()
            if addressee is None:
                raise ValidationError({"addressee": ["Kies een geadresseerde van deze procedure."]})
        letters = _calling(
            lambda: letters_regenerate(
                actor=user,
                access=access,
                procedure=procedure,
                code=body.validated_data["letter"],
                addressee=addressee,
                request=request._request,
            )
        )
        return Response(s.LetterSerializer(letters, many=True).data, status=status.HTTP_201_CREATED)


class AddresseeList(generics.ListCreateAPIView[Any]):
    """The addressees of a procedure, each with their own notification date; POST adds one."""

    required_permission = "procedures.view"

    def get_serializer_class(self) -> Any:
        return s.AddresseeInputSerializer if self.request.method == "POST" else s.AddresseeSerializer

    def get_queryset(self) -> Any:
        _, procedure = selectors.get_procedure_for(
            self.request.user, self.kwargs["pk"], request=self.request._request
        )
        return procedure.addressees.all()

    @extend_schema(request=s.AddresseeInputSerializer, responses={201: s.AddresseeSerializer})
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        body = s.AddresseeInputSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        user = _user(request)
        access, procedure = selectors.get_procedure_for(user, kwargs["pk"], request=request._request)
        addressee = _calling(
            lambda: procedure_addressee_add(
                actor=user,
                access=access,
                procedure=procedure,
                request=request._request,
                **body.validated_data,
            )
        )
        return Response(s.AddresseeSerializer(addressee).data, status=status.HTTP_201_CREATED)


__all__ = [
    "AddresseeList",
    "DeadlineCalculation",
    "LetterList",
    "ProcedureDetail",
    "ProcedureList",
    "ProcedureTypeList",
    "TransitionList",
]
