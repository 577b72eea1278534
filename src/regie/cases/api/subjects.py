"""REST resources `persons`, `addresses`, `locations` and `businesses`: only what the access door lets through.

Collections are for roles that work on cases (403 otherwise); one subject by id is a 404 alike for "does not
exist" and "not yours". Every read of personal data lands in the processing log.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from regie.access.case_access import cases_visible_to
from regie.access.location_access import locations_visible_to
from regie.access.subject_access import (
    addresses_visible_to,
    businesses_visible_to,
    get_address_for,
    get_person_for,
    log_read,
    may_see_bsn,
    persons_visible_to,
)
from regie.cases.api.subject_serializers import (
    AddressSerializer,
    BusinessSerializer,
    LocationSerializer,
    PersonDetailSerializer,
    PersonSerializer,
)
from regie.core.api.casing import snakify
from regie.core.ids import uuid_or_404
from regie.subjects.extensions import with_residence_status
from regie.subjects.models import Address, Business, Location, LocationKind, Person
from regie.subjects.selectors import MAX_QUERY, search_persons

PERSONS_PER_QUERY = 100


class PersonQuery(serializers.Serializer[Any]):
    q = serializers.CharField(required=False, allow_blank=True, max_length=MAX_QUERY)


class LocationQuery(serializers.Serializer[Any]):
    kind = serializers.ChoiceField(choices=LocationKind.choices, required=False)


def _query(request: Request, serializer_class: type[serializers.Serializer[Any]]) -> dict[str, Any]:
    query = serializer_class(data=snakify(dict(request.query_params.items())))
    query.is_valid(raise_exception=True)
    return dict(query.validated_data)


class SubjectList(generics.ListAPIView[Any]):
    """A collection of subjects through the door; the page a user got is logged with the persons it shows
    (`log_read`: the persons on it, the residents of its addresses and locations) and any emergency access."""

    required_permission = "subjects.view"
    log_action = ""
    shown_as = ""  # the `log_read` argument the page's ids are passed as

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        assert page is not None  # every collection is paginated
        shown: dict[str, Any] = {self.shown_as: [subject.pk for subject in page]}
        log_read(
            request.user,
            action=self.log_action,
            request=request._request,
            object_type=self.log_action.split(".")[0],
            details={"count": len(page), "via": "api"},
            **shown,
        )
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


@extend_schema(
    parameters=[
        OpenApiParameter(
            "q",
            str,
            description="Zoek op naam, geboortedatum, postcode + huisnummer of (als u BSN's mag zien) BSN; "
            f"hoogstens {PERSONS_PER_QUERY} resultaten.",
        )
    ]
)
class PersonList(SubjectList):
    """Persons in the cases you may see; `bsn` only for users who may see BSNs."""

    serializer_class = PersonSerializer
    log_action = "person.listed"
    shown_as = "person_ids"

    def get_queryset(self) -> QuerySet[Person]:
        q = _query(self.request, PersonQuery).get("q", "").strip()
        if q:
            return search_persons(self.request.user, q, limit=PERSONS_PER_QUERY)
        return persons_visible_to(self.request.user).select_related("address").order_by("sort_name", "id")

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "show_bsn": may_see_bsn(self.request.user)}


class PersonDetail(generics.GenericAPIView[Person]):
    """One person, with only the cases you may see; `bsn` only for users who may see BSNs."""

    required_permission = "case_data.lookup"
    serializer_class = PersonDetailSerializer

    def get(self, request: Request, id: Any) -> Response:
        person = get_person_for(request.user, id, request=request._request)
        cases = (
            cases_visible_to(request.user)
            .filter(subjects__person=person)
            .select_related("case_type")
            .distinct()
            .order_by("number")
        )
        context = {"request": request, "show_bsn": may_see_bsn(request.user), "cases": list(cases)}
        return Response(PersonDetailSerializer(person, context=context).data)


class AddressList(SubjectList):
    """Addresses in the cases you may see, and the home addresses of persons you may see."""

    serializer_class = AddressSerializer
    log_action = "address.listed"
    shown_as = "address_ids"

    def get_queryset(self) -> QuerySet[Address]:
        return addresses_visible_to(self.request.user).order_by("postcode", "house_number", "id")


class AddressDetail(generics.GenericAPIView[Address]):
    required_permission = "case_data.lookup"
    serializer_class = AddressSerializer

    def get(self, request: Request, id: Any) -> Response:
        return Response(AddressSerializer(get_address_for(request.user, id, request=request._request)).data)


@extend_schema(
    parameters=[OpenApiParameter("kind", str, enum=LocationKind.values, description="Soort locatie")]
)
class LocationList(SubjectList):
    """Locations (park lots, business units, farm sheds, areas) in the cases you may see."""

    serializer_class = LocationSerializer
    log_action = "location.listed"
    shown_as = "location_ids"

    def get_queryset(self) -> QuerySet[Location]:
        kind = _query(self.request, LocationQuery).get("kind")
        qs = locations_visible_to(self.request.user, kind=kind)
        return with_residence_status(qs.select_related("address")).order_by("kind", "name", "id")


def _one(queryset: QuerySet[Any], object_id: object) -> Any:
    found = queryset.filter(pk=uuid_or_404(object_id)).first()
    if found is None:
        raise Http404
    return found


class LocationDetail(generics.GenericAPIView[Location]):
    """One location; its geometry is GeoJSON."""

    required_permission = "case_data.lookup"
    serializer_class = LocationSerializer

    def get(self, request: Request, id: Any) -> Response:
        location = _one(locations_visible_to(request.user).select_related("address"), id)
        log_read(
            request.user,
            action="location.viewed",
            request=request._request,
            object_type="location",
            object_id=location.pk,
            location_ids=[location.pk],
        )
        return Response(LocationSerializer(location).data)


class BusinessList(SubjectList):
    """Businesses in the cases you may see."""

    serializer_class = BusinessSerializer
    log_action = "business.listed"
    shown_as = "business_ids"

    def get_queryset(self) -> QuerySet[Business]:
        return businesses_visible_to(self.request.user).select_related("address").order_by("name", "id")


class BusinessDetail(generics.GenericAPIView[Business]):
    required_permission = "case_data.lookup"
    serializer_class = BusinessSerializer

    def get(self, request: Request, id: Any) -> Response:
        business = _one(businesses_visible_to(request.user).select_related("address"), id)
        log_read(
            request.user,
            action="business.viewed",
            request=request._request,
            object_type="business",
            object_id=business.pk,
            business_ids=[business.pk],
        )
        return Response(BusinessSerializer(business).data)
