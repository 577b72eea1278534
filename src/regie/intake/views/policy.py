"""The functional administrator's intake pages: routing rules with a test page, categories and the threshold."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_http_methods, require_POST

from regie.access.policy import request_user, requires
from regie.accounts.models import Municipality, Organisation, OrganisationKind
from regie.accounts.selectors import municipality_of
from regie.core.html.form_view import handle_form
from regie.intake.classifier.service import DEFAULT_THRESHOLD, classifier_threshold, get_classifier
from regie.intake.forms.policy import CategoryPolicyForm, RoutingRuleForm, RoutingTestForm, ThresholdForm
from regie.intake.models import ClassifierSetting, RoutingRule, SignalCategory
from regie.intake.services import policy
from regie.intake.services.process import RoutingSample, route

ADMIN = {"label": "Beheer", "url": "/beheer"}
ROUTING = {"label": "Signaalroutering", "url": "/beheer/routering"}


def _teams(municipality: Municipality) -> QuerySet[Organisation]:
    return Organisation.objects.filter(
        municipality=municipality, kind=OrganisationKind.DEPARTMENT, active=True
    ).order_by("name")


def _routing_page(
    request: HttpRequest, threshold_form: ThresholdForm | None = None, status: int = 200
) -> HttpResponse:
    municipality = municipality_of(request_user(request))
    setting = ClassifierSetting.objects.filter(pk=1).first()
    rules = RoutingRule.objects.filter(municipality=municipality).select_related("category", "target")
    return render(
        request,
        "intake/routing_list.html",
        {
            "rules": rules.order_by("position", "created_at"),
            "categories": SignalCategory.objects.order_by("position", "label"),
            "threshold_form": threshold_form
            or ThresholdForm(
                initial={
                    "threshold": setting.threshold if setting else DEFAULT_THRESHOLD,
                    "version": setting.version if setting else None,
                }
            ),
            "breadcrumbs": [ADMIN, {"label": "Signaalroutering"}],
        },
        status=status,
    )


@requires("intake.configure")
def routing_list(request: HttpRequest) -> HttpResponse:
    return _routing_page(request)


@requires("intake.configure")
@require_http_methods(["GET", "POST"])
def routing_edit(request: HttpRequest, pk: UUID | None = None) -> HttpResponse:
    user = request_user(request)
    municipality = municipality_of(user)
    rule = get_object_or_404(RoutingRule, pk=pk, municipality=municipality) if pk else None
    initial: dict[str, Any] = {
        "active": True,
        "position": (RoutingRule.objects.filter(municipality=municipality).count() + 1) * 10,
    }
    if rule:
        initial = {f: getattr(rule, f) for f in policy.RULE_FIELDS} | {"version": rule.version}
    form = RoutingRuleForm(
        request.POST or None,
        initial=initial,
        teams=_teams(municipality),
        categories=SignalCategory.objects.filter(active=True),
    )

    def save(cleaned: dict[str, Any]) -> RoutingRule:
        data = dict(cleaned)
        version = data.pop("version")
        if rule:
            return policy.routing_rule_update(actor=user, rule=rule, version=version, request=request, **data)
        return policy.routing_rule_create(actor=user, municipality=municipality, request=request, **data)

    return handle_form(
        request,
        form,
        action=save,
        render=lambda status: render(
            request,
            "intake/routing_form.html",
            {
                "form": form,
                "rule": rule,
                "breadcrumbs": [ADMIN, ROUTING, {"label": rule.name if rule else "Nieuwe regel"}],
            },
            status=status,
        ),
        success_url=ROUTING["url"],
        success_message="De routeringsregel is opgeslagen.",
    )


@requires("intake.configure")
@require_POST
def routing_delete(request: HttpRequest, pk: UUID) -> HttpResponse:
    user = request_user(request)
    rule = get_object_or_404(RoutingRule, pk=pk, municipality=municipality_of(user))
    policy.routing_rule_delete(actor=user, rule=rule, request=request)
    messages.success(request, f"De regel '{rule.name}' is verwijderd.")
    return HttpResponseRedirect("/beheer/routering")


@requires("intake.configure")
def routing_test(request: HttpRequest) -> HttpResponse:
    """Where would a sample signal go? The same classification and the same rules as a real signal."""
    municipality = municipality_of(request_user(request))
    form = RoutingTestForm(request.GET or None, categories=SignalCategory.objects.filter(active=True))
    result: dict[str, Any] | None = None
    status = 200
    if request.GET:
        if form.is_valid():
            data = form.cleaned_data
            category, confidence = data.get("category"), None
            if category is None:
                suggestion = get_classifier().suggest(data["description"], threshold=classifier_threshold())
                confidence = suggestion.confidence
                category = SignalCategory.objects.filter(code=suggestion.code).first()
            rule = route(
                RoutingSample(
                    municipality=municipality,
                    category=category,
                    source=data["source"],
                    location_kind=data.get("location_kind") or "",
                    urgency=data["urgency"],
                )
            )
            result = {"category": category, "confidence": confidence, "rule": rule}
        else:
            status = 400
    return render(
        request,
        "intake/routing_test.html",
        {"form": form, "result": result, "breadcrumbs": [ADMIN, ROUTING, {"label": "Routering testen"}]},
        status=status,
    )


@requires("intake.configure")
@require_http_methods(["GET", "POST"])
def category_edit(request: HttpRequest, code: str) -> HttpResponse:
    user = request_user(request)
    category = get_object_or_404(SignalCategory, code=code)
    fields = ("label", "triage_days", "first_action_days", "urgent_hours", "active")
    form = CategoryPolicyForm(
        request.POST or None,
        initial={f: getattr(category, f) for f in fields} | {"version": category.version},
    )

    def save(cleaned: dict[str, Any]) -> str:
        data = dict(cleaned)
        version = data.pop("version")
        policy.category_update(actor=user, category=category, version=version, request=request, **data)
        return str(data["label"])

    return handle_form(
        request,
        form,
        action=save,
        render=lambda status: render(
            request,
            "intake/category_form.html",
            {"form": form, "category": category, "breadcrumbs": [ADMIN, ROUTING, {"label": category.label}]},
            status=status,
        ),
        success_url=ROUTING["url"],
        success_message=lambda label: f"De categorie {label} is opgeslagen.",
    )


@requires("intake.configure")
@require_POST
def threshold_edit(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    form = ThresholdForm(request.POST)
    return handle_form(
        request,
        form,
        action=lambda data: policy.threshold_set(
            actor=user, threshold=data["threshold"], version=data["version"], request=request
        ),
        render=lambda status: _routing_page(request, threshold_form=form, status=status),
        success_url=ROUTING["url"],
        success_message="De drempel is opgeslagen.",
    )
