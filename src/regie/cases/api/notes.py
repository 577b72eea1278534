"""REST resource `cases/{id}/notes`: only notes of the data categories the caller may see in the case."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from regie.access.case_access import notes_for
from regie.cases.api.base import CaseScopedView
from regie.cases.api.serializers import NoteCreateSerializer, NoteSerializer
from regie.cases.services.notes import note_create


class CaseNotes(CaseScopedView):
    """Notes of the categories you may see (newest first); add a note in one of those categories."""

    serializer_class = NoteSerializer
    read_action = "case.notes_viewed"

    @extend_schema(responses=NoteSerializer(many=True))
    def get(self, request: Request, id: Any) -> Response:
        return self.paginated(notes_for(self.case_access()).order_by("-created_at", "id"))

    @extend_schema(request=NoteCreateSerializer, responses={201: NoteSerializer})
    def post(self, request: Request, id: Any) -> Response:
        access = self.case_access(log=False)
        values = self.body(request, NoteCreateSerializer)
        note = note_create(
            actor=self.user,
            access=access,
            category=values["category"],
            text=values["text"],
            request=request._request,
        )
        return Response(NoteSerializer(note).data, status=status.HTTP_201_CREATED)
