"""REST resources `search` and `hit-checks`: both through the access door, both logged.

A search returns only persons and cases the caller may see (cases found by words in notes only of categories
the caller may see in that case). A hit-check answers known / not known and whom to contact — never a case
number, type or content.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from regie.access.subject_access import may_see_bsn
from regie.cases.api.subject_serializers import CaseRefSerializer, PersonSerializer
from regie.core.api.casing import snakify
from regie.search.hit_check import hit_check
from regie.search.selectors import MAX_QUERY, search_all


class SearchQuery(serializers.Serializer[Any]):
    q = serializers.CharField(max_length=MAX_QUERY, error_messages={"blank": "Vul een zoekterm in."})


class SearchResultSerializer(serializers.Serializer[Any]):
    persons = PersonSerializer(many=True, read_only=True)
    cases = CaseRefSerializer(many=True, read_only=True)


class HitCheckQuestion(serializers.Serializer[Any]):
    """Ask by `bsn`, or by `surname` (with `prefix` and `givenNames` when known) and `birthDate` together."""

    bsn = serializers.CharField(required=False, allow_blank=True, max_length=20)
    surname = serializers.CharField(required=False, allow_blank=True, max_length=120)
    prefix = serializers.CharField(required=False, allow_blank=True, max_length=20)
    given_names = serializers.CharField(required=False, allow_blank=True, max_length=120)
    birth_date = serializers.DateField(required=False, allow_null=True)


class ContactSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(read_only=True)
    organisation = serializers.CharField(read_only=True)
    phone = serializers.CharField(read_only=True)
    email = serializers.CharField(read_only=True)


class HitCheckAnswerSerializer(serializers.Serializer[Any]):
    known = serializers.BooleanField(read_only=True)
    contacts = ContactSerializer(many=True, read_only=True, help_text="Wie u kunt bellen; nooit inhoud")


class Search(APIView):
    """One search box: persons and cases you may see (at most 20 of each); the search is logged."""

    required_permission = "search.use"

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "q",
                str,
                required=True,
                description="Naam, geboortedatum, postcode + huisnummer, casusnummer, woorden uit notities "
                "of (als u BSN's mag zien) BSN",
            )
        ],
        responses=SearchResultSerializer,
    )
    def get(self, request: Request) -> Response:
        query = SearchQuery(data=snakify(dict(request.query_params.items())))
        query.is_valid(raise_exception=True)
        found = search_all(request.user, query.validated_data["q"], request=request._request)
        context = {"show_bsn": may_see_bsn(request.user)}
        return Response(
            SearchResultSerializer({"persons": found.persons, "cases": found.cases}, context=context).data
        )


class HitCheck(APIView):
    """Is this person known in a current case, and whom to contact? Never which case; the question is logged."""

    required_permission = "hit_checks.ask"

    @extend_schema(request=HitCheckQuestion, responses={200: HitCheckAnswerSerializer})
    def post(self, request: Request) -> Response:
        question = HitCheckQuestion(data=request.data)
        question.is_valid(raise_exception=True)
        values = question.validated_data
        answer = hit_check(
            actor=request.user,
            bsn=values.get("bsn", ""),
            surname=values.get("surname", ""),
            prefix=values.get("prefix", ""),
            given_names=values.get("given_names", ""),
            birth_date=values.get("birth_date"),
            request=request._request,
        )
        return Response(HitCheckAnswerSerializer(answer).data)
