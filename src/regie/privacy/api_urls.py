"""Routes of the privacy API under /api/v1/: plural kebab-case resources, no trailing slash."""

from __future__ import annotations

from django.urls import URLPattern, path

from regie.privacy.api import ProcessingLogList
from regie.privacy.destruction_api import (
    DestructionListApprove,
    DestructionListDestroy,
    DestructionListExclude,
    DestructionListPropose,
    DestructionListReview,
)
from regie.privacy.register_api import (
    DataSubjectRequestDetail,
    DataSubjectRequestList,
    ProcessingActivityDetail,
    ProcessingActivityList,
)
from regie.privacy.retention_api import DestructionListDetail, DestructionListList, RetentionRuleList

urlpatterns: list[URLPattern] = [
    path("processing-log", ProcessingLogList.as_view()),
    path("processing-activities", ProcessingActivityList.as_view()),
    path("processing-activities/<uuid:id>", ProcessingActivityDetail.as_view()),
    path("data-subject-requests", DataSubjectRequestList.as_view()),
    path("data-subject-requests/<uuid:id>", DataSubjectRequestDetail.as_view()),
    path("retention-rules", RetentionRuleList.as_view()),
    path("destruction-lists", DestructionListList.as_view()),
    path("destruction-lists/<uuid:id>", DestructionListDetail.as_view()),
    path("destruction-lists/proposals", DestructionListPropose.as_view()),
    path("destruction-lists/<uuid:id>/exclusions", DestructionListExclude.as_view()),
    path("destruction-lists/<uuid:id>/review", DestructionListReview.as_view()),
    path("destruction-lists/<uuid:id>/approval", DestructionListApprove.as_view()),
    path("destruction-lists/<uuid:id>/destruction", DestructionListDestroy.as_view()),
]
