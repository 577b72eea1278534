"""REST resources `cases/{id}/members` and `cases/{id}/members/{memberId}`: the case team."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from regie.access.case_access import participating_members
from regie.accounts.models import Organisation
from regie.cases.api.base import CaseScopedView, require
from regie.cases.api.serializers import MemberCreateSerializer, MemberSerializer
from regie.cases.services.team import case_member_add, case_member_remove
from regie.core.api.conventions import wire_names

NOT_TEAM_MANAGER = (
    "Alleen de coördinator of een procesregisseur of projectleider in het team beheert het team."
)
NO_WIDER_GRANT = "U kunt geen gegevenscategorie toekennen die u in deze casus zelf niet mag zien."


class CaseMembers(CaseScopedView):
    """The case team (users and whole organisations) with the data categories each may see."""

    serializer_class = MemberSerializer
    read_action = "case.members_viewed"

    @extend_schema(responses=MemberSerializer(many=True))
    def get(self, request: Request, id: Any) -> Response:
        access = self.case_access()
        members = access.case.members.select_related("user", "organisation")
        if not access.can_manage_team:  # who manages the team also sees memberships that give no access
            members = participating_members(members)
        return self.paginated(members.order_by("created_at", "id"))

    @extend_schema(request=MemberCreateSerializer, responses={201: MemberSerializer})
    def post(self, request: Request, id: Any) -> Response:
        access = self.case_access(log=False)
        require(access.can_manage_team, NOT_TEAM_MANAGER)
        values = self.body(request, MemberCreateSerializer)
        organisation = None
        if "organisation" in values:
            own = self.user.organisation
            organisation = (
                Organisation.objects.filter(
                    pk=values["organisation"], municipality_id=own.municipality_id, active=True
                ).first()
                if own
                else None
            )
            if organisation is None:
                raise serializers.ValidationError({"organisation": "Onbekende organisatie."})
        # Nobody hands out more than they may see themselves: without this a team manager with only
        # `general` could add their own organisation with `care` and so read care notes.
        if not set(values["categories"]) <= access.categories:
            raise serializers.ValidationError({"categories": NO_WIDER_GRANT})
        with wire_names(member="organisation" if organisation else "user"):
            member = case_member_add(
                actor=self.user,
                case=access.case,
                case_role=values["case_role"],
                categories=values["categories"],
                user=values.get("user"),
                organisation=organisation,
                can_edit=values["can_edit"],
                request=request._request,
            )
        return Response(MemberSerializer(member).data, status=status.HTTP_201_CREATED)


class CaseMemberDetail(CaseScopedView):
    """Take a member off the team."""

    serializer_class = MemberSerializer

    @extend_schema(responses={204: None})
    def delete(self, request: Request, id: Any, memberId: Any) -> Response:
        access = self.case_access(log=False)
        member = (
            access.case.members.select_related("user", "organisation", "case").filter(pk=memberId).first()
        )
        if member is None:
            raise Http404
        require(access.can_manage_team, NOT_TEAM_MANAGER)
        case_member_remove(actor=self.user, member=member, request=request._request)
        return Response(status=status.HTTP_204_NO_CONTENT)
