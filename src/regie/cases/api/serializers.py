"""How cases and what belongs to them look on the wire. Serializers only translate; services decide."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from regie.access.case_access import CaseAccess
from regie.accounts.models import Organisation, User
from regie.cases.api.subject_serializers import AddressSerializer, BusinessSerializer, LocationSerializer
from regie.cases.models import (
    Case,
    CaseMember,
    CaseStatus,
    CaseSubject,
    CaseType,
    DataCategory,
    Document,
    Note,
    Priority,
    SubjectRole,
    Task,
    TimelineEvent,
)
from regie.subjects.models import Person

CATEGORIES = serializers.ChoiceField(choices=DataCategory.choices)


# --- references -------------------------------------------------------------------------------------------


class UserRefSerializer(serializers.Serializer[User]):
    username = serializers.CharField(read_only=True)
    name = serializers.CharField(source="__str__", read_only=True)


class OrganisationRefSerializer(serializers.ModelSerializer[Organisation]):
    class Meta:
        model = Organisation
        fields = ["id", "name"]
        read_only_fields = fields


class CaseTypeRefSerializer(serializers.ModelSerializer[CaseType]):
    class Meta:
        model = CaseType
        fields = ["code", "label"]
        read_only_fields = fields


class PersonRefSerializer(serializers.ModelSerializer[Person]):
    """A person in a case: name and birth date only; the BSN is on `persons/{id}` for those who may see it."""

    class Meta:
        model = Person
        fields = ["id", "given_names", "prefix", "surname", "birth_date"]
        read_only_fields = fields


@extend_schema_field(OpenApiTypes.STR)
class ColleagueField(serializers.SlugRelatedField[User]):
    """A user by username, within the caller's municipality (others read as unknown)."""

    default_error_messages = {
        "does_not_exist": "Er is geen gebruiker met de gebruikersnaam {value}.",
        "invalid": "Geef een gebruikersnaam.",
    }

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(slug_field="username", **kwargs)

    def get_queryset(self) -> Any:
        organisation = self.context["request"].user.organisation
        if organisation is None:
            return User.objects.none()
        return User.objects.select_related("organisation").filter(
            organisation__municipality_id=organisation.municipality_id
        )


# --- cases ----------------------------------------------------------------------------------------------------


class CaseSerializer(serializers.ModelSerializer[Case]):
    case_type = CaseTypeRefSerializer(read_only=True)
    coordinator = UserRefSerializer(read_only=True)

    class Meta:
        model = Case
        fields = [
            "id",
            "number",
            "title",
            "case_type",
            "status",
            "priority",
            "coordinator",
            "next_deadline",
            "created_at",
            "version",
        ]
        read_only_fields = fields


class CaseSubjectSerializer(serializers.ModelSerializer[CaseSubject]):
    """Exactly one of person, address, location or business is filled."""

    person = PersonRefSerializer(read_only=True, allow_null=True)
    address = AddressSerializer(read_only=True, allow_null=True)
    location = LocationSerializer(read_only=True, allow_null=True)
    business = BusinessSerializer(read_only=True, allow_null=True)

    class Meta:
        model = CaseSubject
        fields = ["id", "role", "person", "address", "location", "business"]
        read_only_fields = fields


class CaseAccessSerializer(serializers.Serializer[CaseAccess]):
    """What you may see and do in this case."""

    categories = serializers.SerializerMethodField()
    is_coordinator = serializers.BooleanField(read_only=True)
    can_edit = serializers.BooleanField(read_only=True)
    can_manage_team = serializers.BooleanField(read_only=True)
    can_close = serializers.BooleanField(read_only=True)
    break_the_glass = serializers.SerializerMethodField(help_text="Ziet u deze casus via noodtoegang?")

    @extend_schema_field(serializers.ListField(child=CATEGORIES))
    def get_categories(self, access: CaseAccess) -> list[str]:
        return sorted(access.categories)

    def get_break_the_glass(self, access: CaseAccess) -> bool:
        return access.break_the_glass is not None


class CaseDetailSerializer(CaseSerializer):
    subjects = CaseSubjectSerializer(many=True, read_only=True)
    access = serializers.SerializerMethodField()

    class Meta(CaseSerializer.Meta):
        fields = [
            *CaseSerializer.Meta.fields,
            "closed_reason",
            "closed_at",
            "updated_at",
            "subjects",
            "access",
        ]
        read_only_fields = fields

    @extend_schema_field(CaseAccessSerializer)
    def get_access(self, case: Case) -> Any:
        return CaseAccessSerializer(self.context["access"]).data


class SubjectInSerializer(serializers.Serializer[Any]):
    role = serializers.ChoiceField(choices=SubjectRole.choices)
    person = serializers.UUIDField(help_text="Id van een persoon die u mag zien")


class CaseCreateSerializer(serializers.Serializer[Any]):
    case_type = serializers.SlugRelatedField(
        slug_field="code",
        queryset=CaseType.objects.all(),
        help_text="Code van het casustype",
        error_messages={"does_not_exist": "Onbekend casustype: {value}.", "invalid": "Geef een code."},
    )
    title = serializers.CharField(max_length=200, allow_blank=True)
    priority = serializers.ChoiceField(choices=Priority.choices, default=Priority.NORMAL)
    coordinator = ColleagueField(help_text="Gebruikersnaam van de coördinator")
    subjects = SubjectInSerializer(many=True, required=False, default=list)


