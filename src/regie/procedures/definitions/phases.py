"""Builders for the phases the definitions share before the remedies: the intended decision with the view on it
(Awb 4:8), the decision, and its notification per addressee with the compliance period that starts there.

Each builder fixes what the law or the engine fixes (step and term codes, statutory flags, who owns a term,
which step a term blocks or is closed by); the definition passes what is its own (labels, fields, letters,
periods it sets itself).
"""

from __future__ import annotations

from regie.procedures.definitions.common import (
    COLLEGE,
    INSPECTOR,
    JURIST,
    NOTIFICATIONS,
    objection_term,
    work_term,
)
from regie.procedures.definitions.schema import FieldSpec, LetterSpec, StepSpec, TermSpec

VIEW_FROM = FieldSpec("addressee", "Van geadresseerde", "addressee")
VIEW_SUMMARY = FieldSpec("summary", "Kern van de zienswijze", "longtext", required=True)
VIEW_END_MERGE = ("zienswijze_einddatum", "deadline:view|date")


def view_steps(
    *,
    role: str,
    label: str,
    fields: tuple[FieldSpec, ...],
    decision: str,
    onward: tuple[str, ...],
    task: str,
    letter: LetterSpec,
    received_fields: tuple[FieldSpec, ...],
    received_label: str = "Zienswijze ontvangen",
    view_period_label: str = "Termijn voor de zienswijze",
    view_period_help: str = "",
    rules: tuple[str, ...] = (),
) -> tuple[StepSpec, StepSpec]:
    """The intended decision ("intended-decision") and the view received on it ("view-received").

    The intended decision records `fields` and, last, the period for the view (two weeks unless changed); its
    view term is not statutory (the letter sets it), runs for the addressee and keeps `decision` from being
    taken until it ends or the view is received. After the view the procedure goes `onward`; after the intended
    decision it may too, without waiting for a view.
    """
    view_period = FieldSpec(
        "view_period", view_period_label, "period", required=True, default="P2W", help=view_period_help
    )
    view = TermSpec(
        code="view",
        label="Termijn zienswijze",
        period="field:intended-decision.view_period",
        statutory=False,
        kind="expiry",
        owner_role=role,
        task=task,
        legal_basis="Awb 4:8",
        closed_by=("view-received",),
        blocks=(decision,),
    )
    return (
        StepSpec(
            code="intended-decision",
            label=label,
            roles=(role,),
            next=("view-received", *onward),
            fields=(*fields, view_period),
            rules=rules,
            terms=(view,),
            letters=(letter,),
        ),
        StepSpec(
            code="view-received", label=received_label, roles=(role,), next=onward, fields=received_fields
        ),
    )


def urgent_reason_field(label: str, *, skipping_from: str, help: str = "") -> FieldSpec:
    """Why the decision is taken without an intended decision and view (Awb 4:11), required when it is."""
    return FieldSpec("urgent_reason", label, "longtext", required_from=(skipping_from,), help=help)


def compliance_period_field(*, default: str, help: str) -> FieldSpec:
    """The compliance period the decision sets (in the decision, so the Atw does not extend it)."""
    return FieldSpec(
        "compliance_period", "Begunstigingstermijn", "period", required=True, default=default, help=help
    )


def decision_step(
    code: str,
    label: str,
    *,
    fields: tuple[FieldSpec, ...],
    rules: tuple[str, ...],
    notify_label: str,
    notify_period: str,
    notify_task: str,
) -> StepSpec:
    """The jurist's decision; it is made known next ("notification") or withdrawn, within a non-statutory term."""
    notify = work_term(
        "notify", notify_label, notify_period, owner=JURIST, task=notify_task, closed_by=("notification",)
    )
    return StepSpec(
        code=code,
        label=label,
        roles=(JURIST,),
        next=("notification", "withdrawn"),
        fields=fields,
        rules=rules,
        terms=(notify,),
    )


def notification_step(
    *,
    label: str,
    decision: str,
    methods: tuple[tuple[str, str], ...],
    after: tuple[str, ...],
    compliance: TermSpec,
    follow_up: TermSpec,
    letter: LetterSpec,
) -> StepSpec:
    """The decision made known per addressee: their objection term and compliance period start, then `follow_up`."""
    method = FieldSpec("method", "Wijze van bekendmaking", "choice", required=True, choices=methods)
    return StepSpec(
        code="notification",
        label=label,
        roles=(JURIST,),
        next=after,
        fields=(NOTIFICATIONS, method),
        rules=(f"after:{decision}",),
        terms=(objection_term(), compliance, follow_up),
        letters=(letter,),
    )


def decision_letter(
    code: str,
    label: str,
    *,
    legal_basis: str,
    merge: tuple[tuple[str, str], ...],
    addressees: str = "all",
    category: str = "general",
    authority: str = COLLEGE,
) -> LetterSpec:
    """A decision (besluit): its objection clause gives the end of the addressee's objection term."""
    return LetterSpec(
        code=code,
        label=label,
        legal_basis=legal_basis,
        addressees=addressees,
        category=category,
        document_type="besluit",
        objection_term="objection",
        authority=authority,
        merge=merge,
    )


def compliance_term(decision: str, *, task: str = "", legal_basis: str = "") -> TermSpec:
    """The compliance period set in `decision`, per addressee from their notification; it simply expires."""
    return TermSpec(
        code="compliance",
        label="Begunstigingstermijn",
        period=f"field:{decision}.compliance_period",
        statutory=False,
        start="notification",
        kind="expiry",
        owner_role=INSPECTOR,
        task=task,
        legal_basis=legal_basis,
    )


def after_compliance_term(
    code: str, label: str, period: str, *, task: str, closed_by: tuple[str, ...]
) -> TermSpec:
    """What the inspector must do once, after the last compliance period of all addressees has ended."""
    return TermSpec(
        code=code,
        label=label,
        period=period,
        statutory=False,
        start="deadline:compliance",
        single=True,
        owner_role=INSPECTOR,
        task=task,
        closed_by=closed_by,
    )
