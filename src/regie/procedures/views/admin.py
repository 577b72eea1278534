"""The functional administrator's policy pages: letter templates (versioned uploads) and the Damocles matrix."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from regie.access.policy import request_user, requires
from regie.core.terms import parse_period
from regie.procedures.models import DamoclesPolicy, DrugType, LetterTemplate, PremisesType, Sanction
from regie.procedures.services.damocles import RuleInput, damocles_policy_create
from regie.procedures.services.letter_context import allowed_fields, letter_codes
from regie.procedures.services.letters import letter_template_upload, template_for

CRUMB = {"label": "Brieven en beleid", "url": "/procedurebeheer"}
EXTRA_ROWS = 6
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@requires("procedures.configure")
def admin_home(request: HttpRequest) -> HttpResponse:
    uploaded: dict[str, LetterTemplate] = {}
    for row in LetterTemplate.objects.order_by("code", "-version").only("code", "version", "created_at"):
        uploaded.setdefault(row.code, row)
    letters = [
        {"code": code, "label": label, "latest": uploaded.get(code)}
        for code, label in sorted(letter_codes().items())
    ]
    return render(
        request,
        "procedures/admin_home.html",
        {
            "letters": letters,
            "policies": list(DamoclesPolicy.objects.all()[:20]),
            "breadcrumbs": [{"label": "Brieven en beleid"}],
        },
    )


@requires("procedures.configure")
@require_http_methods(["GET", "POST"])
def letter_template_page(request: HttpRequest, code: str) -> HttpResponse:
    labels = letter_codes()
    if code not in labels:
        raise Http404
    errors: dict[str, str] = {}
    status = 200
    if request.method == "POST":
        file = request.FILES.get("bestand")
        try:
            if file is None:
                raise ValidationError({"file": "Kies een Word-bestand (.docx)."})
            row = letter_template_upload(
                actor=request_user(request),
                code=code,
                filename=file.name or f"{code}.docx",
                content=file.read(5 * 1024 * 1024 + 1),
                note=request.POST.get("toelichting", ""),
                request=request,
            )
        except ValidationError as exc:
            errors = {k: " ".join(v) for k, v in exc.message_dict.items()}
            status = 400
        else:
            messages.success(request, f"Versie {row.version} van het sjabloon is in gebruik genomen.")
            return HttpResponseRedirect(f"/procedurebeheer/brieven/{code}")
    return render(
        request,
        "procedures/admin_letter.html",
        {
            "code": code,
            "label": labels[code],
            "versions": list(LetterTemplate.objects.filter(code=code).select_related("uploaded_by")),
            "current": template_for(code),
            "fields": sorted(allowed_fields(code).items()),
            "errors": errors,
            "note": request.POST.get("toelichting", ""),
            "breadcrumbs": [CRUMB, {"label": labels[code]}],
        },
        status=status,
    )


@requires("procedures.configure")
def letter_template_download(request: HttpRequest, code: str) -> HttpResponse:
    if code not in letter_codes():
        raise Http404
    version = request.GET.get("versie", "")
    if version.isdigit() and LetterTemplate.objects.filter(code=code, version=int(version)).exists():
        content = bytes(LetterTemplate.objects.get(code=code, version=int(version)).content)
    else:
        content = template_for(code).content
    response = HttpResponse(content, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{code}.docx"'
    return response


def _rows_from(policy: DamoclesPolicy | None) -> list[dict[str, Any]]:
    rules = list(policy.rules.all()) if policy else []
    rows = [
        {
            "premises_type": r.premises_type,
            "drug_type": r.drug_type,
            "offence_from": r.offence_from,
            "offence_to": r.offence_to or "",
            "sanction": r.sanction,
            "closure_period": parse_period(r.closure_period).label() if r.closure_period else "",
        }
        for r in rules
    ]
    return (
        rows
        + [
            dict.fromkeys(
                ("premises_type", "drug_type", "offence_from", "offence_to", "sanction", "closure_period"), ""
            )
        ]
        * EXTRA_ROWS
    )


def _posted_rows(request: HttpRequest) -> tuple[list[dict[str, Any]], list[RuleInput], list[str]]:
    rows, rules, problems = [], [], []
    count = (
        min(int(request.POST.get("rijen", "0") or 0), 200) if request.POST.get("rijen", "").isdigit() else 0
    )
    for i in range(count):
        row = {
            k: request.POST.get(f"r{i}-{k}", "").strip()
            for k in (
                "premises_type",
                "drug_type",
                "offence_from",
                "offence_to",
                "sanction",
                "closure_period",
            )
        }
        rows.append(row)
        if not any(row.values()):
            continue
        if not row["offence_from"].isdigit() or (row["offence_to"] and not row["offence_to"].isdigit()):
            problems.append(f"Regel {i + 1}: vul bij 'vanaf' en 'tot en met' gehele getallen in.")
            continue
        rules.append(
            RuleInput(
                premises_type=row["premises_type"],
                drug_type=row["drug_type"],
                offence_from=int(row["offence_from"]),
                offence_to=int(row["offence_to"]) if row["offence_to"] else None,
                sanction=row["sanction"],
                closure_period=row["closure_period"].upper(),
            )
        )
    return rows, rules, problems


@requires("procedures.configure")
def damocles_page(request: HttpRequest) -> HttpResponse:
    policies = list(DamoclesPolicy.objects.prefetch_related("rules"))
    return render(
        request,
        "procedures/admin_damocles.html",
        {"policies": policies, "breadcrumbs": [CRUMB, {"label": "Damoclesbeleid"}]},
    )


@requires("procedures.configure")
@require_http_methods(["GET", "POST"])
def damocles_new_page(request: HttpRequest) -> HttpResponse:
    current = DamoclesPolicy.objects.order_by("-valid_from").first()
    errors: dict[str, list[str]] = {}
    status = 200
    rows = _rows_from(current)
    values = {
        "valid_from": request.POST.get("geldig_vanaf", ""),
        "recidive_period": request.POST.get(
            "recidivetermijn", parse_period(current.recidive_period).label() if current else "5 jaar"
        ),
        "note": request.POST.get("toelichting", ""),
    }
    if request.method == "POST":
        rows, rules, problems = _posted_rows(request)
        try:
            valid_from = date.fromisoformat(values["valid_from"])
        except ValueError:
            errors["valid_from"] = ["Vul een geldige datum in (jjjj-mm-dd)."]
        if problems:
            errors["rules"] = problems
        if not errors:
            try:
                policy = damocles_policy_create(
                    actor=request_user(request),
                    valid_from=valid_from,
                    recidive_period=values["recidive_period"],
                    rules=rules,
                    note=values["note"],
                    request=request,
                )
            except ValidationError as exc:
                errors = exc.message_dict
            else:
                messages.success(request, f"Versie {policy.version} van het Damoclesbeleid is vastgesteld.")
                return HttpResponseRedirect("/procedurebeheer/damocles")
        status = 400
    return render(
        request,
        "procedures/admin_damocles_form.html",
        {
            "rows": list(enumerate(rows)),
            "row_count": len(rows),
            "values": values,
            "errors": errors,
            "premises": PremisesType.choices,
            "drugs": DrugType.choices,
            "sanctions": Sanction.choices,
            "breadcrumbs": [
                CRUMB,
                {"label": "Damoclesbeleid", "url": "/procedurebeheer/damocles"},
                {"label": "Nieuwe versie"},
            ],
        },
        status=status,
    )
