"""The Damocles policy matrix: versioned edits by the functional administrator, and the assessment of a report.

A new version must cover every premises type × drug type combination for every offence number exactly once
(from the first offence up to an open-ended last range): a gap or an overlap is refused with a Dutch message
and nothing is saved.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Max
from django.http import HttpRequest

from regie.accounts.models import User
from regie.core.periods import PeriodError, parse_dutch_period, parse_period, plain_end
from regie.core.terms import format_date, term_end
from regie.procedures.models import (
    DamoclesPolicy,
    DamoclesRule,
    DrugType,
    PremisesType,
    Procedure,
    ProcedureStatus,
    Sanction,
    Transition,
)
from regie.procedures.services.fields import SUBSTANCE_CLASSES, SUBSTANCES, dutch_number
from regie.processing_log.services import log_processing

SEVERITY = {Sanction.WARNING: 1, Sanction.PENALTY: 2, Sanction.CLOSURE: 3}
_VERSION_LOCK = 0x44414D4F  # "DAMO"


@dataclass(frozen=True)
class RuleInput:
    premises_type: str
    drug_type: str
    offence_from: int
    offence_to: int | None
    sanction: str
    closure_period: str = ""


def _ordinal(n: int) -> str:
    return f"{n}e"


def _combination(premises: str, drug: str) -> str:
    return f"{PremisesType(premises).label.split(' (')[0].lower()} × {DrugType(drug).label.split(' (')[0].lower()}"


def check_rules(rules: Sequence[RuleInput]) -> list[str]:
    """Every problem with a set of rules, in Dutch: invalid rows, gaps, overlaps and missing combinations."""
    problems: list[str] = []
    by_combination: dict[tuple[str, str], list[RuleInput]] = {}
    for index, rule in enumerate(rules, start=1):
        where = f"Regel {index}"
        if rule.premises_type not in PremisesType.values or rule.drug_type not in DrugType.values:
            problems.append(f"{where}: kies een bestaande soort pand en soort middel.")
            continue
        if rule.sanction not in Sanction.values:
            problems.append(f"{where}: kies een bestaande maatregel.")
        if rule.offence_from < 1 or (rule.offence_to is not None and rule.offence_to < rule.offence_from):
            problems.append(f"{where}: 'vanaf' is ten minste 1 en 'tot en met' niet kleiner dan 'vanaf'.")
            continue
        if rule.sanction == Sanction.CLOSURE:
            try:
                parse_dutch_period(rule.closure_period)
            except PeriodError:
                problems.append(f"{where}: geef bij sluiting een duur, bijvoorbeeld 3 maanden.")
        elif rule.closure_period:
            problems.append(f"{where}: alleen een sluiting heeft een duur.")
        by_combination.setdefault((rule.premises_type, rule.drug_type), []).append(rule)
    for premises in PremisesType.values:
        for drug in DrugType.values:
            name = _combination(premises, drug)
            rows = sorted(by_combination.get((premises, drug), []), key=lambda r: r.offence_from)
            if not rows:
                problems.append(f"Gat in de matrix: {name} heeft geen enkele regel.")
                continue
            expected = 1
            for row in rows:
                if row.offence_from > expected:
                    last = row.offence_from - 1
                    span = _ordinal(expected) + (f" t/m {_ordinal(last)}" if last > expected else "")
                    problems.append(f"Gat in de matrix: {name} heeft geen regel voor de {span} overtreding.")
                elif row.offence_from < expected:
                    problems.append(
                        f"Overlap in de matrix: {name}, de {_ordinal(row.offence_from)} overtreding valt "
                        "onder twee regels."
                    )
                expected = 10**6 if row.offence_to is None else max(expected, row.offence_to + 1)
            if expected != 10**6:
                problems.append(
                    f"Gat in de matrix: {name} heeft geen regel vanaf de {_ordinal(expected)} overtreding "
                    "(laat de laatste regel open eindigen)."
                )
            if sum(1 for r in rows if r.offence_to is None) > 1:
                problems.append(f"Overlap in de matrix: {name} heeft meer dan één open laatste regel.")
    return problems


def damocles_policy_create(
    *,
    actor: User | None,
    valid_from: date,
    recidive_period: str,
    rules: Sequence[RuleInput],
    note: str = "",
    request: HttpRequest | None = None,
) -> DamoclesPolicy:
    """Store a new version of the matrix; refused whole (nothing saved) on any gap, overlap or bad row."""
    errors: dict[str, list[str]] = {}
    try:
        recidive = parse_dutch_period(recidive_period).iso()
    except PeriodError as exc:
        errors["recidive_period"] = [str(exc)]
    problems = check_rules(rules)
    if problems:
        errors["rules"] = problems
    if len(note) > 300:
        errors["note"] = ["Gebruik hoogstens 300 tekens."]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        # Serialise new versions (an advisory lock: there may be no row yet to lock); unique constraints back it up.
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_VERSION_LOCK])
        if DamoclesPolicy.objects.filter(valid_from=valid_from).exists():
            raise ValidationError({"valid_from": "Er is al een versie die op deze datum ingaat."})
        version = (DamoclesPolicy.objects.aggregate(v=Max("version"))["v"] or 0) + 1
        policy = DamoclesPolicy.objects.create(
            version=version,
            valid_from=valid_from,
            recidive_period=recidive,
            note=note.strip(),
            created_by=actor,
        )
        DamoclesRule.objects.bulk_create(
            DamoclesRule(
                policy=policy,
                premises_type=r.premises_type,
                drug_type=r.drug_type,
                offence_from=r.offence_from,
                offence_to=r.offence_to,
                sanction=r.sanction,
                closure_period=parse_dutch_period(r.closure_period).iso() if r.closure_period else "",
            )
            for r in rules
        )
        log_processing(
            action="damocles_policy.created",
            actor=actor,
            request=request,
            object_type="damocles_policy",
            object_id=policy.pk,
            details={"version": version, "validFrom": valid_from.isoformat(), "rules": len(rules)},
        )
    return policy


def policy_at(day: date) -> DamoclesPolicy | None:
    """The matrix version that applied on `day` (the latest valid_from on or before it)."""
    return DamoclesPolicy.objects.filter(valid_from__lte=day).order_by("-valid_from").first()


@dataclass(frozen=True)
class ClassCount:
    """The amounts of one class of substances, counted together against one consumer amount."""

    substance_class: (
        str  # cannabis / harddrugs / planten, or the substance code when it is never a consumer amount
    )
    drug_types: frozenset[str]
    share: Decimal  # the amounts as a multiple of the consumer amount (above 1: more than a consumer amount)
    above: bool
    text: str


def _amount(item: dict[str, Any]) -> str:
    substance = SUBSTANCES[item["substance"]]
    return f"{dutch_number(item['amount'])} {substance.unit} {substance.label.lower()}"


def count_substances(substances: Sequence[dict[str, Any]]) -> list[ClassCount]:
    """Sum the amounts per class before the consumer test: 5 g weed and 5 g hash are 10 g of cannabis, more
    than one consumer amount; hard drugs count together, a pill as one consumer amount and 0.5 g as one."""
    grouped: dict[str, list[dict[str, Any]]] = {}
    for item in substances:
        substance = SUBSTANCES[item["substance"]]
        grouped.setdefault(substance.substance_class or item["substance"], []).append(item)
    counts = []
    for key, items in grouped.items():
        found = ", ".join(_amount(i) for i in items)
        limits = {SUBSTANCES[i["substance"]].consumer_limit for i in items}
        types = frozenset(SUBSTANCES[i["substance"]].drug_type for i in items)
        if None in limits:
            counts.append(
                ClassCount(key, types, Decimal(0), True, f"{found}: nooit een gebruikershoeveelheid")
            )
            continue
        share = sum(
            (Decimal(i["amount"]) / (SUBSTANCES[i["substance"]].consumer_limit or 1) for i in items),
            Decimal(0),
        )
        above = share > 1
        units = {SUBSTANCES[i["substance"]].unit for i in items}
        label = SUBSTANCE_CLASSES.get(key, key)
        first = SUBSTANCES[items[0]["substance"]]
        if len(units) == 1:
            total = sum((Decimal(i["amount"]) for i in items), Decimal(0))
            limit = f"{dutch_number(first.consumer_limit or 0)} {first.unit}"
            summed = f"samen {dutch_number(total)} {first.unit}" if len(items) > 1 else ""
        else:
            limit = "0,5 gram of 1 pil"
            summed = f"samen {dutch_number(share.quantize(Decimal('0.01')))} keer een gebruikershoeveelheid"
        verdict = "meer dan" if above else "niet meer dan"
        counts.append(
            ClassCount(
                key,
                types,
                share,
                above,
                f"{label}: {found}"
                + (f" ({summed})" if summed else "")
                + f", {verdict} de gebruikershoeveelheid van {limit}",
            )
        )
    return counts


@dataclass
class Assessment:
    policy_version: int
    offence_number: int
    previous_offences: list[str]
    drug_types: list[str]
    consumer_only: bool
    sanction: str  # "geen" when only consumer amounts were found
    closure_period: str
    explanation: str

    def as_data(self) -> dict[str, Any]:
        return {
            "policy_version": self.policy_version,
            "offence_number": self.offence_number,
            "previous_offences": self.previous_offences,
            "drug_types": self.drug_types,
            "consumer_only": self.consumer_only,
            "sanction": self.sanction,
            "closure_period": self.closure_period,
            "explanation": self.explanation,
        }


def _heavier(a: DamoclesRule, b: DamoclesRule, day: date) -> bool:
    if SEVERITY[Sanction(a.sanction)] != SEVERITY[Sanction(b.sanction)]:
        return SEVERITY[Sanction(a.sanction)] > SEVERITY[Sanction(b.sanction)]
    if a.closure_period and b.closure_period:
        return plain_end(day, parse_period(a.closure_period)) > plain_end(day, parse_period(b.closure_period))
    return False


def previous_offences(procedure: Procedure, search_date: date, recidive_period: str) -> list[date]:
    """Earlier assessed 13b offences on the same address whose recidive period still ran on `search_date`."""
    if procedure.address_id is None:
        return []
    reports = (
        Transition.objects.filter(
            procedure__type_code=procedure.type_code,
            procedure__address_id=procedure.address_id,
            to_step="police-report",
        )
        .exclude(procedure=procedure)
        .exclude(procedure__status=ProcedureStatus.WITHDRAWN)
        .values_list("procedure_id", "data")
    )
    sanctioned = {
        pid
        for pid, data in Transition.objects.filter(
            procedure_id__in=[pid for pid, _ in reports], to_step="assessment"
        ).values_list("procedure_id", "data")
        if data.get("sanction") not in (None, "geen")
    }
    found = []
    for pid, data in reports:
        earlier = date.fromisoformat(data["search_date"])
        if pid not in sanctioned or earlier >= search_date:
            continue
        # Counted forward from the earlier offence: it still counts while its recidive period runs.
        if term_end(earlier, recidive_period, statutory=False).end_date >= search_date:
            found.append(earlier)
    return sorted(found)


def assess(procedure: Procedure, report: dict[str, Any]) -> Assessment:
    """Apply the matrix valid on the search date to a police report; raises ValidationError without a policy."""
    search_date = date.fromisoformat(report["search_date"])
    policy = policy_at(search_date)
    if policy is None:
        raise ValidationError(
            {"step": f"Er is geen Damoclesbeleid vastgesteld dat gold op {format_date(search_date)}."}
        )
    earlier = previous_offences(procedure, search_date, policy.recidive_period)
    number = len(earlier) + 1
    counts = count_substances(report.get("substances", []))
    above = sorted({t for c in counts if c.above for t in c.drug_types})
    counted = ("Meegeteld per soort: " + "; ".join(c.text for c in counts) + ". ") if counts else ""
    history = (
        f"{number}e overtreding op dit adres binnen de recidivetermijn ({parse_period(policy.recidive_period).label()})"
        + (f"; eerdere: {', '.join(format_date(d, weekday=False) for d in earlier)}" if earlier else "")
    )
    if not above:
        return Assessment(
            policy.version,
            number,
            [d.isoformat() for d in earlier],
            [],
            True,
            "geen",
            "",
            counted
            + "Alleen gebruikershoeveelheden aangetroffen; dat is op zichzelf geen reden voor een maatregel. "
            + history
            + ".",
        )
    rules = list(policy.rules.filter(premises_type=report["premises_type"], drug_type__in=above))
    chosen: DamoclesRule | None = None
    for rule in rules:
        applies = rule.offence_from <= number and (rule.offence_to is None or number <= rule.offence_to)
        if applies and (chosen is None or _heavier(rule, chosen, search_date)):
            chosen = rule
    if chosen is None:  # a validated matrix always has a rule; an old unvalidated one may not
        raise ValidationError({"step": "De Damoclesmatrix heeft geen regel voor deze situatie."})
    label = Sanction(chosen.sanction).label.lower()
    if chosen.closure_period:
        label += f" voor {parse_period(chosen.closure_period).label()}"
    return Assessment(
        policy.version,
        number,
        [d.isoformat() for d in earlier],
        above,
        False,
        chosen.sanction,
        chosen.closure_period,
        f"{counted}"
        f"Damoclesbeleid versie {policy.version}: {_combination(chosen.premises_type, chosen.drug_type)}, "
        f"{history}. De matrix schrijft voor: {label}.",
    )
