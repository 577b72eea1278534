"""Serializers of the procedures API: they only translate; the engine decides (style.md)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from regie.procedures.definitions.schema import Definition, StepSpec
from regie.procedures.models import Addressee, Deadline, Letter, Procedure, Transition
from regie.procedures.services.context import step_label
from regie.procedures.services.definitions import definition_of


class ExtensionSerializer(serializers.Serializer[Any]):
    from_date = serializers.DateField(
        help_text="De dag waarop de termijn zonder deze verlenging zou eindigen."
    )
    to_date = serializers.DateField(help_text="De dag waarop de termijn na deze verlenging eindigt.")
    article = serializers.CharField(help_text="Het artikel van de Algemene termijnenwet, bijv. Atw art. 1.")
    reason = serializers.CharField()


class DeadlineResultSerializer(serializers.Serializer[Any]):
    start_date = serializers.DateField(
        source="start", help_text="Eerste dag van de termijn (dag na de gebeurtenis)."
    )
    period = serializers.SerializerMethodField(help_text="De duur als ISO 8601, bijv. P6W.")
    statutory = serializers.BooleanField()
    plain_end_date = serializers.DateField(help_text="Laatste dag zonder verlenging door de Atw.")
    end_date = serializers.DateField(help_text="Laatste dag van de termijn.")
    extensions = ExtensionSerializer(many=True)
    explanation = serializers.SerializerMethodField()

    def get_period(self, obj: Any) -> str:
        return str(obj.period.iso())

    def get_explanation(self, obj: Any) -> str:
        return str(obj.explanation())


# Fields named like DRF attributes (label, required, fields, data) need a type: ignore; DRF pops them at runtime.
class FieldSpecSerializer(serializers.Serializer[Any]):
    name = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]
    type = serializers.CharField()
    required = serializers.BooleanField()  # type: ignore[assignment]
    choices = serializers.SerializerMethodField()

    def get_choices(self, obj: Any) -> list[dict[str, str]]:
        return [{"value": value, "label": label} for value, label in obj.choices]


class TermSpecSerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]
    period = serializers.CharField(
        help_text="ISO 8601-duur, of field:<stap>.<veld> voor een duur uit het besluit."
    )
    statutory = serializers.BooleanField()
    start = serializers.CharField(help_text="step, notification of deadline:<code>.")
    kind = serializers.CharField(help_text="action (iemand moet handelen) of expiry (termijn loopt af).")
    legal_basis = serializers.CharField()


class LetterSpecSerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]


class StepSpecSerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]
    roles = serializers.ListField(child=serializers.CharField())
    next = serializers.ListField(child=serializers.CharField())
    final = serializers.BooleanField()
    action = serializers.BooleanField()
    requires_document = serializers.BooleanField()
    fields = FieldSpecSerializer(many=True)  # type: ignore[assignment]
    terms = TermSpecSerializer(many=True)
    letters = LetterSpecSerializer(many=True)


class ProcedureTypeSerializer(serializers.Serializer[Definition]):
    code = serializers.CharField()
    version = serializers.IntegerField()
    label = serializers.CharField()  # type: ignore[assignment]
    description = serializers.CharField()
    case_types = serializers.ListField(child=serializers.CharField())
    category = serializers.CharField()
    start_step = serializers.CharField()
    steps = StepSpecSerializer(many=True)
    may_start = serializers.SerializerMethodField(help_text="Of u een procedure van deze soort mag starten.")

    def get_may_start(self, instance: Definition) -> bool:
        return instance.code in self.context.get("startable", set())


class NextDeadlineSerializer(serializers.Serializer[Any]):
    step = serializers.CharField(help_text="Code van de stap waaruit de termijn voortkomt.")
    label = serializers.CharField()  # type: ignore[assignment]
    date = serializers.DateField()
    statutory = serializers.BooleanField()


class ProcedureSerializer(serializers.ModelSerializer[Procedure]):
    type = serializers.CharField(source="type_code")
    type_label = serializers.CharField(source="definition.label")
    definition_version = serializers.IntegerField(source="definition.version")
    case = serializers.UUIDField(source="case_id")
    case_number = serializers.CharField(source="case.number")
    current_step_label = serializers.SerializerMethodField()
    next_deadline = serializers.SerializerMethodField()

    class Meta:
        model = Procedure
        fields = [
            "id",
            "type",
            "type_label",
            "definition_version",
            "case",
            "case_number",
            "category",
            "status",
            "current_step",
            "current_step_label",
            "started_on",
            "ended_on",
            "next_deadline",
            "version",
        ]

    def get_current_step_label(self, obj: Procedure) -> str:
        return step_label(definition_of(obj), obj.current_step)

    @extend_schema_field(NextDeadlineSerializer(allow_null=True))
    def get_next_deadline(self, obj: Procedure) -> dict[str, Any] | None:
        if obj.next_deadline_on is None:
            return None
        return {
            "step": obj.next_deadline_step,
            "label": obj.next_deadline_label,
            "date": obj.next_deadline_on.isoformat(),
            "statutory": bool(obj.next_deadline_statutory),
        }


class AddresseeSerializer(serializers.ModelSerializer[Addressee]):
    class Meta:
        model = Addressee
        fields = ["id", "role", "name", "address_line", "postal_line", "notified_on"]


class DeadlineSerializer(serializers.ModelSerializer[Deadline]):
    addressee = serializers.UUIDField(source="addressee_id", allow_null=True)

    class Meta:
        model = Deadline
        fields = [
            "id",
            "code",
            "label",
            "step_code",
            "kind",
            "legal_basis",
            "addressee",
            "event_date",
            "period",
            "statutory",
            "plain_due_date",
            "due_date",
            "status",
            "explanation",
        ]


class ProcedureDetailSerializer(ProcedureSerializer):
    addressees = AddresseeSerializer(many=True, read_only=True)
    deadlines = DeadlineSerializer(many=True, read_only=True)
    allowed_steps = serializers.SerializerMethodField()

    class Meta(ProcedureSerializer.Meta):
        fields = [*ProcedureSerializer.Meta.fields, "addressees", "deadlines", "allowed_steps"]

    def get_allowed_steps(self, obj: Procedure) -> list[str]:
        return list(definition_of(obj).allowed_after(obj.current_step)) if obj.status == "lopend" else []


class TransitionSerializer(serializers.ModelSerializer[Transition]):
    step = serializers.CharField(source="to_step")
    step_label = serializers.SerializerMethodField()
    date = serializers.DateField(source="on_date")
    actor = serializers.CharField(source="actor.username")
    addressee = serializers.UUIDField(source="addressee_id", allow_null=True)
    documents = serializers.ListField(child=serializers.UUIDField())

    class Meta:
        model = Transition
        fields = [
            "id",
            "seq",
            "from_step",
            "step",
            "step_label",
            "date",
            "actor",
            "addressee",
            "data",
            "documents",
        ]

    def get_step_label(self, obj: Transition) -> str:
        return step_label(definition_of(obj.procedure), obj.to_step)


class LetterSerializer(serializers.ModelSerializer[Letter]):
    letter = serializers.CharField(source="code")
    addressee = serializers.UUIDField(source="addressee_id", allow_null=True)
    document = serializers.UUIDField(source="document_id")
    transition = serializers.UUIDField(source="transition_id", allow_null=True)
    filename = serializers.CharField(source="document.filename")

    class Meta:
        model = Letter
        fields = [
            "id",
            "letter",
            "label",
            "template_version",
            "addressee",
            "transition",
            "document",
            "filename",
            "created_at",
        ]


@extend_schema_field(OpenApiTypes.DATE)
class DateText(serializers.CharField):
    """A date (jjjj-mm-dd) passed on as text, so the engine answers a bad one in Dutch with its own message."""


class MoveSerializer(serializers.Serializer[Any]):
    step = serializers.CharField(max_length=60, help_text="Code van de stap, zie procedure-types.")
    date = DateText(max_length=30, help_text="Datum van de stap (jjjj-mm-dd).")
    version = serializers.IntegerField(min_value=1, help_text="De versie van de procedure die u zag.")
    data = serializers.DictField(  # type: ignore[assignment]
        required=False, default=dict, help_text="Gegevens van de stap (velden per stap)."
    )
    documents = serializers.ListField(
        child=serializers.CharField(max_length=40), required=False, default=list
    )


class StartSerializer(serializers.Serializer[Any]):
    case = serializers.UUIDField()
    type = serializers.CharField(max_length=60)
    date = DateText(max_length=30)
    address = serializers.UUIDField(required=False, allow_null=True)
    data = serializers.DictField(required=False, default=dict)  # type: ignore[assignment]
    documents = serializers.ListField(
        child=serializers.CharField(max_length=40), required=False, default=list
    )


class LetterRequestSerializer(serializers.Serializer[Any]):
    letter = serializers.CharField(max_length=60, help_text="Briefcode, zie procedure-types.")
    addressee = serializers.UUIDField(required=False, allow_null=True)


class AddresseeInputSerializer(serializers.Serializer[Any]):
    role = serializers.CharField(max_length=12)
    name = serializers.CharField(max_length=200, allow_blank=True)
    address_line = serializers.CharField(max_length=200, allow_blank=True)
    postal_line = serializers.CharField(max_length=120, allow_blank=True)


def step_fields(definition: Definition, code: str) -> set[str]:
    """The data field names of a step, to tell the API where an error belongs (data.<name>)."""
    step: StepSpec | None = definition.step(code)
    return {f.name for f in step.fields} if step else set()
