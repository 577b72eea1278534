"""REST resource `cases/{id}/timeline`: the case's history, only events of categories the caller may see."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from regie.access.case_access import timeline_for
from regie.cases.api.base import CaseScopedView
from regie.cases.api.serializers import TimelineEventSerializer


class CaseTimeline(CaseScopedView):
    """What happened in the case, newest first."""

    serializer_class = TimelineEventSerializer
    read_action = "case.timeline_viewed"

    @extend_schema(responses=TimelineEventSerializer(many=True))
    def get(self, request: Request, id: Any) -> Response:
        return self.paginated(timeline_for(self.case_access()).order_by("-at", "id"))
