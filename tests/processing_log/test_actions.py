"""The registry of processing-log actions: every code used in src is declared once, with a Dutch label, and
`log_processing` refuses any other; the privacy officer reads labels on the log page and in the API."""

from __future__ import annotations

import ast
import re
import uuid
from pathlib import Path

import pytest

from regie.processing_log.actions import (
    OBJECT_TYPE_LABELS,
    UnknownAction,
    all_actions,
    get_action,
    label_for,
    object_type_label,
)
from regie.processing_log.models import ProcessingLogEntry
from regie.processing_log.services import log_processing

SRC = Path(__file__).resolve().parents[2] / "src" / "regie"
CODE = re.compile(r"[a-z_]+\.[a-z_]+")

# Action values that are not literals: where they come from, and every code they can take.
FORWARDED = {"action", "self.read_action", "self.log_action"}  # a wrapper's parameter or a view's attribute
DYNAMIC = {
    # `signal_mail_send(kind=...)`: the kinds enqueued are confirmation, update (reporter_mailed), reminder, escalation
    "f'signal.{kind}_mailed'": {"signal.reminder_mailed", "signal.escalation_mailed"},
}


def _literals(node: ast.expr, where: str, problems: list[str]) -> set[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _literals(node.body, where, problems) | _literals(node.orelse, where, problems)
    text = ast.unparse(node)
    if text in DYNAMIC:
        return DYNAMIC[text]
    if text not in FORWARDED:
        problems.append(f"{where}: action {text} is built at run time; list its codes in DYNAMIC")
    return set()


def _trees() -> list[tuple[str, ast.Module]]:
    return [
        (str(path.relative_to(SRC.parent)), ast.parse(path.read_text(encoding="utf-8")))
        for path in sorted(SRC.rglob("*.py"))
    ]


def _loggers(trees: list[tuple[str, ast.Module]]) -> dict[str, int | None]:
    """`log_processing` and every function that passes its own `action` parameter on to a logger (`log_read`,
    `get_case_for`, `auth_event` …): name -> position of that parameter (None when keyword-only)."""
    loggers: dict[str, int | None] = {"log_processing": None}
    functions = [
        node
        for _, tree in trees
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef)
        and "action" in {a.arg for a in [*node.args.args, *node.args.kwonlyargs]}
    ]
    grown = True
    while grown:
        grown = False
        for function in functions:
            if function.name in loggers:
                continue
            for call in ast.walk(function):
                if (
                    isinstance(call, ast.Call)
                    and (getattr(call.func, "id", None) or getattr(call.func, "attr", None)) in loggers
                    and any(k.arg == "action" and ast.unparse(k.value) == "action" for k in call.keywords)
                ):
                    positional = [a.arg for a in function.args.args]
                    loggers[function.name] = positional.index("action") if "action" in positional else None
                    grown = True
                    break
    return loggers


def _codes_in_src() -> tuple[dict[str, list[str]], list[str]]:
    """Every action code in src: the `action` given to `log_processing` and to the functions that pass it on,
    their `action` defaults, and the `read_action` / `log_action` attributes of API views (with where they occur)."""
    trees = _trees()
    loggers = _loggers(trees)
    found: dict[str, list[str]] = {}
    problems: list[str] = []
    for path, tree in trees:
        for node in ast.walk(tree):
            where = f"{path}:{getattr(node, 'lineno', 0)}"
            values: list[ast.expr] = []
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                if name not in loggers:
                    continue
                values += [k.value for k in node.keywords if k.arg == "action"]
                position = loggers[name]
                if position is not None and len(node.args) > position:
                    values.append(node.args[position])
                if name in {"log_processing", "auth_event", "log_read"} and not values:
                    problems.append(f"{where}: {name} without action")
            elif isinstance(node, ast.FunctionDef) and node.name in loggers:
                arguments = [*node.args.args, *node.args.kwonlyargs]
                defaults = [None] * (len(node.args.args) - len(node.args.defaults))
                defaults += [*node.args.defaults, *node.args.kw_defaults]
                values += [d for a, d in zip(arguments, defaults, strict=True) if a.arg == "action" and d]
            elif isinstance(node, ast.Assign):
                targets = {getattr(t, "id", None) for t in node.targets}
                if targets & {"read_action", "log_action"}:
                    values.append(node.value)
            for value in values:
                for code in _literals(value, where, problems):
                    if code:  # a view's empty `log_action` default
                        found.setdefault(code, []).append(where)
    return found, problems


def test_the_scan_follows_the_functions_that_pass_an_action_on():
    loggers = _loggers(_trees())
    assert {"log_read", "get_case_for", "get_signal_for", "get_lot_for", "auth_event", "_log"} <= set(loggers)


def test_every_action_code_used_in_src_is_registered():
    found, problems = _codes_in_src()
    assert not problems, "\n".join(problems)
    # A sanity floor: the scan finds the codes, not an empty set.
    assert len(found) > 100
    unregistered = {code: places for code, places in found.items() if label_for(code) == code}
    assert not unregistered, f"declare these in regie.processing_log.actions: {unregistered}"


