"""The shape of the digital-safety content, checked before a version is published, and how answers are scored.

Content is data (style.md): the checks, the victim guide's referral table and the consent text ship as JSON in
`digital/data/` as version 1 and are edited by the administrator as new versions (services.content).
This module only reads a definition; it never stores anything.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError

from regie.digital.models import ContentKind

DATA = Path(__file__).resolve().parent / "data"
CHECK_KINDS: tuple[str, ...] = (ContentKind.CHECK_RESIDENTS.value, ContentKind.CHECK_BUSINESSES.value)
TOP_ACTIONS = 3


def bundled(kind: str) -> dict[str, Any]:
    """The version shipped with Regie (version 1 of a municipality that has not edited it yet)."""
    return dict(json.loads((DATA / f"{kind}.json").read_text(encoding="utf-8")))


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise ValidationError({"definition": message})


def _check_options(options: Any, where: str) -> None:
    _require(isinstance(options, list) and len(options) >= 2, f"{where}: geef minstens twee antwoorden.")
    values = set()
    for option in options:
        _require(
            isinstance(option, dict)
            and isinstance(option.get("value"), str)
            and isinstance(option.get("label"), str)
            and isinstance(option.get("points"), int)
            and option["points"] >= 0,
            f"{where}: elk antwoord heeft value, label en points (een geheel getal van 0 of meer).",
        )
        values.add(option["value"])
    _require(len(values) == len(options), f"{where}: twee antwoorden hebben dezelfde value.")


def validate_check(definition: Any) -> None:
    """Refuse a check definition a resident could not complete or that cannot be scored (Dutch messages)."""
    _require(isinstance(definition, dict), "De inhoud moet een JSON-object zijn.")
    _require(
        isinstance(definition.get("title"), str) and definition["title"].strip() != "", "Geef een titel."
    )
    scales = definition.get("scales") or {}
    _require(isinstance(scales, dict), "scales moet een object zijn.")
    for name, options in scales.items():
        _check_options(options, f"Schaal {name}")
    topics = definition.get("topics")
    _require(isinstance(topics, list) and len(topics) > 0, "Geef minstens één onderwerp (topics).")
    topic_codes = {t.get("code") for t in topics if isinstance(t, dict) and isinstance(t.get("label"), str)}
    _require(len(topic_codes) == len(topics), "Elk onderwerp heeft een eigen code en een label.")
    questions = definition.get("questions")
    _require(isinstance(questions, list) and len(questions) > 0, "Geef minstens één vraag (questions).")
    codes = set()
    for q in questions:
        _require(isinstance(q, dict) and isinstance(q.get("code"), str), "Elke vraag heeft een code.")
        where = f"Vraag {q['code']}"
        _require(q["code"] not in codes, f"{where} staat er twee keer in.")
        codes.add(q["code"])
        _require(isinstance(q.get("text"), str) and q["text"].strip() != "", f"{where}: geef de vraagtekst.")
        _require(q.get("topic") in topic_codes, f"{where}: het onderwerp bestaat niet.")
        _require(isinstance(q.get("advice"), str), f"{where}: geef een advies.")
        _require(
            isinstance(q.get("weight", 1), int) and q.get("weight", 1) >= 1, f"{where}: weight is 1 of meer."
        )
        if "options" in q:
            _check_options(q["options"], where)
        else:
            _require(q.get("scale") in scales, f"{where}: de schaal bestaat niet.")
    bands = definition.get("bands")
    _require(
        isinstance(bands, list) and any(isinstance(b, dict) and b.get("min") == 0 for b in bands),
        "Geef uitslagen (bands) met een ondergrens, waarvan één met min 0.",
    )
    risk = definition.get("risk")
    if risk is not None:
        _require(isinstance(risk, dict) and isinstance(risk.get("questions"), list), "risk heeft vragen.")
        for q in risk["questions"]:
            _require(
                isinstance(q, dict) and isinstance(q.get("code"), str), "Elke risicovraag heeft een code."
            )
            _require(
                q["code"] not in codes, f"Risicovraag {q['code']} heeft dezelfde code als een andere vraag."
            )
            codes.add(q["code"])
            _check_options(q.get("options"), f"Risicovraag {q['code']}")
        classes = risk.get("classes")
        _require(
            isinstance(classes, list)
            and len(classes) > 0
            and all(isinstance(c.get("max"), int) for c in classes),
            "risk heeft klassen (classes) met een bovengrens (max).",
        )


def validate_guide(definition: Any) -> None:
    """Refuse a victim guide without situations, steps or referrals."""
    _require(isinstance(definition, dict), "De inhoud moet een JSON-object zijn.")
    situations = definition.get("situations")
    _require(isinstance(situations, list) and len(situations) > 0, "Geef minstens één situatie.")
    codes = set()
    for s in situations:
        _require(isinstance(s, dict) and isinstance(s.get("code"), str), "Elke situatie heeft een code.")
        _require(s["code"] not in codes, f"Situatie {s['code']} staat er twee keer in.")
        codes.add(s["code"])
        _require(isinstance(s.get("label"), str), f"Situatie {s['code']}: geef een label.")
        _require(
            isinstance(s.get("steps"), list) and len(s["steps"]) > 0, f"Situatie {s['code']}: geef stappen."
        )
        refs = s.get("referrals")
        _require(
            isinstance(refs, list) and all(isinstance(r, dict) and r.get("name") for r in refs),
            f"Situatie {s['code']}: elke verwijzing heeft een naam.",
        )


def validate_consent(definition: Any) -> None:
    _require(
        isinstance(definition, dict)
        and isinstance(definition.get("text"), str)
        and len(definition["text"]) > 40,
        "Geef de toestemmingstekst (text), volledig uitgeschreven.",
    )


VALIDATORS = {
    ContentKind.CHECK_RESIDENTS: validate_check,
    ContentKind.CHECK_BUSINESSES: validate_check,
    ContentKind.VICTIM_GUIDE: validate_guide,
    ContentKind.CONSENT: validate_consent,
}


def options_of(definition: Mapping[str, Any], question: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The answers a question offers: its own, or those of its scale."""
    if "options" in question:
        return list(question["options"])
    return list(definition["scales"][question["scale"]])


