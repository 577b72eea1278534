"""Referring social problems found during a procedure to care and safety: a signal for triage (intake).

The signal carries what the step recorded and the persons the procedure is addressed to (names only: the
process director looks them up in triage); nothing of the procedure itself travels with it.
"""

from __future__ import annotations

from django.http import HttpRequest

from regie.intake.models import LocationKind, SignalCategory, SubjectKind
from regie.intake.services.inputs import SubjectInput
from regie.intake.services.receive import signal_create_from_inspection
from regie.procedures.services.context import Move


def refer_to_care(move: Move, request: HttpRequest | None = None) -> str:
    """Create the signal and return its reference; Dutch ValidationErrors from intake pass through."""
    step = move.step
    lines = [f"Doorverwezen vanuit {move.definition.label.lower()} (casus {move.procedure.case.number})."]
    for spec in step.fields:
        value = move.data.get(spec.name)
        if value:
            shown = dict(spec.choices).get(str(value), str(value)) if spec.choices else str(value)
            lines.append(f"{spec.label}: {shown}")
    subjects = [
        SubjectInput(
            kind=SubjectKind.PERSON,
            data={
                "given_names": a.person.given_names,
                "prefix": a.person.prefix,
                "surname": a.person.surname,
            },
        )
        for a in move.addressees.values()
        if a.person is not None
    ][:10]
    category = step.signal_category
    if category and not SignalCategory.objects.filter(code=category, active=True).exists():
        category = ""  # triage sets the category when the municipality has no such category
    address = move.procedure.address
    signal = signal_create_from_inspection(
        actor=move.actor,
        description="\n".join(lines),
        location_kind=LocationKind.DWELLING if address else "",
        location_text=str(address) if address else "",
        subjects=subjects,
        category_code=category,
        request=request,
    )
    return str(signal.reference)
