"""The PGA case pages: plan per life domain with scores over time, evaluations, informing, roles and the exit.

Every page reads the PGA case through the door (access.pga_access.get_pga_case_for): the underlying case's door
decides who sees it, and the life domains whose data category the user does not hold stay out of every page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_POST

from regie.access import pga_access
from regie.access.case_access import organisations_taking_part
from regie.access.policy import request_user, requires
from regie.core.html.form_view import handle_form
from regie.pga import selectors
from regie.pga.forms import EvaluationForm, ExitForm, InformForm, LetterForm, PlanForm, RolesForm, ScoreForm
from regie.pga.services.cases import pga_exit, pga_inform, pga_roles_change
from regie.pga.services.letters import informing_letter
from regie.pga.services.plans import evaluation_record, plan_update, score_record

HOME_CRUMB = {"label": "Persoonsgerichte aanpak", "url": "/pga"}


def _posted(request: HttpRequest) -> Any:
    return request.POST if request.method == "POST" else None


def _crumbs(view: pga_access.PgaView, label: str | None = None) -> list[dict[str, str]]:
    pga = view.pga_case
    crumbs = [HOME_CRUMB, {"label": f"PGA {pga.person}", "url": f"/pga/casussen/{pga.pk}"}]
    if label is None:
        crumbs[-1] = {"label": f"PGA {pga.person}"}
    else:
        crumbs.append({"label": label})
    return crumbs


def _score_form(view: pga_access.PgaView, data: Any = None) -> ScoreForm:
    return ScoreForm(
        data,
        domains=[(d.code, d.label) for d in view.domains],
        initial={"scored_on": timezone.localdate()},
    )


def _case_page(
    request: HttpRequest,
    view: pga_access.PgaView,
    *,
    score_form: ScoreForm | None = None,
    evaluation_form: EvaluationForm | None = None,
    status: int = 200,
) -> HttpResponse:
    today = timezone.localdate()
    # The page shows score, date and reason per domain; a year of rounds is hundreds of rows, so only those
    # columns are read, as plain rows (no model instance, no scorer: those cost more than the rest of the page).
    scores = (
        pga_access.scores_for(view)
        .select_related(None)
        .values_list("domain_id", "score", "scored_on", "reason", named=True)
    )
    rows = selectors.domain_rows(view.domains, pga_access.plans_for(view), scores, today)
    dates, table = selectors.score_table(rows)
    return render(
        request,
        "pga/case.html",
        {
            "view": view,
            "pga": view.pga_case,
            "rows": rows,
            "dates": dates,
            "table": table,
            "evaluations": pga_access.evaluations_for(view),
            "score_form": score_form or _score_form(view),
            "evaluation_form": evaluation_form or EvaluationForm(initial={"held_on": today}),
            "review_overdue": bool(
                view.pga_case.contra_review_on and view.pga_case.contra_review_on <= today
            ),
            "spark": {"w": selectors.SPARK_W, "h": selectors.SPARK_H},
            "breadcrumbs": _crumbs(view),
        },
        status=status,
    )


@requires("pga.view")
def pga_case_detail(request: HttpRequest, pga_case_id: str) -> HttpResponse:
    return _case_page(
        request, pga_access.get_pga_case_for(request_user(request), pga_case_id, request=request)
    )


def _writable(request: HttpRequest, pga_case_id: str, *, run: bool = False) -> pga_access.PgaView:
    view = pga_access.get_pga_case_for(request_user(request), pga_case_id, request=request)
    if not (view.may_run if run else view.can_edit):
        raise PermissionDenied
    return view


@requires("pga.view")
@require_POST
def score_add(request: HttpRequest, pga_case_id: str) -> HttpResponse:
    view = _writable(request, pga_case_id)
    form = _score_form(view, request.POST)
    return handle_form(
        request,
        form,
        action=lambda data: score_record(
            actor=request_user(request),
            pga_case=view.pga_case,
            domain=pga_access.visible_domain(view, data["domain"]),
            score=data["score"],
            scored_on=data["scored_on"],
            reason=data["reason"],
            request=request,
        ),
        render=lambda status: _case_page(request, view, score_form=form, status=status),
        success_url=f"/pga/casussen/{view.pga_case.pk}#scores",
        success_message="De score is vastgelegd.",
    )


@requires("pga.view")
@require_POST
def evaluation_add(request: HttpRequest, pga_case_id: str) -> HttpResponse:
    view = _writable(request, pga_case_id)
    form = EvaluationForm(request.POST)
    return handle_form(
        request,
        form,
        action=lambda data: evaluation_record(
            actor=request_user(request), pga_case=view.pga_case, request=request, **data
        ),
        render=lambda status: _case_page(request, view, evaluation_form=form, status=status),
        success_url=f"/pga/casussen/{view.pga_case.pk}#evaluaties",
        success_message="De evaluatie is vastgelegd.",
    )


def _form_page(
    request: HttpRequest,
    view: pga_access.PgaView,
    form: Form,
    *,
    title: str,
    intro: str,
    submit: str,
    action: Callable[[dict[str, Any]], Any],
    message: str,
    aliases: dict[str, str] | None = None,
) -> HttpResponse:
    back = f"/pga/casussen/{view.pga_case.pk}"
    return handle_form(
        request,
        form,
        action=action,
        render=lambda status: render(
            request,
            "pga/form.html",
            {
                "form": form,
                "title": title,
                "intro": intro,
                "submit": submit,
                "back": back,
                "pga": view.pga_case,
                "breadcrumbs": _crumbs(view, title),
            },
            status=status,
        ),
        success_url=back,
        success_message=message,
        aliases=aliases,
    )


@requires("pga.view")
def plan_edit(request: HttpRequest, pga_case_id: str, domain_code: str) -> HttpResponse:
    view = _writable(request, pga_case_id)
    domain = pga_access.visible_domain(view, domain_code)
    plan = pga_access.plans_for(view).filter(domain=domain).first()
    case = view.pga_case.case
    form = PlanForm(
        _posted(request),
        partners=organisations_taking_part(case.municipality_id).order_by("name"),
        owners=selectors.case_people(case.pk, case.coordinator_id),
        initial={
            "version": plan.version if plan else 0,
            "goal": plan.goal if plan else "",
            "actions": plan.actions if plan else "",
            "partner": plan.partner_id if plan else None,
        },
    )
    return _form_page(
        request,
        view,
        form,
        title=f"Plan van aanpak: {domain.label}",
        intro="Het doel op dit leefdomein, de afgesproken acties en de partner die ervoor verantwoordelijk is. "
        "Een nieuwe actie met een uitvoerder wordt een taak in de casus.",
        submit="Plan opslaan",
        action=lambda data: plan_update(
            actor=request_user(request),
            pga_case=view.pga_case,
            domain=domain,
            goal=data["goal"],
            actions=data["actions"],
            partner=data["partner"],
            version=data["version"],
            task_title=data["task_title"],
            task_owner=data["task_owner"],
            task_due=data["task_due"],
            request=request,
        ),
        message=f"Het plan voor {domain.label} is opgeslagen.",
        aliases={"title": "task_title", "owner": "task_owner", "due_date": "task_due"},
    )


@requires("pga.view")
def inform(request: HttpRequest, pga_case_id: str) -> HttpResponse:
    view = _writable(request, pga_case_id, run=True)
    pga = view.pga_case
    form = InformForm(
        _posted(request),
        initial={
            "version": pga.version,
            "informed_on": pga.informed_on,
            "contra_indication": pga.contra_indication,
            "review_on": pga.contra_review_on,
        },
    )
    return _form_page(
        request,
        view,
        form,
        title="Betrokkene informeren",
        intro="Betrokkene wordt geïnformeerd over de opname in de PGA, tenzij dat contra-geïndiceerd is (bijvoorbeeld "
        "een lopend strafrechtelijk onderzoek). Leg dan de reden vast en wanneer u dat opnieuw bekijkt.",
        submit="Opslaan",
        action=lambda data: pga_inform(actor=request_user(request), pga_case=pga, request=request, **data),
        message="Vastgelegd.",
    )


@requires("pga.view")
def letter(request: HttpRequest, pga_case_id: str) -> HttpResponse:
    """Make the letter that informs the person (a .docx stored with the case's documents)."""
    view = _writable(request, pga_case_id, run=True)
    return _form_page(
        request,
        view,
        LetterForm(_posted(request)),
        title="Brief aan betrokkene",
        intro="Regie maakt de brief waarmee betrokkene wordt geïnformeerd over de opname in de PGA, met de "
        "procesregisseur als aanspreekpunt, en bewaart hem als Word-document bij de documenten van de casus. Leg "
        "daarna onder 'Betrokkene informeren' vast op welke datum de brief is verstuurd.",
        submit="Brief maken",
        action=lambda data: informing_letter(actor=request_user(request), view=view, request=request),
        message="De brief is gemaakt en staat bij de documenten van de casus.",
    )


@requires("pga.view")
def roles(request: HttpRequest, pga_case_id: str) -> HttpResponse:
    view = _writable(request, pga_case_id, run=True)
    pga = view.pga_case
    form = RolesForm(
        _posted(request),
        people=selectors.case_people(pga.case_id, pga.case.coordinator_id),
        initial={
            "version": pga.version,
            "process_director": pga.process_director_id,
            "case_director": pga.case_director_id,
        },
    )
    return _form_page(
        request,
        view,
        form,
        title="Proces- en casusregie",
        intro="De procesregisseur bewaakt het proces, de casusregisseur de inhoud (vaak een professional van een "
        "partner). Beiden moeten in het team van de casus zitten; een overdracht blijft zichtbaar in de tijdlijn.",
        submit="Regie opslaan",
        action=lambda data: pga_roles_change(
            actor=request_user(request), pga_case=pga, request=request, **data
        ),
        message="De regie is bijgewerkt.",
    )


@requires("pga.view")
def exit_case(request: HttpRequest, pga_case_id: str) -> HttpResponse:
    view = _writable(request, pga_case_id, run=True)
    pga = view.pga_case
    form = ExitForm(_posted(request), initial={"version": pga.version, "kind": "afschalen"})
    return _form_page(
        request,
        view,
        form,
        title="Afschalen of afsluiten",
        intro="Kies de reden en plan de nazorgcontrole; die wordt een taak voor de procesregisseur. Een nieuwe "
        "aanmelding binnen twaalf maanden wordt bij de screening gemarkeerd.",
        submit="Uitstroom vastleggen",
        action=lambda data: pga_exit(actor=request_user(request), pga_case=pga, request=request, **data),
        message="De uitstroom is vastgelegd en de nazorgcontrole staat als taak klaar.",
    )
