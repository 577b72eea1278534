"""Routes under /api/v1/ for cases and for the persons, addresses, locations and businesses of the cases a user
may see: plural kebab-case, no trailing slash, uuid ids."""

from __future__ import annotations

from django.urls import path

from regie.cases.api import subjects
from regie.cases.api.cases import CaseDetail, CaseList
from regie.cases.api.documents import CaseDocuments, DocumentContent
from regie.cases.api.hand_over import CaseZaakHandOver
from regie.cases.api.members import CaseMemberDetail, CaseMembers
from regie.cases.api.notes import CaseNotes
from regie.cases.api.registers import AddressBagChecks, AddressLookups, PersonBrpRefreshes
from regie.cases.api.tasks import CaseTasks, TaskCompletion
from regie.cases.api.timeline import CaseTimeline

urlpatterns = [
    path("cases", CaseList.as_view()),
    path("cases/<uuid:id>", CaseDetail.as_view()),
    path("cases/<uuid:id>/notes", CaseNotes.as_view()),
    path("cases/<uuid:id>/tasks", CaseTasks.as_view()),
    path("cases/<uuid:id>/tasks/<uuid:taskId>/completion", TaskCompletion.as_view()),
    path("cases/<uuid:id>/members", CaseMembers.as_view()),
    path("cases/<uuid:id>/members/<uuid:memberId>", CaseMemberDetail.as_view()),
    path("cases/<uuid:id>/documents", CaseDocuments.as_view()),
    path("cases/<uuid:id>/documents/<uuid:documentId>/content", DocumentContent.as_view()),
    path("cases/<uuid:id>/timeline", CaseTimeline.as_view()),
    path("cases/<uuid:id>/zaak-hand-over", CaseZaakHandOver.as_view()),
    path("persons", subjects.PersonList.as_view()),
    path("persons/<uuid:id>", subjects.PersonDetail.as_view()),
    path("persons/<uuid:id>/brp-refreshes", PersonBrpRefreshes.as_view()),
    path("address-lookups", AddressLookups.as_view()),
    path("addresses", subjects.AddressList.as_view()),
    path("addresses/<uuid:id>", subjects.AddressDetail.as_view()),
    path("addresses/<uuid:id>/bag-checks", AddressBagChecks.as_view()),
    path("locations", subjects.LocationList.as_view()),
    path("locations/<uuid:id>", subjects.LocationDetail.as_view()),
    path("businesses", subjects.BusinessList.as_view()),
    path("businesses/<uuid:id>", subjects.BusinessDetail.as_view()),
]
