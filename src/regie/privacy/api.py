"""REST resource `processing-log` for the privacy officer."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers

from regie.core.api.casing import snakify
from regie.privacy.selectors import activities_by_name, activity_name_for
from regie.processing_log import selectors
from regie.processing_log.models import ProcessingLogEntry
from regie.processing_log.services import log_processing


class ProcessingLogEntrySerializer(serializers.ModelSerializer[ProcessingLogEntry]):
    action_label = serializers.CharField(
        read_only=True, help_text="De Nederlandse omschrijving van de handeling (action is de code)."
    )
    activity = serializers.SerializerMethodField(
        help_text="De verwerkingsactiviteit in het register waar de handeling bij hoort (Logboek Dataverwerkingen)."
    )
    activity_id = serializers.SerializerMethodField(help_text="Het id van die verwerkingsactiviteit.")

    def get_activity(self, entry: ProcessingLogEntry) -> str:
        return activity_name_for(entry.action)

    def get_activity_id(self, entry: ProcessingLogEntry) -> str | None:
        activity = self.context.get("register", {}).get(activity_name_for(entry.action))
        return str(activity.pk) if activity else None

    class Meta:
        model = ProcessingLogEntry
        fields = [
            "seq",
            "occurred_at",
            "actor_username",
            "actor_organisation",
            "actor_role",
            "acting_for",
            "action",
            "action_label",
            "activity",
            "activity_id",
            "object_type",
            "object_id",
            "person_ids",
            "purpose",
            "break_the_glass",
            "source_address",
            "details",
            "prev_hash",
            "hash",
            "pseudonymised_at",
        ]
        extra_kwargs = {
            "pseudonymised_at": {
                "help_text": "Wanneer de herleidbare gegevens van de regel (personen, gebruiker, adres, object, "
                "details) zijn gewist omdat de bewaartermijn van het log voorbij is; leeg zolang ze er nog zijn."
            }
        }


class LogQuerySerializer(serializers.Serializer[Any]):
    person = serializers.UUIDField(required=False)
    user = serializers.CharField(required=False, max_length=150)
    action = serializers.RegexField(r"^[a-z_.]+$", required=False, max_length=80)
    date_from = serializers.DateField(required=False)
    date_to = serializers.DateField(required=False)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs.get("date_from") and attrs.get("date_to") and attrs["date_to"] < attrs["date_from"]:
            raise serializers.ValidationError({"date_to": "De einddatum ligt voor de begindatum."})
        return attrs


@extend_schema(
    parameters=[
        OpenApiParameter("person", str, description="Persoons-id (UUID)"),
        OpenApiParameter("user", str, description="Gebruikersnaam"),
        OpenApiParameter("action", str, description="Handelingscode of het begin ervan, bijv. auth."),
        OpenApiParameter("dateFrom", str, description="Vanaf datum (jjjj-mm-dd)"),
        OpenApiParameter("dateTo", str, description="Tot en met datum (jjjj-mm-dd)"),
    ]
)
class ProcessingLogList(generics.ListAPIView[ProcessingLogEntry]):
    """The processing log, filtered by person, user, action and period (privacy officer only)."""

    serializer_class = ProcessingLogEntrySerializer
    required_permission = "processing_log.view"

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "register": activities_by_name()}

    def get_queryset(self) -> Any:

        query = LogQuerySerializer(data=snakify(dict(self.request.query_params.items())))
        query.is_valid(raise_exception=True)
        data = {k: v for k, v in query.validated_data.items()}
        filters = selectors.LogFilter(**data)
        log_processing(
            action="processing_log.viewed",
            actor=self.request.user,
            request=self.request._request,
            persons=[filters.person] if filters.person else [],
            details={"filters": {k: str(v) for k, v in data.items()}, "via": "api"},
        )
        return selectors.processing_log(filters)
