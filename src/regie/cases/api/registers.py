"""REST actions on the BRP and the BAG (issue 21): `persons/{id}/brp-refreshes` ('BRP bijwerken' on a person),
`address-lookups` (an address by postcode and house number in the BAG, with its BAG ids) and
`addresses/{id}/bag-checks` (a stored address checked in the BAG). A register that fails or
is not connected answers 502/503 problem+json with a Dutch detail; nothing is changed then."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from regie.access.policy import request_user
from regie.access.subject_access import get_address_for, get_person_for
from regie.cases.services.person_brp import PURPOSE, may_refresh_from_brp, person_brp_refresh
from regie.core.api.casing import snakify
from regie.core.api.conventions import require
from regie.integrations.bag import BagClient, BagError, check_lookup
from regie.subjects.services import RegisterUnavailable, address_bag_check

# A register that fails answers 502 (503 when not connected, which every operation documents already).
REGISTER_FAILED = OpenApiResponse(
    description="Het register (BRP of BAG) gaf een fout; er is niets gewijzigd."
)


def register_failure(message: str, status: int) -> exceptions.APIException:
    failure = exceptions.APIException(message)
    failure.status_code = status
    return failure


class BrpRefreshSerializer(serializers.Serializer[Any]):
    person_id = serializers.UUIDField()
    purpose = serializers.CharField(help_text="De doelbinding waarmee de BRP is bevraagd.")
    retrieved_at = serializers.DateTimeField()


class PersonBrpRefreshes(generics.GenericAPIView[Any]):
    """Update a person's name, birth date and home address from the BRP (by BSN, only the fields this purpose needs)."""

    required_permission = "persons.edit"
    serializer_class = BrpRefreshSerializer

    @extend_schema(request=None, responses={201: BrpRefreshSerializer, 502: REGISTER_FAILED})
    def post(self, request: Request, id: Any) -> Response:
        person = get_person_for(request.user, id, request=request._request)
        require(
            may_refresh_from_brp(request.user, person),
            "U mag de BRP-gegevens van deze persoon niet bijwerken.",
        )
        try:
            retrieval = person_brp_refresh(
                actor=request_user(request._request), person=person, request=request._request
            )
        except RegisterUnavailable as exc:
            raise register_failure(exc.message, exc.status) from None
        body = {"person_id": person.pk, "purpose": PURPOSE.code, "retrieved_at": retrieval.retrieved_at}
        return Response(BrpRefreshSerializer(body).data, status=201)


class AddressLookupQuery(serializers.Serializer[Any]):
    postcode = serializers.CharField(max_length=7)
    house_number = serializers.IntegerField(min_value=1, max_value=99999)
    house_letter = serializers.CharField(max_length=1, required=False, allow_blank=True)
    addition = serializers.CharField(max_length=4, required=False, allow_blank=True)


class AddressLookupSerializer(serializers.Serializer[Any]):
    postcode = serializers.CharField()
    house_number = serializers.IntegerField()
    house_letter = serializers.CharField()
    addition = serializers.CharField()
    street = serializers.CharField()
    city = serializers.CharField()
    nummeraanduiding_id = serializers.CharField(help_text="BAG-nummeraanduiding (16 cijfers).")
    adresseerbaar_object_id = serializers.CharField(
        help_text="BAG-verblijfsobject, -standplaats of -ligplaats."
    )


class AddressLookups(generics.GenericAPIView[Any]):
    """Look an address up in the BAG by postcode and house number (exact match on letter and addition); an empty
    list when the BAG knows no such address. Reads no personal data."""

    required_permission = "persons.edit"
    serializer_class = AddressLookupSerializer

    @extend_schema(
        parameters=[AddressLookupQuery],
        responses={200: AddressLookupSerializer(many=True), 502: REGISTER_FAILED},
    )
    def get(self, request: Request) -> Response:
        query = AddressLookupQuery(data=snakify(dict(request.query_params.items())))
        query.is_valid(raise_exception=True)
        data = query.validated_data
        args = (
            data["postcode"],
            data["house_number"],
            data.get("house_letter", ""),
            data.get("addition", ""),
        )
        try:
            check_lookup(*args)  # bad input is a 400 whether or not the BAG is connected
            found = BagClient.from_settings().lookup(*args)
        except BagError as error:
            if error.kind == "invalid":
                raise exceptions.ValidationError({error.field: [error.message]}) from None
            raise register_failure(error.message, 503 if error.kind == "not-configured" else 502) from None
        return Response(AddressLookupSerializer([vars(a) for a in found], many=True).data)


class BagCheckSerializer(serializers.Serializer[Any]):
    address_id = serializers.UUIDField()
    nummeraanduiding_id = serializers.CharField()
    adresseerbaar_object_id = serializers.CharField()
    checked_at = serializers.DateTimeField()


class AddressBagChecks(generics.GenericAPIView[Any]):
    """Check a stored address in the BAG and store its BAG ids (the nummeraanduiding and the verblijfsobject); on no
    match (400) or a failing BAG (502/503) nothing changes."""

    required_permission = "persons.edit"
    serializer_class = BagCheckSerializer

    @extend_schema(request=None, responses={201: BagCheckSerializer, 502: REGISTER_FAILED})
    def post(self, request: Request, id: Any) -> Response:
        address = get_address_for(request.user, id, request=request._request)
        try:
            address = address_bag_check(
                actor=request_user(request._request), address=address, request=request._request
            )
        except RegisterUnavailable as exc:
            raise register_failure(exc.message, exc.status) from None
        body = {
            "address_id": address.pk,
            "nummeraanduiding_id": address.bag_id,
            "adresseerbaar_object_id": address.bag_object_id,
            "checked_at": address.bag_checked_at,
        }
        return Response(BagCheckSerializer(body).data, status=201)
