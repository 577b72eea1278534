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


class MandateAuthority(models.TextChoices):
    COLLEGE = "college", "Het college van burgemeester en wethouders"
    MAYOR = "burgemeester", "De burgemeester"


class Mandate(BaseModel):
    """Who signs a letter for the college or the mayor (a row of the mandate register, a policy table).

    A row with an empty letter code covers every letter of that authority; a row for one letter code goes before
    it. The row valid on the letter's date signs; a new row from a later date takes over, older letters keep theirs.
    """

    authority = models.CharField("bestuursorgaan", max_length=20, choices=MandateAuthority.choices)
    letter_code = models.SlugField("brief", max_length=60, blank=True)
    signatory_name = models.CharField("naam ondertekenaar", max_length=120)
    signatory_function = models.CharField("functie ondertekenaar", max_length=120)
    mandate_reference = models.CharField("mandaatbesluit", max_length=200)
    valid_from = models.DateField("geldig vanaf")
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "mandaat"
        ordering = ["authority", "letter_code", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "letter_code", "valid_from"], name="mandate_unique_from"
            )
        ]

    def __str__(self) -> str:
        return f"{self.signatory_name} ({self.signatory_function})"
