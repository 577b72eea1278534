"""`POST /api/v1/public/signals`: a report from the public, without login, rate-limited per address; a client
that may retry sends an `Idempotency-Key`, and a retry gets the first answer instead of a second report."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from regie.accounts.models import Municipality
from regie.core.api.conventions import wire_names
from regie.core.idempotency import HEADER, fingerprint, remember, request_key, reserve_or_replay
from regie.intake.api.serializers import (
    PublicSignalCreateSerializer,
    PublicSignalReceiptSerializer,
    reporter_input,
)
from regie.intake.edges import DatabaseUnavailable, api_storage
from regie.intake.models import Channel, Source
from regie.intake.services.inputs import Reporter
from regie.intake.services.rate_limit import PublicRateThrottle
from regie.intake.services.receive import default_municipality, signal_receive

SCOPE = "public-signals"


class PublicSignalCreate(APIView):
    """Report a concern to the municipality, anonymously if you wish. Answers the reference of your report."""

    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []
    throttle_classes = [PublicRateThrottle]

    @extend_schema(
        request=PublicSignalCreateSerializer,
        responses={201: PublicSignalReceiptSerializer},
        parameters=[
            OpenApiParameter(
                HEADER,
                OpenApiTypes.STR,
                OpenApiParameter.HEADER,
                description=(
                    "Optioneel: een eigen unieke sleutel per melding (8-255 tekens, bijvoorbeeld een UUID). "
                    "Stuurt u dezelfde melding met dezelfde sleutel opnieuw (geen antwoord ontvangen), dan krijgt "
                    "u het eerste antwoord terug en wordt de melding niet dubbel opgeslagen."
                ),
            )
        ],
        auth=[{}],  # type: ignore[list-item]  # public: no authentication, so no 401/403 in the schema
        operation_id="public_signals_create",
    )
    def post(self, request: Request) -> Response:
        key = request_key(request)
        body = PublicSignalCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        values = body.validated_data
        anonymous = values["reporter_type"] == Source.ANONYMOUS
        reporter = reporter_input(values.get("reporter"))
        names = {
            "reporter_name": "reporter.name",
            "reporter_email": "reporter.email",
            "reporter_phone": "reporter.phone",
        }
        with api_storage():
            municipality = _municipality()  # a read: before the transaction
        with api_storage(), wire_names(**names), transaction.atomic():
            if key is not None:
                earlier = reserve_or_replay(SCOPE, key, fingerprint(request.data))
                if earlier is not None:
                    return Response(earlier.body, status=earlier.status_code, headers={"Idempotent-Replayed": "true"})
            signal = signal_receive(
                actor=None,
                municipality=municipality,
                source=values["reporter_type"],
                channel=Channel.PUBLIC_API,
                description=values["description"],
                urgency=values["urgency"],
                location_kind=values["location_kind"],
                location_text=values["location_text"],
                reporter=reporter
                if (reporter.name or reporter.email or reporter.phone or not anonymous)
                else Reporter(),
                request=request._request,
                savepoint=False,  # this transaction is the report's own
            )
            answer = {"reference": signal.reference}
            if key is not None:
                remember(SCOPE, key, status.HTTP_201_CREATED, answer)
        return Response(answer, status=status.HTTP_201_CREATED)

def _municipality() -> Municipality:
    try:
        return default_municipality()
    except Municipality.DoesNotExist as exc:
        raise DatabaseUnavailable(
            "Melden kan op dit moment niet: de gemeente is nog niet ingericht."
        ) from exc