def test_the_login_events_of_the_signal_handlers_and_axes_are_registered():
    found, _ = _codes_in_src()
    for code in ("auth.login", "auth.login_failed", "auth.locked_out", "auth.logout", "auth.unlocked"):
        assert code in found and get_action(code).activity


def test_every_direct_call_of_an_action_that_names_persons_passes_persons():
    missing = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or getattr(node.func, "id", None) != "log_processing":
                continue
            keywords = {k.arg: k.value for k in node.keywords}
            codes = _literals(keywords["action"], "", []) if "action" in keywords else set()
            if any(get_action(c).names_persons for c in codes) and "persons" not in keywords:
                missing.append(f"{path.relative_to(SRC.parent)}:{node.lineno}")
    assert not missing


def test_each_action_is_declared_once_with_a_dutch_label_object_type_and_activity():
    actions = all_actions()
    assert len({a.code for a in actions}) == len(actions)
    for action in actions:
        assert CODE.fullmatch(action.code), action.code
        assert action.label and action.label != action.code and action.activity
    assert get_action("case.viewed").label == "Casus bekeken"
    assert get_action("case.viewed").activity == "Casusregie zorg en veiligheid"
    assert get_action("case.viewed").object_type == "case" and get_action("case.viewed").names_persons


@pytest.mark.django_db
def test_log_processing_refuses_an_unknown_code_and_writes_nothing():
    before = ProcessingLogEntry.objects.count()
    with pytest.raises(UnknownAction, match=r"casus\.bekeken"):
        log_processing(action="casus.bekeken", username="tester", object_type="case")
    assert ProcessingLogEntry.objects.count() == before


@pytest.mark.django_db
def test_log_processing_refuses_an_action_that_names_persons_without_persons():
    with pytest.raises(ValueError, match="persons"):
        log_processing(action="person.viewed", username="tester", object_type="person")
    entry = log_processing(action="case.viewed", username="tester", object_type="case", persons=[])
    assert entry.person_ids == [] and entry.action_label == "Casus bekeken"


def test_every_declared_object_type_has_a_dutch_name():
    missing = {a.object_type for a in all_actions() if a.object_type} - set(OBJECT_TYPE_LABELS)
    assert not missing, missing
    assert object_type_label("case") == "Casus" and object_type_label("iets_ouds") == "iets_ouds"


@pytest.mark.django_db
def test_the_log_page_names_object_types_and_roles_in_dutch_not_by_code(sign_in, users):
    log_processing(action="person.viewed", actor=users["jurist"], persons=[uuid.uuid4()], object_type="person")
    html = sign_in(users["privacy"]).get("/privacy/verwerkingslog").content.decode()
    rows = html.split("<tbody", 1)[1]
    assert "jurist (Jurist)" in rows and "Persoon " in rows
    assert "(jurist)" not in rows and ">person " not in rows


def test_an_old_entry_with_an_undeclared_code_still_shows_its_code():
    assert label_for("iets.verdwenen") == "iets.verdwenen"


@pytest.mark.django_db
def test_the_log_page_shows_labels_and_offers_them_in_the_filter(sign_in, users):
    person = uuid.uuid4()
    log_processing(action="person.viewed", actor=users["jurist"], persons=[person], object_type="person")
    client = sign_in(users["privacy"])
    html = client.get("/privacy/verwerkingslog").content.decode()
    assert "Persoon bekeken" in html
    assert '<option value="person.viewed">Persoon bekeken</option>' in html
    assert '<optgroup label="Casusregie zorg en veiligheid">' in html
    chosen = client.get("/privacy/verwerkingslog", {"action": "person.viewed"}).content.decode()
    assert '<option value="person.viewed" selected>Persoon bekeken</option>' in chosen
    assert "Verwerkingslog geraadpleegd" not in chosen.split("<tbody", 1)[1]
    prefix = client.get("/privacy/verwerkingslog", {"action": "person."})
    assert prefix.status_code == 200 and "Begint met: person." in prefix.content.decode()
    bad = client.get("/privacy/verwerkingslog", {"action": "DROP TABLE"})
    assert bad.status_code == 400 and "Kies een handeling uit de lijst." in bad.content.decode()


@pytest.mark.django_db
def test_the_api_keeps_the_code_and_adds_the_label(api_as, users):
    log_processing(action="case.viewed", actor=users["ggz"], object_type="case", persons=[])
    results = api_as("privacy").get("/api/v1/processing-log?action=case.viewed").json()["results"]
    assert [(r["action"], r["actionLabel"]) for r in results] == [("case.viewed", "Casus bekeken")]


@pytest.mark.django_db
def test_the_openapi_document_describes_the_label(client):
    doc = client.get("/api/v1/openapi.json").json()
    entry = next(
        s for name, s in doc["components"]["schemas"].items() if name.startswith("ProcessingLogEntry")
    )
    assert entry["properties"]["actionLabel"]["type"] == "string"
    assert entry["properties"]["actionLabel"]["readOnly"] is True
