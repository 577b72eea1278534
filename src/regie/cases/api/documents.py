"""REST resources `cases/{id}/documents` and `cases/{id}/documents/{documentId}/content`.

Uploads are multipart (`file`, `category`, `title`, `documentType`); the service sniffs the type from the bytes
and enforces the size limit. The bytes are only served through `get_document_for`, which logs the download.
"""

from __future__ import annotations

from typing import Any

from django.http import FileResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.parsers import DataAndFiles, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from regie.access.case_access import documents_for, get_document_for
from regie.cases.api.base import CaseScopedView
from regie.cases.api.serializers import DocumentCreateSerializer, DocumentSerializer
from regie.cases.services.documents import ALLOWED_TYPES, document_path, document_upload
from regie.core.api.casing import to_snake


class CamelCaseMultiPartParser(MultiPartParser):
    """multipart/form-data with camelCase part names, handed to serializers in snake_case."""

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> DataAndFiles:
        parsed = super().parse(stream, media_type, parser_context)
        data = parsed.data.copy()
        for key in list(data.keys()):
            values = data.pop(key)
            data.setlist(to_snake(key), values)
        files = parsed.files.copy()
        for key in list(files.keys()):
            values = files.pop(key)
            files.setlist(to_snake(key), values)
        return DataAndFiles(data, files)


class CaseDocuments(CaseScopedView):
    """Documents of the categories you may see; upload one (PDF, PNG, JPEG, Word, Excel, ODT, text)."""

    serializer_class = DocumentSerializer
    read_action = "case.documents_viewed"
    parser_classes = [CamelCaseMultiPartParser]

    @extend_schema(responses=DocumentSerializer(many=True))
    def get(self, request: Request, id: Any) -> Response:
        return self.paginated(documents_for(self.case_access()).order_by("-created_at", "id"))

    @extend_schema(request=DocumentCreateSerializer, responses={201: DocumentSerializer})
    def post(self, request: Request, id: Any) -> Response:
        access = self.case_access(log=False)
        values = self.body(request, DocumentCreateSerializer)
        upload = values["file"]
        document = document_upload(
            actor=self.user,
            access=access,
            category=values["category"],
            title=values["title"],
            document_type=values["document_type"],
            filename=upload.name or "document",
            content=upload,
            request=request._request,
        )
        return Response(DocumentSerializer(document).data, status=status.HTTP_201_CREATED)


class DocumentContent(CaseScopedView):
    """The document's bytes, as stored (served as an attachment, never rendered inline)."""

    serializer_class = DocumentSerializer

    @extend_schema(
        responses={
            (200, media_type): OpenApiResponse(
                OpenApiTypes.BINARY,
                description="De inhoud; Content-Type is het gesnoven type van het bestand.",
            )
            for media_type in ALLOWED_TYPES  # the only types an upload is stored with
        }
    )
    def get(self, request: Request, id: Any, documentId: Any) -> FileResponse:
        _, document = get_document_for(self.user, id, documentId, request=request._request)
        return FileResponse(
            document_path(document).open("rb"),
            as_attachment=True,
            filename=document.filename,
            content_type=document.content_type,
        )
