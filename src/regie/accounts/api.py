"""REST resources `organisations` and `users/me`."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from regie.accounts import selectors
from regie.accounts.models import Organisation, User


class OrganisationSerializer(serializers.ModelSerializer[Organisation]):
    kind = serializers.ChoiceField(choices=["afdeling", "partner"], help_text="afdeling of partner")

    class Meta:
        model = Organisation
        fields = ["id", "name", "kind", "partner_type", "email", "phone", "active"]


class OrganisationList(generics.ListAPIView[Organisation]):
    """Departments and partner organisations (contact details are organisational, not personal)."""

    serializer_class = OrganisationSerializer
    required_permission = "organisations.view"

    def get_queryset(self) -> Any:
        return selectors.organisation_list()


class OrganisationDetail(generics.RetrieveAPIView[Organisation]):
    serializer_class = OrganisationSerializer
    required_permission = "organisations.view"
    lookup_field = "pk"

    def get_queryset(self) -> Any:
        return selectors.organisation_list()


class MeSerializer(serializers.ModelSerializer[User]):
    organisation = OrganisationSerializer(read_only=True)
    role_label = serializers.CharField(read_only=True)
    full_name = serializers.CharField(source="get_full_name", read_only=True)

    class Meta:
        model = User
        fields = ["username", "full_name", "email", "role", "role_label", "organisation"]


class Me(APIView):
    """The signed-in user: who the API sees you as, and with which role."""

    required_permission = "self.view"

    @extend_schema(responses=MeSerializer, operation_id="users_me_retrieve")
    def get(self, request: Request) -> Response:
        return Response(MeSerializer(request.user).data)  # type: ignore[arg-type]  # IsAuthenticated ran
