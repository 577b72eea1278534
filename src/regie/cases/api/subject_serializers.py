"""How persons, addresses, locations and businesses look on the wire (translation only; the door decides)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from regie.cases.models import Case, CaseStatus
from regie.core.api.schema import GEOJSON_GEOMETRY
from regie.subjects.extensions import residence_status_of
from regie.subjects.models import Address, Business, Location, LocationKind, Person


class AddressSerializer(serializers.ModelSerializer[Address]):
    class Meta:
        model = Address
        fields = ["id", "street", "house_number", "house_letter", "addition", "postcode", "city", "bag_id"]
        read_only_fields = fields


class PersonSerializer(serializers.ModelSerializer[Person]):
    """A person; `bsn` is only there for users who may see BSNs — absent, not null, for everyone else."""

    bsn = serializers.CharField(
        required=False,
        allow_null=True,  # a person without a BSN (not in the BRP)
        help_text="Alleen aanwezig voor gebruikers die BSN's mogen zien (medewerkers van de gemeente).",
    )
    address = AddressSerializer(read_only=True, allow_null=True, help_text="Woonadres")

    class Meta:
        model = Person
        fields = ["id", "bsn", "given_names", "prefix", "surname", "birth_date", "address"]
        read_only_fields = ["id", "given_names", "prefix", "surname", "birth_date"]

    def to_representation(self, instance: Person) -> dict[str, Any]:
        data = super().to_representation(instance)
        if not self.context.get("show_bsn"):
            data.pop("bsn", None)
        return data


class CaseRefSerializer(serializers.ModelSerializer[Case]):
    """A case a person or result points to — only ever one that came through the access door."""

    status = serializers.ChoiceField(choices=CaseStatus.choices, read_only=True)
    case_type = serializers.CharField(
        source="case_type.code", read_only=True, help_text="Code van het casustype"
    )

    class Meta:
        model = Case
        fields = ["id", "number", "title", "case_type", "status"]
        read_only_fields = fields


class PersonDetailSerializer(PersonSerializer):
    cases = serializers.SerializerMethodField(help_text="Alleen de casussen die u mag zien.")
    # Plain text, not format email: most persons have none, and then it is empty.
    email = serializers.CharField(read_only=True, help_text="E-mailadres; leeg als het niet bekend is.")

    class Meta(PersonSerializer.Meta):
        fields = [*PersonSerializer.Meta.fields, "email", "phone", "cases"]
        read_only_fields = [*PersonSerializer.Meta.read_only_fields, "email", "phone"]

    @extend_schema_field(CaseRefSerializer(many=True))
    def get_cases(self, instance: Person) -> Any:
        return CaseRefSerializer(self.context.get("cases", []), many=True).data


class LocationSerializer(serializers.ModelSerializer[Location]):
    kind = serializers.ChoiceField(choices=LocationKind.choices, read_only=True)
    address = AddressSerializer(read_only=True, allow_null=True)
    geometry = serializers.SerializerMethodField()
    residence_status = serializers.SerializerMethodField(
        help_text="Alleen bij kavels op een vakantiepark: de huidige bewoningsstatus (afgeleid uit de geschiedenis)."
    )

    class Meta:
        model = Location
        fields = ["id", "kind", "name", "address", "geometry", "description", "residence_status"]
        read_only_fields = fields

    @extend_schema_field(GEOJSON_GEOMETRY)
    def get_geometry(self, instance: Location) -> Any:
        return instance.geometry

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_residence_status(self, instance: Location) -> str | None:
        return residence_status_of(instance)


class BusinessSerializer(serializers.ModelSerializer[Business]):
    address = AddressSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Business
        fields = ["id", "kvk_number", "name", "branch", "address"]
        read_only_fields = fields
