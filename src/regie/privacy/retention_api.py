"""REST resources `retention-rules` and `destruction-lists` (no personal data: types, categories, dates)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from regie.cases.models import CaseType
from regie.privacy.models import DestructionItem, DestructionList, RecordKind, RetentionRule, Valuation
from regie.privacy.retention import retention_rule_set


class RetentionRuleSerializer(serializers.ModelSerializer[RetentionRule]):
    case_type = serializers.SlugRelatedField(slug_field="code", queryset=CaseType.objects.all())
    case_type_label = serializers.CharField(source="case_type.label", read_only=True)
    valuation = serializers.ChoiceField(choices=Valuation.choices)
    record_kind = serializers.ChoiceField(choices=RecordKind.choices, default=RecordKind.CASE)
    category_code = serializers.CharField(max_length=20, allow_blank=True)
    category_label = serializers.CharField(max_length=200, allow_blank=True)
    term_years = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=120)

    class Meta:
        model = RetentionRule
        fields = [
            "id",
            "case_type",
            "case_type_label",
            "record_kind",
            "category_code",
            "category_label",
            "valuation",
            "term_years",
            "version",
        ]
        read_only_fields = ["id", "version"]
        validators: list[object] = []  # setting a rule again makes its next version (retention_rule_set)


class RetentionRuleList(generics.ListAPIView[RetentionRule]):
    """Retention rules per case type (Selectielijst 2020); POST sets a rule (a new one or its next version)."""

    serializer_class = RetentionRuleSerializer
    required_permission = "retention.configure"
    queryset = RetentionRule.objects.select_related("case_type")

    @extend_schema(request=RetentionRuleSerializer, responses={201: RetentionRuleSerializer})
    def post(self, request: Request) -> Response:
        data = RetentionRuleSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        rule = retention_rule_set(
            actor=request.user,
            case_type=values["case_type"],
            record_kind=values["record_kind"],
            category_code=values["category_code"],
            category_label=values["category_label"],
            valuation=values["valuation"],
            term_years=values.get("term_years"),
            request=request._request,
        )
        return Response(RetentionRuleSerializer(rule).data, status=status.HTTP_201_CREATED)


class DestructionItemSerializer(serializers.ModelSerializer[DestructionItem]):
    class Meta:
        model = DestructionItem
        fields = [
            "id",
            "case_number",
            "case_type_label",
            "category_code",
            "term_years",
            "closed_on",
            "expired_on",
            "excluded_reason",
            "destroyed_at",
        ]


class DestructionListSerializer(serializers.ModelSerializer[DestructionList]):
    reviewed_by = serializers.CharField(source="reviewed_by.username", read_only=True, default=None)
    approved_by = serializers.CharField(source="approved_by.username", read_only=True, default=None)
    destroyed_by = serializers.CharField(source="destroyed_by.username", read_only=True, default=None)
    items = DestructionItemSerializer(many=True, read_only=True)

    class Meta:
        model = DestructionList
        fields = [
            "id",
            "name",
            "status",
            "version",
            "created_at",
            "reviewed_by",
            "reviewed_at",
            "approved_by",
            "approved_at",
            "destroy_after",
            "destroyed_by",
            "destroyed_at",
            "items",
        ]


class DestructionListList(generics.ListAPIView[DestructionList]):
    """Destruction lists with their records (metadata only) and who reviewed, approved and destroyed them."""

    serializer_class = DestructionListSerializer
    required_permission = "destruction.handle"
    queryset = DestructionList.objects.select_related(
        "reviewed_by", "approved_by", "destroyed_by"
    ).prefetch_related("items")


class DestructionListDetail(generics.RetrieveAPIView[DestructionList]):
    """One destruction list: the destruction record, kept permanently."""

    serializer_class = DestructionListSerializer
    required_permission = "destruction.handle"
    queryset = DestructionListList.queryset
    lookup_field = "pk"
    lookup_url_kwarg = "id"
