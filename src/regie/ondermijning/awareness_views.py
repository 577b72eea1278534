"""Staff awareness: trainings and coverage per department, the quiz, and the report button ('Ik heb iets gezien')."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from regie.access import ondermijning_access as door
from regie.access.policy import request_user, requires
from regie.accounts.models import Organisation, OrganisationKind, User
from regie.core.html.form_view import Done, handle_form
from regie.ondermijning import catalogue
from regie.ondermijning.forms import QuizForm, ReportForm, RevealForm, TrainingForm
from regie.ondermijning.models import QuizAttempt, Training
from regie.ondermijning.selectors import TARGET, coverage
from regie.ondermijning.services import awareness
from regie.ondermijning.views import HOME, crumbs, posted

AWARENESS = f"{HOME}/bewustwording"


@requires("ondermijning.awareness")
def awareness_page(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    figures = door.may_see_figures(user)
    municipality_id = user.organisation.municipality_id  # type: ignore[union-attr]
    rows = coverage(municipality_id, today=timezone.localdate()) if figures else []
    return render(
        request,
        "ondermijning/awareness.html",
        {
            "figures": figures,
            "rows": rows,
            "target": TARGET,
            "trainings": Training.objects.filter(municipality_id=municipality_id).select_related(
                "department"
            )[:20]
            if figures
            else [],
            "mine": QuizAttempt.objects.filter(user=user).first(),
            "may_manage": door.may_manage(user),
            "breadcrumbs": crumbs({"label": "Bewustwording"}),
        },
    )


@requires("ondermijning.view")
def training_new(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    if not door.may_manage(user):
        raise PermissionDenied
    municipality_id = user.organisation.municipality_id  # type: ignore[union-attr]
    departments = Organisation.objects.filter(
        municipality_id=municipality_id, kind=OrganisationKind.DEPARTMENT
    )
    staff = User.objects.filter(organisation__in=departments, is_active=True).order_by("last_name")
    form = TrainingForm(posted(request), departments=departments, staff=staff)
    return handle_form(
        request,
        form,
        action=lambda d: awareness.training_record(
            actor=user,
            held_on=d["held_on"],
            trainer=d["trainer"],
            department=d["department"],
            attendees=list(d["attendees"]),
            request=request,
        ),
        render=lambda status: render(
            request,
            "ondermijning/training_form.html",
            {
                "form": form,
                "breadcrumbs": crumbs({"label": "Bewustwording", "url": AWARENESS}, {"label": "Training"}),
            },
            status=status,
        ),
        success_url=AWARENESS,
        success_message=lambda t: f"De training is vastgelegd met {t.attendees.count()} deelnemers.",
    )


@requires("ondermijning.awareness")
def quiz(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    form = QuizForm(posted(request))

    def submit(_data: dict[str, Any]) -> Done:
        awareness.quiz_submit(actor=user, answers=form.answers(), request=request)
        return Done(f"{AWARENESS}/quiz/uitleg", "Uw antwoorden zijn ingestuurd. Hieronder de uitleg.")

    return handle_form(
        request,
        form,
        action=submit,
        render=lambda status: render(
            request,
            "ondermijning/quiz.html",
            {
                "form": form,
                "pass_mark": catalogue.QUIZ_PASS,
                "count": len(catalogue.QUIZ),
                "breadcrumbs": crumbs({"label": "Bewustwording", "url": AWARENESS}, {"label": "Quiz"}),
            },
            status=status,
        ),
    )


@requires("ondermijning.awareness")
def quiz_explained(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    return render(
        request,
        "ondermijning/quiz_explained.html",
        {
            "questions": [(q, q.options[q.answer]) for q in catalogue.QUIZ],
            "mine": QuizAttempt.objects.filter(user=user).first(),
            "count": len(catalogue.QUIZ),
            "breadcrumbs": crumbs({"label": "Bewustwording", "url": AWARENESS}, {"label": "Uitleg"}),
        },
    )


@requires("ondermijning.awareness")
def report(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    form = ReportForm(posted(request))
    return handle_form(
        request,
        form,
        action=lambda d: awareness.staff_report(
            actor=user,
            description=d["description"],
            location_kind=d["location_kind"],
            location_text=d["location_text"],
            anonymous=d["anonymous"],
            request=request,
        ),
        render=lambda status: render(
            request,
            "ondermijning/report.html",
            {"form": form, "breadcrumbs": crumbs({"label": "Ik heb iets gezien"})},
            status=status,
        ),
        success_url=AWARENESS,
        success_message=lambda s: (
            f"Dank u wel. Uw melding staat onder referentie {s.reference} in de triage."
        ),
    )


@requires("ondermijning.awareness")
def reporter_reveal(request: HttpRequest) -> HttpResponse:
    """The privacy officer looks up who sent a staff report (named or anonymous towards colleagues), with a reason
    that the processing log keeps. Nobody else reaches this page."""
    user = request_user(request)
    if not door.may_reveal_reporter(user):
        raise PermissionDenied
    form = RevealForm(posted(request))
    found: dict[str, Any] = {}

    def reveal(data: dict[str, Any]) -> Any:
        try:
            found["report"] = door.staff_report_reveal(
                user, data["reference"], data["reason"], request=request
            )
        except Http404:
            raise ValidationError(
                {"reference": "Er is geen melding van een medewerker met deze referentie in uw gemeente."}
            ) from None
        return found["report"]

    def page(status: int) -> HttpResponse:
        return render(
            request,
            "ondermijning/form.html",
            {
                "form": form,
                "title": "Melder van een melding van een medewerker opvragen",
                "intro": (
                    "Een medewerker kan anoniem tegenover collega's melden. Wie het was, vraagt alleen u op, "
                    "met een reden; het verwerkingslogboek legt dat vast."
                ),
                "button": "Melder opvragen",
                "revealed": found.get("report"),
                "breadcrumbs": crumbs({"label": "Melder opvragen"}),
            },
            status=status,
        )

    if request.method == "POST" and form.is_valid():
        try:
            reveal(form.cleaned_data)
        except ValidationError as exc:
            form.add_error("reference", exc.message_dict["reference"][0])
            return page(400)
        return page(200)
    return page(400 if request.method == "POST" else 200)