class CaseUpdateSerializer(serializers.Serializer[Any]):
    """A change, or closing (`status: gesloten` with `closedReason`, and nothing else)."""

    version = serializers.IntegerField(
        min_value=1,
        help_text="Verplicht: de versie die u las; een oudere versie geeft 409 (optimistische vergrendeling)",
    )
    title = serializers.CharField(max_length=200, allow_blank=True, required=False)
    priority = serializers.ChoiceField(choices=Priority.choices, required=False)
    status = serializers.ChoiceField(choices=CaseStatus.choices, required=False)
    coordinator = ColleagueField(
        required=False,
        help_text="Gebruikersnaam van de nieuwe coördinator. Een coördinator ziet alle gegevenscategorieën: "
        "alleen wie die zelf alle mag zien en het team beheert, draagt over (403 met de reden anders)",
    )
    previous_coordinator_categories = serializers.ListField(
        child=serializers.ChoiceField(choices=DataCategory.choices),
        required=False,
        allow_empty=True,
        help_text="Alleen bij overdracht: wat de vorige coördinator als teamlid blijft zien; zonder dit veld "
        "alle categorieën, met een lege lijst gaat de vorige coördinator uit het team",
    )
    closed_reason = serializers.CharField(required=False, allow_blank=True, help_text="Verplicht bij sluiten")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        changes = set(attrs) - {"version", "closed_reason", "previous_coordinator_categories"}
        closing = attrs.get("status") == CaseStatus.CLOSED
        if closing and "closed_reason" not in attrs:
            raise serializers.ValidationError({"closed_reason": "Geef een reden voor het sluiten."})
        if closing and changes != {"status"}:
            raise serializers.ValidationError({"status": "Sluit een casus zonder tegelijk iets te wijzigen."})
        if "closed_reason" in attrs and not closing:
            raise serializers.ValidationError({"closed_reason": "Alleen bij sluiten (status gesloten)."})
        if "previous_coordinator_categories" in attrs and "coordinator" not in attrs:
            raise serializers.ValidationError(
                {"previous_coordinator_categories": "Alleen bij het overdragen aan een nieuwe coördinator."}
            )
        if not changes:
            raise serializers.ValidationError("Er is niets om te wijzigen.")
        return attrs


# --- notes, tasks, team, documents, timeline -----------------------------------------------------------------


class NoteSerializer(serializers.ModelSerializer[Note]):
    author = UserRefSerializer(read_only=True)

    class Meta:
        model = Note
        fields = ["id", "category", "text", "author", "created_at"]
        read_only_fields = ["id", "author", "created_at"]
        extra_kwargs = {"category": {"help_text": "Een categorie die u in deze casus mag zien"}}


class NoteCreateSerializer(serializers.Serializer[Any]):
    category = serializers.CharField(help_text="general, care of justice — een die u in deze casus mag zien")
    text = serializers.CharField(allow_blank=True, trim_whitespace=False)


class TaskSerializer(serializers.ModelSerializer[Task]):
    owner = UserRefSerializer(read_only=True)

    class Meta:
        model = Task
        fields = ["id", "title", "owner", "due_date", "due_explanation", "done_at", "created_at", "version"]
        read_only_fields = fields


class TaskCreateSerializer(serializers.Serializer[Any]):
    """Give at most one of `dueDate`, `period` (ISO 8601, e.g. P2W) and `workingDays`."""

    title = serializers.CharField(max_length=200, allow_blank=True)
    owner = ColleagueField(help_text="Gebruikersnaam van wie de taak uitvoert")
    due_date = serializers.DateField(required=False)
    period = serializers.CharField(required=False, max_length=20)
    working_days = serializers.IntegerField(required=False)


class TaskCompletionSerializer(serializers.Serializer[Any]):
    version = serializers.IntegerField(min_value=1, help_text="De versie van de taak die u las")


class MemberSerializer(serializers.ModelSerializer[CaseMember]):
    user = UserRefSerializer(read_only=True, allow_null=True)
    organisation = OrganisationRefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = CaseMember
        fields = ["id", "user", "organisation", "case_role", "categories", "can_edit", "created_at"]
        read_only_fields = fields


class MemberCreateSerializer(serializers.Serializer[Any]):
    """A user (by username) or a whole organisation (by id), never both."""

    user = ColleagueField(required=False)
    organisation = serializers.UUIDField(required=False, help_text="Id van een organisatie")
    case_role = serializers.CharField(max_length=60, allow_blank=True)
    categories = serializers.ListField(child=serializers.CharField(), allow_empty=True)
    can_edit = serializers.BooleanField(
        default=False, help_text="Mag bewerken (notities, taken, documenten); nooit vanzelf: standaard false."
    )


class DocumentSerializer(serializers.ModelSerializer[Document]):
    uploaded_by = UserRefSerializer(read_only=True)

    class Meta:
        model = Document
        fields = [
            "id",
            "category",
            "title",
            "document_type",
            "filename",
            "content_type",
            "size",
            "sha256",
            "uploaded_by",
            "created_at",
        ]
        read_only_fields = fields


class DocumentCreateSerializer(serializers.Serializer[Any]):
    file = serializers.FileField(allow_empty_file=True, use_url=False)
    category = serializers.CharField()
    title = serializers.CharField(max_length=200, allow_blank=True)
    document_type = serializers.CharField(max_length=40)


class TimelineEventSerializer(serializers.ModelSerializer[TimelineEvent]):
    actor = UserRefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = TimelineEvent
        fields = ["id", "at", "actor", "kind", "summary", "category"]
        read_only_fields = fields
