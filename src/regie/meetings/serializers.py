"""The wire shapes of `meeting-series`, `meetings` and `meeting-actions` (camelCase through the house renderer)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from regie.meetings.models import AgendaItem, AgreedAction, Cadence, Meeting, MeetingSeries


class MeetingSeriesSerializer(serializers.ModelSerializer[MeetingSeries]):
    chair = serializers.CharField(source="chair.__str__", read_only=True)
    chair_id = serializers.IntegerField(source="chair.pk", read_only=True)
    secretary = serializers.CharField(
        source="secretary.__str__", read_only=True, allow_null=True, default=None
    )
    organisation_ids = serializers.SerializerMethodField()

    class Meta:
        model = MeetingSeries
        fields = [
            "id",
            "name",
            "purpose",
            "legal_basis",
            "covenant",
            "cadence",
            "chair",
            "chair_id",
            "secretary",
            "organisation_ids",
            "active",
            "version",
        ]

    def get_organisation_ids(self, series: MeetingSeries) -> list[str]:
        return [str(o.pk) for o in series.organisations.all()]


class MeetingSeriesCreateSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(max_length=120)
    purpose = serializers.CharField(max_length=4000)
    legal_basis = serializers.CharField(max_length=4000)
    covenant = serializers.CharField(max_length=4000, required=False, allow_blank=True, default="")
    cadence = serializers.ChoiceField(choices=Cadence.choices)
    chair_id = serializers.IntegerField()
    secretary_id = serializers.IntegerField(required=False, allow_null=True, default=None)
    organisation_ids = serializers.ListField(child=serializers.UUIDField(), required=False, default=list)


class AgendaItemSerializer(serializers.ModelSerializer[AgendaItem]):
    case_id = serializers.UUIDField(allow_null=True, read_only=True)
    case_number = serializers.CharField(source="case.number", read_only=True, allow_null=True, default=None)
    case_title = serializers.CharField(source="case.title", read_only=True, allow_null=True, default=None)

    class Meta:
        model = AgendaItem
        fields = ["id", "position", "case_id", "case_number", "case_title", "title", "question"]


class MeetingSerializer(serializers.ModelSerializer[Meeting]):
    series_id = serializers.UUIDField(read_only=True)
    series_name = serializers.CharField(source="series.name", read_only=True)

    class Meta:
        model = Meeting
        fields = ["id", "series_id", "series_name", "starts_at", "place", "online_link"]


class MeetingDetailSerializer(MeetingSerializer):
    agenda_items = serializers.SerializerMethodField()
    hidden_items = serializers.SerializerMethodField()

    class Meta(MeetingSerializer.Meta):
        fields = [*MeetingSerializer.Meta.fields, "agenda_items", "hidden_items"]

    def get_agenda_items(self, meeting: Meeting) -> list[dict[str, Any]]:
        return list(AgendaItemSerializer(self.context["items"], many=True).data)

    def get_hidden_items(self, meeting: Meeting) -> int:
        return int(self.context["hidden"])


class MeetingActionSerializer(serializers.ModelSerializer[AgreedAction]):
    task_id = serializers.UUIDField(source="task.pk", read_only=True)
    title = serializers.CharField(source="task.title", read_only=True)
    owner = serializers.CharField(source="task.owner.__str__", read_only=True)
    owner_id = serializers.IntegerField(source="task.owner_id", read_only=True)
    due_date = serializers.DateField(source="task.due_date", read_only=True, allow_null=True)
    overdue = serializers.SerializerMethodField()
    case_number = serializers.CharField(source="item.case.number", read_only=True)
    meeting_id = serializers.UUIDField(source="item.meeting_id", read_only=True)

    class Meta:
        model = AgreedAction
        fields = [
            "id",
            "task_id",
            "title",
            "owner",
            "owner_id",
            "due_date",
            "overdue",
            "case_number",
            "meeting_id",
        ]

    def get_overdue(self, action: AgreedAction) -> bool:
        due = action.task.due_date
        return bool(due and due < self.context["today"])
