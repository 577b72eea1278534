"""Letter templates (uploaded and versioned by the functional administrator) and the letters generated."""

from __future__ import annotations

from django.db import models

from regie.core.models import BaseModel


class LetterTemplate(BaseModel):
    """One version of a .docx template (docxtpl); the highest version of a code is the one in use."""

    code = models.SlugField("briefcode", max_length=60)
    version = models.PositiveIntegerField("versie")
    filename = models.CharField("bestandsnaam", max_length=200)
    content = models.BinaryField("inhoud")
    sha256 = models.CharField(max_length=64)
    merge_fields = models.JSONField("samenvoegvelden", default=list)
    note = models.CharField("toelichting", max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "briefsjabloon"
        ordering = ["code", "-version"]
        constraints = [models.UniqueConstraint(fields=["code", "version"], name="letter_template_version")]

    def __str__(self) -> str:
        return f"{self.code} v{self.version}"


class Letter(BaseModel):
    """A generated letter: which template version, for whom, and the case document it was stored as."""

    procedure = models.ForeignKey("procedures.Procedure", on_delete=models.CASCADE, related_name="letters")
    transition = models.ForeignKey(
        "procedures.Transition", on_delete=models.PROTECT, null=True, blank=True, related_name="letters"
    )
    code = models.SlugField(max_length=60)
    label = models.CharField(max_length=160)
    template_version = models.PositiveIntegerField()
    addressee = models.ForeignKey(
        "procedures.Addressee", on_delete=models.PROTECT, null=True, blank=True, related_name="letters"
    )
    document = models.ForeignKey("cases.Document", on_delete=models.PROTECT, related_name="+")
    created_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "brief"
        ordering = ["-created_at"]
