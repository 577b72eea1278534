"""The decision guard on the step page: warnings that need a reasoned override, and the views to answer."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from regie.procedures.definitions.schema import Definition, StepSpec
from regie.procedures.models import Procedure
from regie.procedures.services.guards import decision_steps, open_views, view_label, warnings_for

register = template.Library()


@register.simple_tag(takes_context=True)
def decision_guard(
    context: template.Context, procedure: Procedure, definition: Definition, step: StepSpec | None
) -> dict[str, Any]:
    """Whether the step is a decision; if so its warnings and the views it must answer (with what was typed)."""
    request = context.get("request")
    posted = request.POST if request is not None and request.method == "POST" else {}
    if step is None or step.code not in decision_steps(definition):
        return {"applies": False}
    history = list(procedure.transitions.select_related("addressee").order_by("seq"))
    return {
        "applies": True,
        "warnings": warnings_for(procedure, timezone.localdate()),
        "reason": posted.get("override_reason", ""),
        "views": [
            {
                "seq": v.seq,
                "label": view_label(v),
                "summary": v.data.get("summary", ""),
                "value": posted.get(f"view_answer-{v.seq}", ""),
            }
            for v in open_views(history)
        ],
    }
