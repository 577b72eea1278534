"""The PGA pages: the work list (triage, overdue reviews, PGA cases), referring a person and screening a referral.

Thin edges: parse, fetch through the PGA door (access.pga_access), call one service, render.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from regie.access import pga_access
from regie.access.policy import has_permission, request_user, requires
from regie.access.signal_access import get_signal_for
from regie.access.signal_access import may_triage as may_triage_signal
from regie.core.html.form_view import handle_form
from regie.pga import selectors
from regie.pga.forms import ReferralForm, ScreeningForm, SignalReferralForm
from regie.pga.models import ExitReason, Level, Referral, ReferralStatus
from regie.pga.services.reference import checklist_for
from regie.pga.services.referrals import PersonDetails, referral_create, referral_decide, referral_from_signal

HOME_CRUMB = {"label": "Persoonsgerichte aanpak", "url": "/pga"}


@requires("pga.view")
def pga_home(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    today = timezone.localdate()
    visible = pga_access.pga_cases_visible_to(user)
    triage = (
        selectors.triage_rows(pga_access.referrals_visible_to(user), today)
        if pga_access.may_triage(user)
        else []
    )
    mine = (
        []
        if pga_access.may_triage(user)
        else list(pga_access.referrals_visible_to(user).select_related("person").order_by("-created_at")[:50])
    )
    active, exited = selectors.work_list(
        pga_access.pga_cases_listed_for(user),
        active_page=request.GET.get("pagina"),
        exited_page=request.GET.get("uitgestroomd"),
    )
    cases = [*active.rows, *exited.rows]
    reviews = list(selectors.overdue_reviews(visible.filter(process_director=user), today))
    if triage or mine:
        pga_access.log_listed(
            user,
            action="pga_referral.listed",
            persons=[row.referral.person_id for row in triage] + [r.person_id for r in mine],
            request=request,
            via="werklijst",
        )
    if cases:
        pga_access.log_listed(
            user,
            action="pga_case.listed",
            persons=[c.person_id for c in cases],
            request=request,
            via="werklijst",
        )
    return render(
        request,
        "pga/home.html",
        {
            "triage": triage,
            "may_triage": pga_access.may_triage(user),
            "my_referrals": mine,
            "active": active,
            "exited": exited,
            "reviews": reviews,
            "today": today,
            "may_refer": has_permission(user, "pga.refer"),
            "breadcrumbs": [{"label": "Persoonsgerichte aanpak"}],
        },
    )


@requires("pga.refer")
def referral_new(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    if user.organisation is None:
        raise PermissionDenied
    municipality = user.organisation.municipality
    form = ReferralForm(request.POST if request.method == "POST" else None)

    def create(data: dict[str, object]) -> Referral:
        person = PersonDetails(
            surname=str(data["surname"]),
            given_names=str(data["given_names"]),
            prefix=str(data["name_prefix"]),
            bsn=str(data["bsn"]).strip(),
            birth_date=data["birth_date"],  # type: ignore[arg-type]
        )
        return referral_create(
            actor=user,
            municipality=municipality,
            person=person,
            reason=str(data["reason"]),
            goal=str(data["goal"]),
            partners_involved=str(data["partners_involved"]),
            urgency=str(data["urgency"]),
            request=request,
        )

    return handle_form(
        request,
        form,
        action=create,
        render=lambda status: render(
            request,
            "pga/referral_form.html",
            {"form": form, "breadcrumbs": [HOME_CRUMB, {"label": "Aanmelden"}]},
            status=status,
        ),
        success_url=lambda referral: f"/pga/aanmeldingen/{referral.pk}",
        success_message="De aanmelding is ontvangen. De procesregisseur bespreekt haar in de wekelijkse triage.",
    )


@requires("pga.refer")
def referral_from_signal_page(request: HttpRequest, signal_id: str) -> HttpResponse:
    """Refer a confirmed person of a signal the user triages (the button on the signal page)."""
    user = request_user(request)
    signal = get_signal_for(user, signal_id, request=request, log=request.method != "POST")
    if not may_triage_signal(user, signal):
        raise PermissionDenied
    persons = [
        (str(subject.person_id), str(subject.person))
        for subject in signal.subjects.filter(person__isnull=False).select_related("person")
    ]
    form = SignalReferralForm(request.POST if request.method == "POST" else None, persons=persons)
    signal_url = f"/signalen/{signal.pk}"
    return handle_form(
        request,
        form,
        action=lambda data: referral_from_signal(
            actor=user,
            signal=signal,
            person_id=data["person"],
            goal=str(data["goal"]),
            partners_involved=str(data["partners_involved"]),
            urgency=str(data["urgency"]),
            request=request,
        ),
        render=lambda status: render(
            request,
            "pga/signal_referral.html",
            {
                "form": form,
                "signal": signal,
                "signal_url": signal_url,
                "has_persons": bool(persons),
                "breadcrumbs": [HOME_CRUMB, {"label": f"Aanmelden vanuit signaal {signal.reference}"}],
            },
            status=status,
        ),
        success_url=lambda referral: f"/pga/aanmeldingen/{referral.pk}",
        success_message="De aanmelding is ontvangen. De procesregisseur bespreekt haar in de wekelijkse triage.",
    )


@requires("pga.view")
def referral_detail(request: HttpRequest, referral_id: str) -> HttpResponse:
    user = request_user(request)
    referral = pga_access.get_referral_for(user, referral_id, request=request)
    may_screen = pga_access.may_triage(user) and referral.status == ReferralStatus.AWAITING
    if request.method == "POST" and not may_screen:
        raise PermissionDenied
    checklist = checklist_for(referral.checklist_version)
    form = ScreeningForm(request.POST if request.method == "POST" else None, checklist=checklist)

    def page(status: int) -> HttpResponse:
        return render(
            request,
            "pga/referral.html",
            {
                "referral": referral,
                "form": form if may_screen else None,
                "criteria_fields": form.criteria_fields(),
                "answers": [
                    (checklist.labels.get(code, code), met) for code, met in referral.criteria.items()
                ],
                "checklist_label": checklist.label,
                "pga_case": getattr(referral, "pga_case", None),
                "breadcrumbs": [HOME_CRUMB, {"label": f"Aanmelding {referral.person}"}],
            },
            status=status,
        )

    return handle_form(
        request,
        form,
        action=lambda data: referral_decide(
            actor=user,
            referral=referral,
            criteria=form.criteria(),
            decision=str(data["decision"]),
            reasons=str(data["reasons"]),
            advice=str(data["advice"]),
            request=request,
        ),
        render=page,
        success_url=lambda made: f"/pga/casussen/{made.pk}" if made else "/pga",
        success_message=lambda made: (
            "De persoon is opgenomen in de PGA. Stel nu het plan van aanpak op."
            if made
            else "Het besluit is vastgelegd: niet opgenomen, met verwijsadvies."
        ),
    )


@requires("pga.counts")
def pga_counts(request: HttpRequest) -> HttpResponse:
    """Aggregates for monitoring (never a person): inflow and outflow over the last year, active cases per level,
    exit reasons, the average duration and the average change of score per life domain."""
    user = request_user(request)
    if user.organisation is None:
        raise PermissionDenied
    today = timezone.localdate()
    counts = selectors.monitoring_counts(
        user.organisation.municipality_id, since=selectors.year_ago(today), today=today
    )
    return render(
        request,
        "pga/counts.html",
        {
            "counts": counts,
            "levels": [(label, counts["active_by_level"].get(code, 0)) for code, label in Level.choices],
            "reasons": [(label, counts["exit_reasons"].get(code, 0)) for code, label in ExitReason.choices],
            "breadcrumbs": [HOME_CRUMB, {"label": "Cijfers"}],
        },
    )