def all_questions(definition: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Every question of a check, the risk questions last."""
    risk = definition.get("risk") or {}
    return [*definition["questions"], *risk.get("questions", [])]


@dataclass
class Outcome:
    """What a resident sees after a check; `topic_scores` and `score` are all that is kept (anonymously)."""

    score: int
    band: dict[str, Any]
    topic_scores: dict[str, int]
    topics: list[dict[str, Any]]
    top_actions: list[dict[str, Any]]
    advice: list[dict[str, Any]]
    risk_class: dict[str, Any] | None = None
    answers: dict[str, str] = field(default_factory=dict)


def _percent(points: int, maximum: int) -> int:
    return round(100 * points / maximum) if maximum else 100


def score(definition: Mapping[str, Any], answers: Mapping[str, str]) -> Outcome:
    """Score complete, valid answers (see `answer_errors`): per topic, overall, the top actions, the risk class."""
    per_topic: dict[str, list[int]] = {t["code"]: [0, 0] for t in definition["topics"]}
    overall = [0, 0]
    missed: list[tuple[int, int, dict[str, Any]]] = []
    for index, q in enumerate(definition["questions"]):
        options = options_of(definition, q)
        best = max(o["points"] for o in options)
        got = next(o["points"] for o in options if o["value"] == answers[q["code"]])
        weight = int(q.get("weight", 1))
        per_topic[q["topic"]][0] += got * weight
        per_topic[q["topic"]][1] += best * weight
        overall[0] += got * weight
        overall[1] += best * weight
        if got < best:
            missed.append(((best - got) * weight, -index, q))
    missed.sort(key=lambda item: (item[0], item[1]), reverse=True)
    advice = [q for _, _, q in missed]
    total = _percent(*overall)
    bands = sorted(definition["bands"], key=lambda b: b["min"], reverse=True)
    band = next(b for b in bands if total >= b["min"])
    topic_scores = {code: _percent(*pair) for code, pair in per_topic.items()}
    topics = [{**t, "score": topic_scores[t["code"]]} for t in definition["topics"]]
    risk_class = None
    risk = definition.get("risk")
    if risk:
        points = sum(
            next(o["points"] for o in q["options"] if o["value"] == answers[q["code"]])
            for q in risk["questions"]
        )
        classes = sorted(risk["classes"], key=lambda c: c["max"])
        risk_class = next((c for c in classes if points <= c["max"]), classes[-1])
    return Outcome(
        score=total,
        band=band,
        topic_scores=topic_scores,
        topics=topics,
        top_actions=advice[:TOP_ACTIONS],
        advice=advice[TOP_ACTIONS:],
        risk_class=risk_class,
        answers=dict(answers),
    )


def answer_errors(definition: Mapping[str, Any], answers: Mapping[str, Any]) -> dict[str, str]:
    """Per question code, what is wrong with the answer: missing, or a value the question does not offer."""
    errors: dict[str, str] = {}
    for q in all_questions(definition):
        given = answers.get(q["code"])
        if given in (None, ""):
            errors[q["code"]] = "Kies een antwoord op deze vraag."
        elif not isinstance(given, str) or given not in {o["value"] for o in options_of(definition, q)}:
            errors[q["code"]] = "Dit antwoord hoort niet bij deze vraag. Kies een van de antwoorden."
    return errors


def situation(definition: Mapping[str, Any], code: str) -> dict[str, Any] | None:
    """One situation of the victim guide by its code, or None."""
    return next((s for s in definition["situations"] if s["code"] == code), None)
