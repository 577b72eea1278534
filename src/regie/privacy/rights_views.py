"""Pages of a request of rectification, restriction or objection (AVG art. 16, 18, 21): the request with its
deadline, the decision with reasons, and the restrictions it set (which can be lifted with a reason)."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from regie.access import privacy_access
from regie.access.policy import request_user, requires
from regie.core.html.form_view import handle_form
from regie.privacy.forms import DecisionForm, ExtendForm, LiftForm
from regie.privacy.models import DataSubjectRequest, RequestKind
from regie.privacy.rights import PURPOSES, RECTIFIABLE, restriction_lift, rights_request_decide
from regie.processing_log.services import log_processing

URL = "/privacy/verzoeken"


def rights_detail(request: Any, dsr: DataSubjectRequest, status: int = 200, **forms: Any) -> Any:
    """The page of a request of rectification, restriction or objection (the read is logged, naming the person)."""
    log_processing(
        action="data_subject_request.opened",
        actor=request_user(request),
        request=request,
        object_type="data_subject_request",
        object_id=dsr.pk,
        persons=[dsr.person_id],
        purpose=PURPOSES[RequestKind(dsr.kind)],
        details={"reference": dsr.reference},
    )
    context: dict[str, Any] = {
        "dsr": dsr,
        "person": dsr.person,
        "rectify_label": RECTIFIABLE.get(dsr.rectify_field, ""),
        "current_value": getattr(dsr.person, dsr.rectify_field, "") if dsr.rectify_field else "",
        "restrictions": list(dsr.restrictions.all()),
        "decide_form": DecisionForm(initial={"version": dsr.version}),
        "extend_form": ExtendForm(initial={"version": dsr.version}),
        "lift_form": None,
        "today": timezone.localdate(),
        "breadcrumbs": [{"label": "Verzoeken van betrokkenen", "url": URL}, {"label": dsr.reference}],
    }
    context.update(forms)
    return render(request, "privacy/rights_request.html", context, status=status)


@requires("data_subject_requests.handle")
@require_http_methods(["POST"])
def request_decide(request: Any, request_id: str) -> Any:
    user = request_user(request)
    dsr = privacy_access.request_for(user, request_id)
    form = DecisionForm(request.POST)
    return handle_form(
        request,
        form,
        action=lambda data: rights_request_decide(
            actor=user,
            dsr=dsr,
            decision=data["decision"],
            reasons=data["reasons"],
            version=data.get("version"),
            request=request,
        ),
        render=lambda status: rights_detail(
            request, privacy_access.request_for(user, request_id), status, decide_form=form
        ),
        success_url=f"{URL}/{dsr.pk}",
        success_message=lambda d: (
            f"Op verzoek {d.reference} is besloten: {d.get_decision_display().lower()}."
        ),
    )


@requires("data_subject_requests.handle")
@require_http_methods(["POST"])
def request_restriction_lift(request: Any, request_id: str) -> Any:
    user = request_user(request)
    dsr = privacy_access.request_for(user, request_id)
    form = LiftForm(request.POST)

    def lift(data: dict[str, Any]) -> Any:
        restriction = get_object_or_404(dsr.restrictions.all(), pk=data["restriction"])
        return restriction_lift(actor=user, restriction=restriction, reason=data["reason"], request=request)

    return handle_form(
        request,
        form,
        action=lift,
        render=lambda status: rights_detail(request, dsr, status, lift_form=form),
        success_url=f"{URL}/{dsr.pk}",
        success_message="De beperking van de verwerking is opgeheven.",
    )
