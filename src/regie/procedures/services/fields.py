"""Reading the data of a step: one parser for the web form and the API, with Dutch messages per field.

Values are stored as JSON: dates as ISO strings, amounts as decimal strings ("1250.00"), durations as ISO 8601.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from regie.core.periods import PeriodError, parse_dutch_period
from regie.procedures.definitions.schema import FieldSpec, StepSpec

MAX_TEXT = 300
MAX_LONGTEXT = 5000
MAX_MONEY = Decimal("10000000")
SUBSTANCE_ROWS = 5


@dataclass(frozen=True)
class Substance:
    label: str
    drug_type: str  # soft / hard / productie (the Damocles matrix's drug types)
    unit: str
    consumer_limit: Decimal | None  # the amount up to which it is a consumer amount; None: never
    # The class whose amounts count together against one consumer amount ("" when it never is one).
    substance_class: str = ""


# Consumer amounts (domain.md): ≤ 5 g cannabis, ≤ 0.5 g hard drugs, 1 ecstasy pill, ≤ 5 plants; amounts count
# per class together (weed and hash are both cannabis; cocaine, heroin, amphetamine and ecstasy are hard drugs).
SUBSTANCES: dict[str, Substance] = {
    "hennep": Substance("Hennep (wiet)", "soft", "gram", Decimal("5"), "cannabis"),
    "hasj": Substance("Hasj", "soft", "gram", Decimal("5"), "cannabis"),
    "hennepplanten": Substance("Hennepplanten", "productie", "planten", Decimal("5"), "planten"),
    "cocaine": Substance("Cocaïne", "hard", "gram", Decimal("0.5"), "harddrugs"),
    "heroine": Substance("Heroïne", "hard", "gram", Decimal("0.5"), "harddrugs"),
    "amfetamine": Substance("Amfetamine (speed)", "hard", "gram", Decimal("0.5"), "harddrugs"),
    "xtc": Substance("Ecstasy (xtc-pillen)", "hard", "pillen", Decimal("1"), "harddrugs"),
    "productiemiddelen": Substance("Productiemiddelen of grondstoffen", "productie", "eenheden", None),
}
SUBSTANCE_CLASSES = {
    "cannabis": "cannabisproducten (hennep en hasj samen)",
    "harddrugs": "harddrugs samen",
    "planten": "hennepplanten",
}


def dutch_number(value: Decimal | int | str) -> str:
    """A number as a Dutch reader writes it: "240", "0,5", "1.250,75"; never "2,4E+2"."""
    number = Decimal(str(value))
    text = format(number.normalize() if number == number.to_integral() else number, "f")
    whole, _, fraction = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    digits = whole.lstrip("-")
    groups: list[str] = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    fraction = fraction.rstrip("0")
    return sign + ".".join(groups) + ("," + fraction if fraction else "")


# The engine's own fields of a decision step, beside the definition's (see services.guards).
GUARD_FIELDS = ("override_reason", "view_answers")
GUARD_KEY = "_guard"

_TRUE = {"true", "on", "1", "ja", "yes"}
_FALSE = {"false", "off", "0", "nee", "no", ""}


class FieldError(ValueError):
    """A value that does not fit its field; the message is Dutch and shown as is."""


def parse_money(raw: Any) -> Decimal:
    """An amount in euros from 2500, "2500.50", "2.500,50" or "€ 2.500"; positive, two decimals."""
    if isinstance(raw, bool):
        raise FieldError("Vul een bedrag in euro's in, bijvoorbeeld 2500 of 2.500,00.")
    text = str(raw).strip().replace("€", "").replace(" ", "")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
        text = text.replace(".", "")
    if not re.fullmatch(r"\d+(\.\d{1,2})?", text):
        raise FieldError("Vul een bedrag in euro's in, bijvoorbeeld 2500 of 2.500,00.")
    try:
        amount = Decimal(text).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    except InvalidOperation as exc:
        raise FieldError("Vul een bedrag in euro's in, bijvoorbeeld 2500 of 2.500,00.") from exc
    if amount <= 0:
        raise FieldError("Het bedrag moet groter zijn dan nul.")
    if amount > MAX_MONEY:
        raise FieldError("Het bedrag is onwaarschijnlijk hoog; controleer het.")
    return amount


def parse_date(raw: Any, *, today: date) -> date:
    """A date (jjjj-mm-dd) that is not in the future."""
    if isinstance(raw, date):
        value = raw
    else:
        try:
            value = date.fromisoformat(str(raw).strip())
        except ValueError as exc:
            raise FieldError("Vul een geldige datum in (jjjj-mm-dd).") from exc
    if value > today:
        raise FieldError("De datum ligt in de toekomst.")
    if value.year < 1990:
        raise FieldError("De datum ligt te ver in het verleden.")
    return value


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value in ([], {})


def _parse_bool(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise FieldError("Kies ja of nee.")


def _parse_notifications(raw: Any, addressees: Mapping[str, Any], today: date) -> list[dict[str, str]]:
    pairs: list[tuple[Any, Any]]
    if isinstance(raw, Mapping):
        pairs = list(raw.items())
    elif isinstance(raw, list):
        pairs = []
        for item in raw:
            if not isinstance(item, Mapping):
                raise FieldError('Geef per geadresseerde een datum: [{"addressee": …, "date": …}].')
            pairs.append((item.get("addressee"), item.get("date")))
    else:
        raise FieldError("Geef per geadresseerde een datum.")
    result: list[dict[str, str]] = []
    for addressee, value in pairs:
        if _is_empty(value):
            continue
        key = str(addressee)
        if key not in addressees:
            raise FieldError("Kies alleen geadresseerden van deze procedure.")
        if any(r["addressee"] == key for r in result):
            raise FieldError("Een geadresseerde staat er twee keer in.")
        result.append({"addressee": key, "date": parse_date(value, today=today).isoformat()})
    return result


def _parse_substances(raw: Any) -> list[dict[str, str]]:
    if not isinstance(raw, list):
        raise FieldError("Geef de aangetroffen middelen als lijst van middel en hoeveelheid.")
    result = []
    for item in raw:
        if not isinstance(item, Mapping):
            raise FieldError("Geef per middel een soort en een hoeveelheid.")
        code, amount = item.get("substance"), item.get("amount")
        if _is_empty(code) and _is_empty(amount):
            continue
        if code not in SUBSTANCES:
            raise FieldError("Kies een bekend middel uit de lijst.")
        try:
            quantity = Decimal(str(amount).strip().replace(",", "."))
        except InvalidOperation as exc:
            raise FieldError(f"Vul voor {SUBSTANCES[str(code)].label} een hoeveelheid in.") from exc
        if not quantity.is_finite() or quantity <= 0 or quantity > 1_000_000:
            raise FieldError(f"Vul voor {SUBSTANCES[str(code)].label} een hoeveelheid groter dan nul in.")
        result.append({"substance": str(code), "amount": str(quantity.normalize())})
    return result


def parse_value(spec: FieldSpec, raw: Any, *, addressees: Mapping[str, Any], today: date) -> Any:
    """The stored form of one value; raises FieldError with a Dutch message."""
    kind = spec.type
    if kind in ("text", "longtext"):
        if not isinstance(raw, str):
            raise FieldError("Vul tekst in.")
        limit = MAX_TEXT if kind == "text" else MAX_LONGTEXT
        if len(raw.strip()) > limit:
            raise FieldError(f"Gebruik hoogstens {limit} tekens.")
        return raw.strip()
    if kind == "date":
        return parse_date(raw, today=today).isoformat()
    if kind == "bool":
        return _parse_bool(raw)
    if kind == "money":
        return str(parse_money(raw))
    if kind == "period":  # as a person types it ("6 weken") or ISO 8601 ("P6W", as the API sends it)
        try:
            return parse_dutch_period(str(raw)).iso()
        except PeriodError as exc:
            raise FieldError(f"{exc} Of gebruik een ISO 8601-duur, zoals P6W.") from exc
    if kind == "choice":
        if str(raw) not in dict(spec.choices):
            raise FieldError(
                "Kies een van de mogelijkheden: " + ", ".join(label for _, label in spec.choices) + "."
            )
        return str(raw)
    if kind == "int":
        if isinstance(raw, bool) or not str(raw).strip().isdigit():
            raise FieldError("Vul een positief geheel getal in.")
        return int(str(raw).strip())
    if kind == "addressee":
        if str(raw) not in addressees:
            raise FieldError("Kies een geadresseerde van deze procedure.")
        return str(raw)
    if kind == "notifications":
        return _parse_notifications(raw, addressees, today)
    if kind == "substances":
        return _parse_substances(raw)
    raise FieldError("Onbekend soort veld.")


def parse_step_data(
    step: StepSpec,
    raw: Mapping[str, Any],
    *,
    from_step: str,
    addressees: Mapping[str, Any],
    today: date,
) -> tuple[dict[str, Any], dict[str, str]]:
    """The step's cleaned data and the Dutch errors per field; unknown fields are refused, not dropped."""
    data: dict[str, Any] = {}
    errors: dict[str, str] = {}
    known = {f.name for f in step.fields}
    for name in raw:
        if name not in known and name not in GUARD_FIELDS:
            errors[name] = "Dit veld hoort niet bij deze stap."
    guard = _parse_guard(raw, errors)
    if guard:
        data[GUARD_KEY] = guard
    for spec in step.fields:
        value = raw.get(spec.name)
        if spec.type == "bool":
            try:
                data[spec.name] = False if value is None else _parse_bool(value)
            except FieldError as exc:
                errors[spec.name] = str(exc)
            else:
                if not data[spec.name] and _required(spec, raw, from_step):
                    errors[spec.name] = "Bevestig dit."
            continue
        if _is_empty(value):
            if _required(spec, raw, from_step):
                errors[spec.name] = f"{spec.label}: vul dit in."
            continue
        try:
            data[spec.name] = parse_value(spec, value, addressees=addressees, today=today)
        except FieldError as exc:
            errors[spec.name] = str(exc)
            continue
        if (
            spec.type in ("notifications", "substances")
            and not data[spec.name]
            and _required(spec, raw, from_step)
        ):
            errors[spec.name] = f"{spec.label}: vul dit in."
    return data, errors


