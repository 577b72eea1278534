"""Digital safety API: public `self-checks` and `victim-guide`; staff `campaigns` and `self-check-statistics`.

The public resources need no login and keep nothing about the caller; submitting answers stores only the anonymous
aggregate and answers the advice. Statistics are aggregates with counts of 1-4 hidden (`count` null, `hidden` true).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from regie.accounts.models import User
from regie.core.api.conventions import wire_names
from regie.core.ids import uuid_or_404
from regie.digital.content import CHECK_KINDS
from regie.digital.models import Campaign, Channel, ContentKind, TargetGroup
from regie.digital.selectors import campaigns_of, monthly, postcode_areas
from regie.digital.services.campaigns import campaign_create, campaign_update
from regie.digital.services.content import content_current
from regie.digital.services.self_checks import campaign_for_code, self_check_submit
from regie.intake.services.rate_limit import PublicRateThrottle

PUBLIC_AUTH: Any = [{}]  # public: no authentication, so no 401/403 in the schema


class PublicSubmitThrottle(PublicRateThrottle):
    """Submissions count against the same per-address public limit as the report form; reading is free."""

    counts_reads = False


class SelfCheckSummarySerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    title = serializers.CharField()
    version = serializers.IntegerField()


class SelfCheckSerializer(SelfCheckSummarySerializer):
    definition = serializers.JSONField(help_text="Onderwerpen, vragen met antwoorden en punten, uitslagen.")


class SelfCheckAnswersSerializer(serializers.Serializer[Any]):
    answers = serializers.DictField(
        child=serializers.CharField(allow_blank=True), help_text="Per vraagcode de gekozen antwoordwaarde."
    )
    postcode_area = serializers.CharField(required=False, allow_blank=True, max_length=10, default="")
    campaign = serializers.CharField(required=False, allow_blank=True, max_length=40, default="")


class SelfCheckOutcomeSerializer(serializers.Serializer[Any]):
    score = serializers.IntegerField()
    band = serializers.JSONField()
    topics = serializers.JSONField()
    top_actions = serializers.JSONField()
    advice = serializers.JSONField()
    risk_class = serializers.JSONField(allow_null=True)


def _check_kind(code: str) -> str:
    if code not in CHECK_KINDS:
        raise Http404
    return code


def _summary(kind: str) -> dict[str, Any]:
    current = content_current(kind)
    return {"code": kind, "title": current.definition["title"], "version": current.version}


class PublicSelfCheckList(APIView):
    """The self-checks anyone may do (no login)."""

    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []

    @extend_schema(responses={200: SelfCheckSummarySerializer(many=True)}, auth=PUBLIC_AUTH)
    def get(self, request: Request) -> Response:
        return Response([_summary(kind) for kind in CHECK_KINDS])


class PublicSelfCheckDetail(APIView):
    """One self-check: its questions, answers with points, and the thresholds of the result."""

    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []

    @extend_schema(responses={200: SelfCheckSerializer}, auth=PUBLIC_AUTH)
    def get(self, request: Request, code: str) -> Response:
        kind = _check_kind(code)
        return Response({**_summary(kind), "definition": content_current(kind).definition})


class PublicSelfCheckResults(APIView):
    """Submit answers; answers the score per topic, the three most important actions and the advice.

    Only an anonymous aggregate is kept (check version, day, scores, optional postcode area, campaign).
    """

    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []
    throttle_classes = [PublicSubmitThrottle]

    @extend_schema(
        request=SelfCheckAnswersSerializer,
        responses={201: SelfCheckOutcomeSerializer},
        auth=PUBLIC_AUTH,
        operation_id="public_self_check_results_create",
    )
    def post(self, request: Request, code: str) -> Response:
        kind = _check_kind(code)
        body = SelfCheckAnswersSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        values = body.validated_data
        try:
            outcome, _ = self_check_submit(
                kind=kind,
                answers=values["answers"],
                postcode_area=values["postcode_area"],
                campaign_code=values["campaign"],
            )
        except (
            DjangoValidationError
        ) as exc:  # a question's error under `answers.<code>`, as the request named it
            raise DjangoValidationError(
                {
                    ("postcodeArea" if k == "postcode_area" else f"answers.{k}"): v
                    for k, v in exc.error_dict.items()
                }
            ) from exc
        return Response(
            {
                "score": outcome.score,
                "band": outcome.band,
                "topics": outcome.topics,
                "top_actions": outcome.top_actions,
                "advice": outcome.advice,
                "risk_class": outcome.risk_class,
            },
            status=status.HTTP_201_CREATED,
        )


class PublicVictimGuide(APIView):
    """`Wat is er gebeurd?`: the situations with their first steps in order and the national referrals."""

    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []

    @extend_schema(responses={200: serializers.JSONField()}, auth=PUBLIC_AUTH)
    def get(self, request: Request) -> Response:
        current = content_current(ContentKind.VICTIM_GUIDE)
        return Response({"version": current.version, **current.definition})


MAX_COUNT = 2_147_483_647  # the largest PositiveIntegerField PostgreSQL stores


class CampaignSerializer(serializers.ModelSerializer[Campaign]):
    target_group = serializers.ChoiceField(choices=TargetGroup.choices)
    channel = serializers.ChoiceField(choices=Channel.choices)
    checks = serializers.ListField(
        child=serializers.ChoiceField(choices=[(k, k) for k in CHECK_KINDS]), required=False, default=list
    )
    # The columns are PostgreSQL integers: a larger count was a 500 (found by the API fuzzing).
    attendees = serializers.IntegerField(min_value=0, max_value=MAX_COUNT, required=False, default=0)
    leaflets = serializers.IntegerField(min_value=0, max_value=MAX_COUNT, required=False, default=0)
    views = serializers.IntegerField(min_value=0, max_value=MAX_COUNT, required=False, default=0)
    code = serializers.SlugField(max_length=40)
    check_versions = serializers.DictField(
        child=serializers.IntegerField(),
        read_only=True,
        help_text="Per gekoppelde check de versie die de campagne telt (vastgezet bij het koppelen).",
    )

    class Meta:
        model = Campaign
        fields = [
            "id", "name", "code", "description", "target_group", "channel", "starts_on", "ends_on",
            "attendees", "leaflets", "views", "checks", "check_versions", "version",
        ]  # fmt: skip
        read_only_fields = ["id", "check_versions", "version"]


def _user(request: Request) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


class CampaignList(generics.ListAPIView[Campaign]):
    """Campaigns of your municipality (newest first); create one."""

    serializer_class = CampaignSerializer
    required_permission = "digital.campaigns"

    def get_queryset(self) -> Any:
        user = _user(self.request)
        if user.organisation is None:
            return Campaign.objects.none()
        return campaigns_of(user.organisation.municipality_id).order_by("-starts_on", "name", "id")

    @extend_schema(request=CampaignSerializer, responses={201: CampaignSerializer})
    def post(self, request: Request) -> Response:
        body = CampaignSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        values = {k: v for k, v in body.validated_data.items()}
        with wire_names(starts_on="startsOn", ends_on="endsOn", target_group="targetGroup"):
            campaign = campaign_create(actor=_user(request), request=request._request, **values)
        return Response(CampaignSerializer(campaign).data, status=status.HTTP_201_CREATED)


class CampaignDetail(APIView):
    """One campaign; change it (e.g. its reach afterwards) with the version you read."""

    required_permission = "digital.campaigns"

    def _get(self, request: Request, id: Any) -> Campaign:
        user = _user(request)
        if user.organisation is None:
            raise Http404
        found = Campaign.objects.filter(
            pk=uuid_or_404(id), municipality_id=user.organisation.municipality_id
        ).first()
        if found is None:
            raise Http404
        return found

    @extend_schema(responses={200: CampaignSerializer})
    def get(self, request: Request, id: Any) -> Response:
        return Response(CampaignSerializer(self._get(request, id)).data)

    @extend_schema(request=CampaignSerializer, responses={200: CampaignSerializer})
    def patch(self, request: Request, id: Any) -> Response:
        campaign = self._get(request, id)
        body = CampaignSerializer(campaign, data=request.data, partial=True)
        body.is_valid(raise_exception=True)
        raw_version = request.data.get("version") if isinstance(request.data, dict) else None
        version = raw_version if isinstance(raw_version, int) else None
        with wire_names(starts_on="startsOn", ends_on="endsOn", target_group="targetGroup"):
            changed = campaign_update(
                actor=_user(request),
                campaign=campaign,
                version=version,
                request=request._request,
                **dict(body.validated_data),
            )
        return Response(CampaignSerializer(changed).data)


def _count(value: float | None) -> int | None:
    """A published count (core.suppression keeps floats): an integer, or null when it is hidden."""
    return None if value is None else int(value)


class StatisticsQuerySerializer(serializers.Serializer[Any]):
    campaign = serializers.CharField(required=False, allow_blank=True, max_length=40)
    months = serializers.IntegerField(required=False, min_value=1, max_value=36, default=12)


class SelfCheckStatistics(APIView):
    """Completed self-checks per month and check, and per postcode area (PC4, `postcodeArea` null: not given), as
    aggregates; counts of 1-4 are hidden (`count` null) with secondary suppression, as is an area's `averageScore`
    from fewer than 5 results."""

    required_permission = "digital.statistics"

    @extend_schema(
        parameters=[
            OpenApiParameter("campaign", str, description="Campagnecode: alleen checks via die campagnelink"),
            OpenApiParameter("months", int, description="Aantal maanden terug (1-36, standaard 12)"),
        ],
        responses={200: serializers.JSONField()},
    )
    def get(self, request: Request) -> Response:
        query = StatisticsQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        params = dict(query.validated_data)
        user = _user(request)
        if user.organisation is None:
            raise Http404
        campaign = None
        if params.get("campaign"):
            campaign = campaign_for_code(params["campaign"])
            if campaign is None or campaign.municipality_id != user.organisation.municipality_id:
                raise serializers.ValidationError({"campaign": ["Er is geen campagne met deze code."]})
        rows = monthly(user.organisation.municipality_id, months=params["months"], campaign=campaign)
        areas = postcode_areas(user.organisation.municipality_id, months=params["months"], campaign=campaign)
        return Response(
            {
                "campaign": campaign.code if campaign else None,
                "months": [
                    {
                        "month": f"{r.month:%Y-%m}",
                        "total": {"count": _count(r.total.value), "hidden": r.total.hidden},
                        "checks": [
                            {"check": kind, "count": _count(c.value), "hidden": c.hidden}
                            for kind, c in r.per_kind.items()
                        ],
                    }
                    for r in rows
                ],
                "postcodeAreas": [
                    {
                        "postcodeArea": a.area or None,
                        "total": {"count": _count(a.total.value), "hidden": a.total.hidden},
                        "averageScore": None
                        if a.average_score.value is None
                        else round(a.average_score.value),
                        "checks": [
                            {"check": kind, "count": _count(c.value), "hidden": c.hidden}
                            for kind, c in a.per_kind.items()
                        ],
                    }
                    for a in areas.rows
                ],
            }
        )
