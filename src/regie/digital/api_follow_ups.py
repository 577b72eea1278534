"""Staff API `victim-follow-ups`: the call-back requests residents made after online crime, and their checklist.

Personal data, so every read goes through the door `access.digital_access` (the municipality's process directors
and project leaders; the same 404 for missing and not yours) and is logged naming the person. A withdrawn request
stays listed as an anonymised line. Recording the checklist takes the version you read (a stale one is a 409).
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from regie.access.digital_access import follow_up_get, follow_up_list
from regie.accounts.models import User
from regie.core.api.conventions import wire_names
from regie.digital.models import FollowUpStatus, VictimFollowUp
from regie.digital.services.follow_ups import follow_up_record


class FollowUpSerializer(serializers.ModelSerializer[VictimFollowUp]):
    name = serializers.SerializerMethodField(help_text="Naam zoals de inwoner die gaf; leeg na intrekken.")
    status = serializers.ChoiceField(choices=FollowUpStatus.choices, read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    signal = serializers.CharField(source="signal.reference", allow_null=True, default=None, read_only=True)
    # Plain text, not format email: it is empty when the resident gave none or withdrew.
    email = serializers.CharField(read_only=True, help_text="E-mailadres van de inwoner; leeg als er geen is.")

    class Meta:
        model = VictimFollowUp
        fields = [
            "id", "reference", "status", "status_label", "situation", "name", "phone", "email", "story",
            "consent_version", "consented_at", "withdrawn_at", "first_contact_due", "first_contact_on", "referral",
            "second_contact_due", "second_contact_on", "staff_note", "signal", "version",
        ]  # fmt: skip
        read_only_fields = fields

    def get_name(self, item: VictimFollowUp) -> str:
        if item.status == FollowUpStatus.WITHDRAWN or item.person is None:
            return ""
        return str(item.person)


class FollowUpRecordSerializer(serializers.Serializer[Any]):
    version = serializers.IntegerField(min_value=1, help_text="De versie die u las; een oudere geeft 409.")
    first_contact_on = serializers.DateField(required=False, allow_null=True, default=None)
    referral = serializers.CharField(required=False, allow_blank=True, max_length=200, default="")
    second_contact_on = serializers.DateField(required=False, allow_null=True, default=None)
    staff_note = serializers.CharField(required=False, allow_blank=True, max_length=4000, default="")


class StatusQuerySerializer(serializers.Serializer[Any]):
    status = serializers.ChoiceField(choices=FollowUpStatus.choices, required=False)


def _user(request: Request) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


class FollowUpList(APIView):
    """The follow-ups of your municipality, oldest first-contact deadline first (at most 200)."""

    required_permission = "digital.follow_ups"

    @extend_schema(
        parameters=[OpenApiParameter("status", str, description="Alleen deze stand, bijv. nieuw of gebeld")],
        responses={200: FollowUpSerializer(many=True)},
    )
    def get(self, request: Request) -> Response:
        query = StatusQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        rows = follow_up_list(
            user=_user(request), request=request._request, status=query.validated_data.get("status", "")
        )
        return Response(FollowUpSerializer(rows, many=True).data)


class FollowUpDetail(APIView):
    """One follow-up; record its checklist (first contact, referral, second contact) with the version you read."""

    required_permission = "digital.follow_ups"

    @extend_schema(responses={200: FollowUpSerializer})
    def get(self, request: Request, id: Any) -> Response:
        item = follow_up_get(user=_user(request), follow_up_id=id, request=request._request)
        return Response(FollowUpSerializer(item).data)

    @extend_schema(request=FollowUpRecordSerializer, responses={200: FollowUpSerializer})
    def patch(self, request: Request, id: Any) -> Response:
        user = _user(request)
        item = follow_up_get(user=user, follow_up_id=id, request=request._request, log=False)
        body = FollowUpRecordSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        values = body.validated_data
        with wire_names(
            first_contact_on="firstContactOn", second_contact_on="secondContactOn", staff_note="staffNote"
        ):
            changed = follow_up_record(
                actor=user,
                follow_up=item,
                version=values["version"],
                first_contact_on=values["first_contact_on"],
                referral=values["referral"],
                second_contact_on=values["second_contact_on"],
                staff_note=values["staff_note"],
                request=request._request,
            )
        changed.person = item.person
        changed.signal = item.signal
        return Response(FollowUpSerializer(changed).data)
