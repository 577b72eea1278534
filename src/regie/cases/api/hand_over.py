"""REST resource `cases/{id}/zaak-hand-over`: the case's hand-over to the zaaksysteem (Zaken API)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from regie.access.case_access import documents_for
from regie.accounts.models import User
from regie.cases.api.base import CaseScopedView, require
from regie.cases.models import CaseHandOver
from regie.cases.services.hand_over import NOT_ALLOWED, HandOverFailed, case_hand_over


class HandOverSerializer(serializers.ModelSerializer[CaseHandOver]):
    handed_over_by = serializers.CharField(source="handed_over_by.username", read_only=True)
    documents = serializers.SerializerMethodField(
        help_text="Ids van de documenten die zijn meegegaan, voor zover u ze mag zien"
    )

    def get_documents(self, hand_over: CaseHandOver) -> list[str]:
        """Only documents of the categories this user holds on the case (the door's `documents_for`): a
        colleague's hand-over may have sent care documents a partner on the team must not even know exist."""
        access = self.context.get("access")
        if access is None:
            return []
        sent = hand_over.documents.filter(document_id__in=documents_for(access).values("pk"))
        return [str(pk) for pk in sent.order_by("created_at").values_list("document_id", flat=True)]

    class Meta:
        model = CaseHandOver
        fields = [
            "zaak_url",
            "identificatie",
            "statustype",
            "handed_over_at",
            "handed_over_by",
            "times",
            "persons",
            "documents",
        ]
        read_only_fields = fields


class HandOverRequest(serializers.Serializer[Any]):
    documents = serializers.ListField(
        child=serializers.CharField(max_length=100),
        required=False,
        default=list,
        help_text=(
            "Ids van documenten van de casus die meegaan (hoogstens 20, alleen documenten die u mag zien); "
            "een document dat al eerder meeging, gaat niet opnieuw"
        ),
    )


class HandOverState(serializers.Serializer[Any]):
    handed_over = serializers.BooleanField(help_text="Of de casus ooit is overgedragen")
    last = HandOverSerializer(allow_null=True, help_text="De laatste geslaagde overdracht")


class CaseZaakHandOver(CaseScopedView):
    """GET: the last successful hand-over. POST (optionally `documents`: ids of the case's documents to send
    along): hand the case over; again: update the same zaak and send only documents not sent before.

    A failure changes nothing in Regie and is a problem+json: 400 (bad document ids), 404 (a document that does not
    exist or that the user may not see), 409 (no zaaktype, or no informatieobjecttype for documents), 502 (the
    zaaksysteem refused or failed), 503 (not set up or unreachable).
    """

    serializer_class = HandOverState

    @extend_schema(responses=HandOverState)
    def get(self, request: Request, id: Any) -> Response:
        access = self.case_access()
        last = CaseHandOver.objects.filter(case=access.case).select_related("handed_over_by").first()
        shown = HandOverSerializer(last, context={"access": access}).data if last else None
        return Response({"handed_over": last is not None, "last": shown})

    @extend_schema(
        request=HandOverRequest,
        responses={
            200: HandOverState,
            400: OpenApiResponse(description="Ongeldige keuze van documenten"),
            404: OpenApiResponse(description="Een gekozen document bestaat niet of u mag het niet zien"),
            409: OpenApiResponse(
                description="Voor het casustype is nog geen zaaktype (of informatieobjecttype) ingesteld"
            ),
            502: OpenApiResponse(description="Het zaaksysteem weigerde de overdracht of gaf een storing"),
            503: OpenApiResponse(description="Er is geen zaaksysteem ingesteld, of het is niet bereikbaar"),
        },
    )
    def post(self, request: Request, id: Any) -> Response:
        access = self.case_access(log=False)
        require(access.can_edit, NOT_ALLOWED)
        actor = self.user
        assert isinstance(actor, User)
        # A JSON body names the documents; a POST without one (as before documents could go along) hands over none.
        is_json = (request.content_type or "").split(";")[0].strip() == "application/json"
        body = HandOverRequest(data=request.data if is_json else {})
        body.is_valid(raise_exception=True)
        try:
            done = case_hand_over(
                actor=actor,
                access=access,
                document_ids=body.validated_data["documents"],
                request=request._request,
            )
        except HandOverFailed as exc:
            problem = exceptions.APIException(exc.message)
            problem.status_code = exc.status
            raise problem from exc
        return Response({"handed_over": True, "last": HandOverSerializer(done, context={"access": access}).data})
