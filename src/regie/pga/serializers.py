"""The wire shapes of `pga-referrals` and `pga-cases` (camelCase on the wire through the house renderer)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from regie.pga.models import (
    Decision,
    DomainPlan,
    DomainScore,
    Evaluation,
    ExitReason,
    PgaCase,
    Referral,
    Urgency,
)
from regie.pga.screening import CRITERION_LABELS


class ReferralSerializer(serializers.ModelSerializer[Referral]):
    person_id = serializers.UUIDField(source="person.pk", read_only=True)
    person_name = serializers.CharField(source="person.__str__", read_only=True)
    referred_by = serializers.CharField(source="referred_by.__str__", read_only=True)
    decided_by = serializers.CharField(
        source="decided_by.__str__", read_only=True, allow_null=True, default=None
    )
    pga_case_id = serializers.SerializerMethodField()
    source_signal_id = serializers.UUIDField(read_only=True, allow_null=True)
    decision = serializers.ChoiceField(
        choices=Decision.choices, allow_blank=True, read_only=True, help_text="Leeg zolang er geen besluit is."
    )

    class Meta:
        model = Referral
        fields = [
            "id",
            "person_id",
            "person_name",
            "reason",
            "goal",
            "partners_involved",
            "urgency",
            "source",
            "source_signal_id",
            "status",
            "re_referral",
            "referred_by",
            "created_at",
            "checklist_version",
            "criteria",
            "decision",
            "decision_reasons",
            "referral_advice",
            "decided_by",
            "decided_at",
            "pga_case_id",
        ]
        read_only_fields = fields

    def get_pga_case_id(self, instance: Referral) -> str | None:
        made = getattr(instance, "pga_case", None)
        return str(made.pk) if made is not None else None


class PersonInputSerializer(serializers.Serializer[Any]):
    bsn = serializers.CharField(required=False, allow_blank=True, max_length=11, default="")
    given_names = serializers.CharField(required=False, allow_blank=True, max_length=120, default="")
    prefix = serializers.CharField(required=False, allow_blank=True, max_length=20, default="")
    surname = serializers.CharField(required=False, allow_blank=True, max_length=120, default="")
    birth_date = serializers.DateField(required=False, allow_null=True, default=None)


class ReferralCreateSerializer(serializers.Serializer[Any]):
    person = PersonInputSerializer()
    reason = serializers.CharField(max_length=4000)
    goal = serializers.CharField(max_length=4000)
    partners_involved = serializers.CharField(required=False, allow_blank=True, max_length=2000, default="")
    urgency = serializers.ChoiceField(choices=Urgency.choices, default=Urgency.NORMAL)


class SignalReferralSerializer(serializers.Serializer[Any]):
    signal_id = serializers.UUIDField(help_text="Het getrieerde signaal waaruit u aanmeldt.")
    person_id = serializers.UUIDField(help_text="Een bevestigde betrokkene van dat signaal.")
    goal = serializers.CharField(max_length=4000)
    partners_involved = serializers.CharField(required=False, allow_blank=True, max_length=2000, default="")
    urgency = serializers.ChoiceField(choices=Urgency.choices, default=Urgency.NORMAL)


class DecisionSerializer(serializers.Serializer[Any]):
    criteria = serializers.DictField(
        child=serializers.BooleanField(),
        help_text="Per criterium van de checklist waaronder de aanmelding is gedaan (checklistVersion; versie 1: "
        + ", ".join(CRITERION_LABELS)
        + ") of het is vervuld; lokale doelgroepregels horen erbij.",
    )
    decision = serializers.ChoiceField(choices=Decision.choices)
    reasons = serializers.CharField(max_length=4000)
    advice = serializers.CharField(required=False, allow_blank=True, max_length=300, default="")


class ScoreSerializer(serializers.ModelSerializer[DomainScore]):
    domain = serializers.CharField(source="domain.code", read_only=True)
    scored_by = serializers.CharField(source="scored_by.__str__", read_only=True)

    class Meta:
        model = DomainScore
        fields = ["id", "domain", "score", "scored_on", "scored_by", "reason"]
        read_only_fields = fields


class ScoreCreateSerializer(serializers.Serializer[Any]):
    domain = serializers.SlugField(max_length=40)
    score = serializers.IntegerField()
    scored_on = serializers.DateField()
    reason = serializers.CharField(max_length=300)


class PlanSerializer(serializers.ModelSerializer[DomainPlan]):
    domain = serializers.CharField(source="domain.code", read_only=True)
    partner = serializers.CharField(source="partner.name", read_only=True, allow_null=True, default=None)

    class Meta:
        model = DomainPlan
        fields = ["domain", "goal", "actions", "partner", "version"]
        read_only_fields = fields


class PlanUpdateSerializer(serializers.Serializer[Any]):
    goal = serializers.CharField(required=False, allow_blank=True, max_length=2000, default="")
    actions = serializers.CharField(required=False, allow_blank=True, max_length=4000, default="")
    partner_id = serializers.UUIDField(required=False, allow_null=True, default=None)
    version = serializers.IntegerField(min_value=0, help_text="De versie die u las; 0 voor een nieuw plan.")


class EvaluationSerializer(serializers.ModelSerializer[Evaluation]):
    class Meta:
        model = Evaluation
        fields = ["id", "held_on", "cooperation", "progress", "result"]
        read_only_fields = fields


class DomainSerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    name = serializers.CharField(source="label")
    category = serializers.CharField()


class PgaCaseSerializer(serializers.ModelSerializer[PgaCase]):
    case_id = serializers.UUIDField(source="case.pk", read_only=True)
    case_number = serializers.CharField(source="case.number", read_only=True)
    person_id = serializers.UUIDField(source="person.pk", read_only=True)
    person_name = serializers.CharField(source="person.__str__", read_only=True)
    process_director = serializers.CharField(source="process_director.__str__", read_only=True)
    case_director = serializers.CharField(
        source="case_director.__str__", read_only=True, allow_null=True, default=None
    )
    exit_reason = serializers.ChoiceField(
        choices=ExitReason.choices, allow_blank=True, read_only=True, help_text="Leeg zolang de casus loopt."
    )

    class Meta:
        model = PgaCase
        fields = [
            "id",
            "case_id",
            "case_number",
            "person_id",
            "person_name",
            "level",
            "status",
            "legal_basis",
            "process_director",
            "case_director",
            "included_on",
            "informed_on",
            "contra_review_on",
            "exit_reason",
            "exited_on",
            "follow_up_on",
            "version",
        ]
        read_only_fields = fields


class PgaCaseDetailSerializer(PgaCaseSerializer):
    """One PGA case with the domains, plan, scores and evaluations the caller may see."""

    contra_indication = serializers.CharField(read_only=True)
    exit_explanation = serializers.CharField(read_only=True)
    domains = serializers.SerializerMethodField()
    plans = serializers.SerializerMethodField()
    scores = serializers.SerializerMethodField()
    evaluations = serializers.SerializerMethodField()

    class Meta(PgaCaseSerializer.Meta):
        fields = [
            *PgaCaseSerializer.Meta.fields,
            "contra_indication",
            "exit_explanation",
            "domains",
            "plans",
            "scores",
            "evaluations",
        ]
        read_only_fields = fields

    def get_domains(self, instance: PgaCase) -> Any:
        return DomainSerializer(self.context["domains"], many=True).data

    def get_plans(self, instance: PgaCase) -> Any:
        return PlanSerializer(self.context["plans"], many=True).data

    def get_scores(self, instance: PgaCase) -> Any:
        return ScoreSerializer(self.context["scores"], many=True).data

    def get_evaluations(self, instance: PgaCase) -> Any:
        return EvaluationSerializer(self.context["evaluations"], many=True).data
