"""Wire shapes of the `signals` resource. Serializers only translate; services decide (and validate meaning)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from regie.accounts.models import Organisation, User
from regie.cases.models import Priority
from regie.intake.models import (
    Decision,
    LocationKind,
    Signal,
    SignalAttachment,
    SignalCategory,
    SignalEvent,
    SignalSubject,
    Status,
    SubjectKind,
    Urgency,
)
from regie.intake.selectors import ALL, CENTRAL, OPEN, is_overdue
from regie.intake.services.inputs import MAX_DESCRIPTION, Reporter, SubjectInput

PARTNER_EVENTS = ("signal.received", "signal.decided", "signal.duplicate_merged")
PUBLIC_TYPES = [("inwoner", "Inwoner"), ("ondernemer", "Ondernemer"), ("anoniem", "Anoniem")]


class SignalReporterSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(required=False, allow_blank=True, max_length=160)
    email = serializers.CharField(required=False, allow_blank=True, max_length=254)
    phone = serializers.CharField(required=False, allow_blank=True, max_length=30)


class SignalSubjectInSerializer(serializers.Serializer[Any]):
    """A person, address, location or business as sent; the fields used depend on `kind`."""

    kind = serializers.ChoiceField(choices=SubjectKind.choices)
    role = serializers.CharField(required=False, max_length=20, default="betrokkene")
    bsn = serializers.CharField(required=False, allow_blank=True, max_length=11)
    given_names = serializers.CharField(required=False, allow_blank=True, max_length=120)
    prefix = serializers.CharField(required=False, allow_blank=True, max_length=20)
    surname = serializers.CharField(required=False, allow_blank=True, max_length=120)
    birth_date = serializers.DateField(required=False, allow_null=True)
    postcode = serializers.CharField(required=False, allow_blank=True, max_length=7)
    house_number = serializers.IntegerField(required=False, allow_null=True)
    house_letter = serializers.CharField(required=False, allow_blank=True, max_length=1)
    addition = serializers.CharField(required=False, allow_blank=True, max_length=4)
    street = serializers.CharField(required=False, allow_blank=True, max_length=120)
    city = serializers.CharField(required=False, allow_blank=True, max_length=80)
    kvk_number = serializers.CharField(required=False, allow_blank=True, max_length=12)
    name = serializers.CharField(required=False, allow_blank=True, max_length=160)
    location_kind = serializers.ChoiceField(choices=LocationKind.choices, required=False, allow_blank=True)


def subject_inputs(rows: list[dict[str, Any]]) -> list[SubjectInput]:
    return [
        SubjectInput(
            kind=row["kind"],
            role=row.get("role") or "betrokkene",
            data={k: v for k, v in row.items() if k not in ("kind", "role") and v not in (None, "")},
        )
        for row in rows
    ]


def reporter_input(data: dict[str, Any] | None) -> Reporter:
    data = data or {}
    return Reporter(name=data.get("name", ""), email=data.get("email", ""), phone=data.get("phone", ""))


class SignalCreateSerializer(serializers.Serializer[Any]):
    description = serializers.CharField(max_length=MAX_DESCRIPTION)
    urgency = serializers.ChoiceField(choices=Urgency.choices, default=Urgency.NORMAL)
    location_kind = serializers.ChoiceField(
        choices=LocationKind.choices, required=False, allow_blank=True, default=""
    )
    location_text = serializers.CharField(required=False, allow_blank=True, max_length=300, default="")
    subjects = SignalSubjectInSerializer(many=True, required=False, default=list)


class PublicSignalCreateSerializer(serializers.Serializer[Any]):
    """A report from the public: anonymous allowed, contact details optional."""

    reporter_type = serializers.ChoiceField(choices=PUBLIC_TYPES, default="anoniem")
    description = serializers.CharField(max_length=MAX_DESCRIPTION)
    urgency = serializers.ChoiceField(choices=Urgency.choices, default=Urgency.NORMAL)
    location_kind = serializers.ChoiceField(
        choices=LocationKind.choices, required=False, allow_blank=True, default=""
    )
    location_text = serializers.CharField(required=False, allow_blank=True, max_length=300, default="")
    reporter = SignalReporterSerializer(required=False)
    website = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Laat leeg (controle tegen robots)."
    )

    def validate_website(self, value: str) -> str:
        if value.strip():
            raise serializers.ValidationError("Dit veld moet leeg blijven.")
        return value


class PublicSignalReceiptSerializer(serializers.Serializer[Any]):
    reference = serializers.CharField(help_text="Referentie van de melding, zoals M-2026-000123.")


class SignalUpdateSerializer(serializers.Serializer[Any]):
    category = serializers.SlugRelatedField(
        slug_field="code", queryset=SignalCategory.objects.filter(active=True), required=False
    )
    claimed = serializers.BooleanField(required=False, help_text="true: oppakken; false: vrijgeven.")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not attrs:
            raise serializers.ValidationError("Geef category of claimed op.")
        return attrs


class SignalDecisionCreateSerializer(serializers.Serializer[Any]):
    decision = serializers.ChoiceField(choices=Decision.choices)
    case_type = serializers.SlugField(required=False, max_length=60)
    title = serializers.CharField(required=False, allow_blank=True, max_length=200, default="")
    coordinator = serializers.CharField(required=False, max_length=150)
    priority = serializers.ChoiceField(choices=Priority.choices, required=False, default=Priority.NORMAL)
    case_number = serializers.RegexField(r"^\d{4}-\d{5}$", required=False, max_length=10)
    partner = serializers.UUIDField(required=False)
    reason = serializers.CharField(required=False, allow_blank=True, max_length=2000, default="")
    shared = serializers.CharField(required=False, allow_blank=True, max_length=2000, default="")
    duplicate_of = serializers.RegexField(r"^M-\d{4}-\d{6}$", required=False, max_length=13)

    REQUIRED = {
        Decision.NEW_CASE: ("case_type",),
        Decision.ADD_TO_CASE: ("case_number",),
        Decision.REFER: ("partner",),
        Decision.MERGE: ("duplicate_of",),
        Decision.CLOSE: (),
    }

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        missing = {
            f: "Dit veld is verplicht bij dit besluit."
            for f in self.REQUIRED[attrs["decision"]]
            if not attrs.get(f)
        }
        if missing:
            raise serializers.ValidationError(missing)
        return attrs


class SignalQuerySerializer(serializers.Serializer[Any]):
    reference = serializers.RegexField(r"^[Mm]-\d{4}-\d{6}$", required=False, max_length=13)
    status = serializers.ChoiceField(choices=[OPEN, *Status.values, ALL], required=False)
    category = serializers.SlugField(required=False, max_length=60)
    queue = serializers.RegexField(rf"^({CENTRAL}|[0-9a-fA-F-]{{36}})$", required=False)
    urgency = serializers.ChoiceField(choices=Urgency.choices, required=False)
    source = serializers.CharField(required=False, max_length=20)  # type: ignore[assignment]
    overdue = serializers.BooleanField(required=False)
    failed = serializers.BooleanField(required=False)
    mine = serializers.BooleanField(required=False)


# --- output ---------------------------------------------------------------------------------------------------


class SignalCategoryRefSerializer(serializers.ModelSerializer[SignalCategory]):
    class Meta:
        model = SignalCategory
        fields = ["code", "label"]


class SignalOrganisationRefSerializer(serializers.ModelSerializer[Organisation]):
    class Meta:
        model = Organisation
        fields = ["id", "name"]


class SignalUserRefSerializer(serializers.ModelSerializer[User]):
    full_name = serializers.CharField(source="get_full_name")

    class Meta:
        model = User
        fields = ["username", "full_name"]


class SignalSuggestedCategorySerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    confidence = serializers.FloatField()


class SignalSerializer(serializers.ModelSerializer[Signal]):
    category = SignalCategoryRefSerializer(read_only=True, allow_null=True)
    suggested_category = serializers.SerializerMethodField()
    queue = SignalOrganisationRefSerializer(read_only=True, allow_null=True)
    claimed_by = SignalUserRefSerializer(read_only=True, allow_null=True)
    overdue = serializers.SerializerMethodField()

    class Meta:
        model = Signal
        fields = [
            "id",
            "reference",
            "received_at",
            "source",
            "channel",
            "status",
            "urgency",
            "category",
            "suggested_category",
            "queue",
            "claimed_by",
            "claimed_at",
            "triage_due_at",
            "first_action_due_at",
            "first_action_at",
            "overdue",
            "processing_state",
            "processing_error",
            "decision",
        ]
        extra_kwargs = {"processing_error": {"allow_null": True}}  # null for a partner

    @extend_schema_field(SignalSuggestedCategorySerializer(allow_null=True))
    def get_suggested_category(self, signal: Signal) -> dict[str, Any] | None:
        if signal.suggested_confidence is None:
            return None
        code = signal.suggested_category.code if signal.suggested_category else "overig"
        return {"code": code, "confidence": signal.suggested_confidence}

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_overdue(self, signal: Signal) -> bool:
        return is_overdue(signal)

    def to_representation(self, instance: Signal) -> dict[str, Any]:
        data = super().to_representation(instance)
        if self.context.get("limited"):  # a partner: what happens to its signal, not who in the team does it
            data["claimed_by"] = data["processing_error"] = None
        return data


class SignalSubjectSerializer(serializers.ModelSerializer[SignalSubject]):
    reported = serializers.DictField(source="data", help_text="De gegevens zoals gemeld.")

    class Meta:
        model = SignalSubject
        fields = ["id", "kind", "role", "reported", "person", "confirmed_at"]


class SignalAttachmentSerializer(serializers.ModelSerializer[SignalAttachment]):
    class Meta:
        model = SignalAttachment
        fields = ["id", "filename", "content_type", "size"]


class SignalEventSerializer(serializers.ModelSerializer[SignalEvent]):
    actor = serializers.CharField(source="actor.username", allow_null=True, default=None)

    class Meta:
        model = SignalEvent
        fields = ["at", "kind", "summary", "actor"]


class SignalDetailSerializer(SignalSerializer):
    """One signal; partners (who only see what they sent) get no reporter, persons, reasons or history actors."""

    reporter = serializers.SerializerMethodField()
    subjects = SignalSubjectSerializer(many=True, read_only=True)
    attachments = SignalAttachmentSerializer(many=True, read_only=True)
    events = SignalEventSerializer(many=True, read_only=True)
    case = serializers.CharField(source="case.number", allow_null=True, default=None)
    referred_to = SignalOrganisationRefSerializer(read_only=True, allow_null=True)
    merged_into = serializers.CharField(source="merged_into.reference", allow_null=True, default=None)

    class Meta(SignalSerializer.Meta):
        fields = [
            *SignalSerializer.Meta.fields,
            "description",
            "location_kind",
            "location_text",
            "reporter",
            "subjects",
            "attachments",
            "events",
            "decision_reason",
            "decided_at",
            "case",
            "referred_to",
            "referral_shared",
            "merged_into",
        ]
        # null for a partner (as the reporter and the case)
        extra_kwargs = {
            name: {"allow_null": True} for name in ("processing_error", "decision_reason", "referral_shared")
        }

    @extend_schema_field(SignalReporterSerializer(allow_null=True))
    def get_reporter(self, signal: Signal) -> dict[str, str] | None:
        if not (signal.reporter_name or signal.reporter_email or signal.reporter_phone):
            return None
        return {"name": signal.reporter_name, "email": signal.reporter_email, "phone": signal.reporter_phone}

    def to_representation(self, instance: Signal) -> dict[str, Any]:
        data = super().to_representation(instance)
        if self.context.get("limited"):
            for key in ("reporter", "decision_reason", "referral_shared", "case"):
                data[key] = None
            for subject in data["subjects"]:
                subject["person"] = None
            data["events"] = [
                {**event, "actor": None} for event in data["events"] if event["kind"] in PARTNER_EVENTS
            ]
        return data