def _parse_guard(raw: Mapping[str, Any], errors: dict[str, str]) -> dict[str, Any]:
    """The engine's own fields of a decision step (services.guards): the reasoned override and the answers."""
    guard: dict[str, Any] = {}
    reason = raw.get("override_reason")
    if not _is_empty(reason):
        if not isinstance(reason, str) or len(reason.strip()) > MAX_LONGTEXT:
            errors["override_reason"] = (
                f"Reden om toch te besluiten: gebruik tekst van hoogstens {MAX_LONGTEXT} tekens."
            )
        else:
            guard["override_reason"] = reason.strip()
    answers = raw.get("view_answers")
    if not _is_empty(answers):
        if not isinstance(answers, Mapping) or not all(isinstance(v, str) for v in answers.values()):
            errors["view_answers"] = (
                'Antwoord op zienswijze: geef per zienswijze een tekst: {"<volgnummer>": "…"}.'
            )
        elif any(len(v.strip()) > MAX_LONGTEXT for v in answers.values()):
            errors["view_answers"] = f"Antwoord op zienswijze: gebruik hoogstens {MAX_LONGTEXT} tekens."
        else:
            guard["view_answers"] = {str(k): v for k, v in answers.items() if v.strip()}
    return guard


def _required(spec: FieldSpec, raw: Mapping[str, Any], from_step: str) -> bool:
    if spec.required:
        return True
    if spec.required_from and from_step in spec.required_from:
        return True
    if spec.required_if is not None:
        other, expected = spec.required_if
        return str(raw.get(other, "")) == expected
    return False


def raw_from_post(step: StepSpec, post: Mapping[str, Any]) -> dict[str, Any]:
    """The raw step data from an HTML form (checkboxes, per-addressee dates and substance rows)."""
    raw: dict[str, Any] = {}
    for spec in step.fields:
        if spec.type == "notifications":
            prefix = f"{spec.name}-"
            raw[spec.name] = {k[len(prefix) :]: v for k, v in post.items() if k.startswith(prefix) and v}
        elif spec.type == "substances":
            raw[spec.name] = [
                {
                    "substance": post.get(f"{spec.name}-{i}-substance", ""),
                    "amount": post.get(f"{spec.name}-{i}-amount", ""),
                }
                for i in range(SUBSTANCE_ROWS)
            ]
        elif spec.type == "bool":
            raw[spec.name] = spec.name in post
        elif spec.name in post:
            raw[spec.name] = post.get(spec.name)
    if (post.get("override_reason") or "").strip():
        raw["override_reason"] = post.get("override_reason")
    answers = {
        k[len("view_answer-") :]: v for k, v in post.items() if k.startswith("view_answer-") and v.strip()
    }
    if answers:
        raw["view_answers"] = answers
    return raw
