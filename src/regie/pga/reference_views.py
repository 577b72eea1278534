"""The beheerder's pages for the PGA reference data: the screening checklist with the local target-group rules, and
the versions of the Zelfredzaamheid-Matrix. Each save makes a new version; referrals keep the checklist they were
made under and PGA cases the matrix they were opened with. The beheerder sees no case here."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from regie.access.policy import request_user, requires
from regie.cases.models import DataCategory
from regie.core.html.form_view import handle_form
from regie.pga.forms import PgaForm
from regie.pga.models import ScreeningChecklist, ZrmDomain, ZrmVersion
from regie.pga.screening import ALL_OF, ON_ITS_OWN
from regie.pga.services.reference import (
    DomainLine,
    Line,
    checklist_create,
    checklist_in_force,
    zrm_in_force,
    zrm_version_create,
)

HOME = {"label": "Persoonsgerichte aanpak: instellingen", "url": "/pga/beheer"}
# "algemeen", "zorg", "justitie" (the first word of the category's label), or the code itself.
CATEGORY_WORD = {code: str(label).split(" ")[0].lower() for code, label in DataCategory.choices}
CATEGORY_BY_LABEL = {word: code for code, word in CATEGORY_WORD.items()} | {c: c for c in DataCategory.values}
LINES = forms.Textarea(attrs={"rows": 7})


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class ChecklistForm(PgaForm):
    label = forms.CharField(label="Naam van de nieuwe versie", max_length=120)
    together = forms.CharField(
        label="Criteria die samen vervuld moeten zijn",
        widget=LINES,
        required=False,
        max_length=4000,
        help_text="Eén criterium per regel.",
    )
    alone = forms.CharField(
        label="Criteria die op zichzelf volstaan",
        widget=LINES,
        required=False,
        max_length=2000,
        help_text="Eén criterium per regel, bijvoorbeeld een ernstig lokaal veiligheidsprobleem.",
    )
    local_rules = forms.CharField(
        label="Lokale doelgroepregels",
        widget=LINES,
        required=False,
        max_length=2000,
        help_text="Eén regel per regel; elke lokale regel moet altijd vervuld zijn (bijvoorbeeld: woont in de "
        "gemeente).",
    )


class MatrixForm(PgaForm):
    code = forms.CharField(
        label="Code van de nieuwe versie",
        max_length=40,
        help_text="Kleine letters, cijfers en streepjes, bijvoorbeeld zrm-jeugd.",
    )
    label = forms.CharField(label="Naam", max_length=120)
    domains = forms.CharField(
        label="Leefdomeinen",
        widget=forms.Textarea(attrs={"rows": 14}),
        max_length=4000,
        help_text="Eén leefdomein per regel: naam; gegevenscategorie (algemeen, zorg of justitie). Bijvoorbeeld: "
        "Geestelijke gezondheid; zorg.",
    )
    make_default = forms.BooleanField(
        label="Nieuwe PGA-casussen scoren voortaan op deze versie", required=False
    )

    def clean_domains(self) -> list[DomainLine]:
        parsed: list[DomainLine] = []
        for number, line in enumerate(_lines(self.cleaned_data["domains"]), start=1):
            label, _, category = line.partition(";")
            code = CATEGORY_BY_LABEL.get(category.strip().lower())
            if not label.strip() or code is None:
                raise ValidationError(
                    f"Regel {number} van de leefdomeinen ('{line[:60]}') heeft niet de vorm 'naam; categorie' met "
                    "als categorie algemeen, zorg of justitie."
                )
            parsed.append(DomainLine(label.strip(), code))
        return parsed


@requires("pga.configure")
def reference_home(request: HttpRequest) -> HttpResponse:
    in_force = checklist_in_force()
    return render(
        request,
        "pga/reference.html",
        {
            "checklist": in_force,
            "checklists": ScreeningChecklist.objects.select_related("created_by"),
            "versions": ZrmVersion.objects.prefetch_related("domains").order_by("-is_default", "label"),
            "zrm_default": zrm_in_force(),
            "categories": dict(DataCategory.choices),
            "breadcrumbs": [{"label": HOME["label"]}],
        },
    )


def _page(request: HttpRequest, form: Any, title: str, intro: str, status: int) -> HttpResponse:
    return render(
        request,
        "pga/reference_form.html",
        {"form": form, "title": title, "intro": intro, "breadcrumbs": [HOME, {"label": title}]},
        status=status,
    )


@requires("pga.configure")
def checklist_edit(request: HttpRequest) -> HttpResponse:
    current = checklist_in_force()
    form = ChecklistForm(
        request.POST if request.method == "POST" else None,
        initial={
            "label": "",
            "together": "\n".join(i.label for i in current.criteria if i.group == ALL_OF),
            "alone": "\n".join(i.label for i in current.criteria if i.group == ON_ITS_OWN),
            "local_rules": "\n".join(i.label for i in current.local_rules),
        },
    )
    return handle_form(
        request,
        form,
        action=lambda data: checklist_create(
            actor=request_user(request),
            label=data["label"],
            criteria=[Line(t, ALL_OF) for t in _lines(data["together"])]
            + [Line(t, ON_ITS_OWN) for t in _lines(data["alone"])],
            local_rules=_lines(data["local_rules"]),
            request=request,
        ),
        render=lambda status: _page(
            request,
            form,
            "Nieuwe versie van de screeningschecklist",
            f"U begint bij de versie die nu geldt ({current.label}). Aanmeldingen die al zijn gedaan, worden "
            "gescreend met de versie waaronder ze zijn gedaan; nieuwe aanmeldingen met deze nieuwe versie.",
            status,
        ),
        success_url="/pga/beheer",
        success_message=lambda made: (
            f"Versie {made.number} van de screeningschecklist geldt nu voor nieuwe aanmeldingen."
        ),
        aliases={"criteria": "together"},
    )


@requires("pga.configure")
def matrix_new(request: HttpRequest) -> HttpResponse:
    base = zrm_in_force()
    domains = (
        ZrmDomain.objects.filter(version=base).order_by("position") if base else ZrmDomain.objects.none()
    )
    form = MatrixForm(
        request.POST if request.method == "POST" else None,
        initial={"domains": "\n".join(f"{d.label}; {CATEGORY_WORD[d.category]}" for d in domains)},
    )
    return handle_form(
        request,
        form,
        action=lambda data: zrm_version_create(
            actor=request_user(request),
            code=data["code"],
            label=data["label"],
            domains=data["domains"],
            make_default=data["make_default"],
            request=request,
        ),
        render=lambda status: _page(
            request,
            form,
            "Nieuwe versie van de zelfredzaamheidsmatrix",
            "Bijvoorbeeld een versie voor jeugd of huishoudens. Elk leefdomein krijgt een gegevenscategorie: wie die "
            "categorie in een casus niet heeft, ziet de score en de toelichting op dat domein niet. Lopende "
            "PGA-casussen houden de versie waarmee ze zijn geopend.",
            status,
        ),
        success_url="/pga/beheer",
        success_message=lambda made: f"De versie {made.label} is vastgelegd.",
    )
