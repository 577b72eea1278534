"""The merge fields of a letter: which names a template may use, and their values for one addressee.

Common fields exist in every letter; a letter adds its own from its definition ("merge" sources) and, when it
opens objection or appeal, the remedy clause with the end date the engine computed for this addressee.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings

from regie.accounts.models import User
from regie.cases.extensions import contributed_contact
from regie.core.terms import format_date, parse_period
from regie.procedures.definitions import SHIPPED
from regie.procedures.definitions.schema import Definition, LetterSpec
from regie.procedures.models import Addressee, Deadline, DeadlineStatus, Procedure, Transition
from regie.procedures.services.addressees import case_addresses
from regie.procedures.services.fields import SUBSTANCES, dutch_number
from regie.procedures.services.mandates import mandate_for, signs_in_own_right
from regie.procedures.services.rules import money

COMMON_FIELDS: dict[str, str] = {
    "gemeente": "naam van de gemeente (Gemeente …)",
    "plaatsnaam": "naam van de gemeente zonder 'Gemeente', voor 'het college van … van {plaatsnaam}'",
    "datum_brief": "datum van de brief (de datum van de stap)",
    "casusnummer": "casusnummer",
    "kenmerk": "kenmerk van de brief (casusnummer/stap)",
    "procedure": "soort procedure",
    "geadresseerde_naam": "naam van de geadresseerde",
    "geadresseerde_straat": "straat en huisnummer van de geadresseerde",
    "geadresseerde_postcode_woonplaats": "postcode en woonplaats van de geadresseerde",
    "object_adres": "adres van de woning, het lokaal of de kavel",
    "contactpersoon_naam": "vast aanspreekpunt: bij een kavel op een vakantiepark de projectleider van het park, "
    "anders de coördinator van de casus",
    "contactpersoon_functie": "functie van het aanspreekpunt",
    "contactpersoon_telefoon": "telefoonnummer van het aanspreekpunt",
    "contactpersoon_email": "e-mailadres van het aanspreekpunt",
    "wettelijke_grondslag": "wettelijke grondslag van de brief",
    "bestuursorgaan": "wie besluit: het college van burgemeester en wethouders, of de burgemeester",
    "datum_bekendmaking": "datum van bekendmaking aan deze geadresseerde",
    "ondertekenaar_naam": "wie de brief ondertekent, uit het mandaatregister",
    "ondertekenaar_functie": "functie van de ondertekenaar, uit het mandaatregister",
    "mandaat": "het mandaatbesluit waarop de ondertekenaar tekent (of: eigen bevoegdheid)",
    "namens": "'namens deze(n),' als de ondertekenaar in mandaat tekent; leeg als de burgemeester zelf tekent",
    "zienswijzen_beantwoord": "de ontvangen zienswijzen en hoe het besluit ze beantwoordt (Awb 3:46, 4:12)",
}
OBJECTION_FIELDS = {
    "bezwaar_einddatum": "laatste dag van de bezwaartermijn van deze geadresseerde",
    "bezwaartermijn": "duur van de bezwaartermijn",
    "bezwaarclausule": "de volledige bezwaarclausule met de einddatum",
}
# The decision on objection: the advisory committee's advice (7:13) and costs (7:15), where recorded.
OBJECTION_DECISION_FIELDS = {
    "advies_commissie": "of en wanneer de bezwaarschriftencommissie heeft geadviseerd (Awb 7:13)",
    "proceskosten": "vergoeding van de kosten van het bezwaar (Awb 7:15), als die is vastgelegd",
}
APPEAL_FIELDS = {
    "beroep_einddatum": "laatste dag van de beroepstermijn",
    "beroepstermijn": "duur van de beroepstermijn",
    "beroepsclausule": "de volledige beroepsclausule met de einddatum",
}


# The BRP address investigation is burgerzaken's own procedure, kept apart from enforcement (domain.md): its
# letters name its own coordinator, also when the address is a park lot.
OWN_CONTACT = frozenset({"brp-address-investigation"})


def contact_person(procedure: Procedure) -> tuple[User, str]:
    """Whom a letter names as the single point of contact, with their job title: for a case about a lot on a
    holiday park, that park's project leader (the park approach has one contact for residents and partners);
    otherwise, or for burgerzaken's own procedure, the case coordinator."""
    case = procedure.case
    if procedure.type_code not in OWN_CONTACT:
        leader = contributed_contact(case)  # the park's project leader, contributed by the park app
        if leader is not None:
            return leader, leader.job_title or "Projectleider"
    return case.coordinator, case.coordinator.job_title


def place() -> str:
    """The municipality's name as used after "van": "Lingewaard" for "Gemeente Lingewaard"."""
    name = str(settings.REGIE_MUNICIPALITY_NAME)
    return name[len("Gemeente ") :] if name.lower().startswith("gemeente ") else name


def court() -> str:
    """The administrative court for this municipality's appeals (REGIE_COURT in settings when set)."""
    return str(getattr(settings, "REGIE_COURT", "rechtbank Gelderland"))


def letter_specs(code: str) -> list[tuple[Definition, LetterSpec]]:
    """Every use of a letter code in the shipped definitions."""
    return [(d, spec) for d in SHIPPED.values() for spec in d.letters().values() if spec.code == code]


def letter_codes() -> dict[str, str]:
    """Every letter code with its label."""
    return {spec.code: spec.label for d in SHIPPED.values() for spec in d.letters().values()}


def allowed_fields(code: str) -> dict[str, str]:
    """The merge fields a template for this letter code may use, with a Dutch description."""
    allowed = dict(COMMON_FIELDS)
    for _, spec in letter_specs(code):
        if spec.objection_term:
            allowed.update(APPEAL_FIELDS if spec.objection_term == "appeal" else OBJECTION_FIELDS)
        for name, source in spec.merge:
            allowed[name] = source
    if code == "objection-decision":
        allowed.update(OBJECTION_DECISION_FIELDS)
    return allowed


def _format(value: Any, fmt: str, definition: Definition, step_code: str, name: str) -> str:
    if value in (None, ""):
        return ""
    if fmt == "date":
        return format_date(
            value if isinstance(value, date) else date.fromisoformat(str(value)), weekday=False
        )
    if fmt == "money":
        return money(str(value))
    if fmt == "period":
        return parse_period(str(value)).label()
    if fmt == "yesno":
        return "ja" if value else "nee"
    if fmt == "number" or (isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)):
        return dutch_number(value)
    if fmt == "choice":
        spec = definition.step(step_code)
        field = next((f for f in spec.fields if f.name == name), None) if spec else None
        return dict(field.choices).get(str(value), str(value)) if field else str(value)
    if fmt == "substances":
        return "; ".join(_substance(item) for item in value)
    return str(value)


def _substance(item: dict[str, str]) -> str:
    """One found substance in Dutch: "240 hennepplanten", "12 gram cocaïne" (the unit once, never twice)."""
    substance = SUBSTANCES[item["substance"]]
    label = substance.label.lower()
    unit = "" if substance.unit in label else f" {substance.unit}"
    return f"{dutch_number(item['amount'])}{unit} {label}"


# Since 1 January 2024 the rule broken is one of the omgevingsplan (Omgevingswet; its temporary part, art. 22.1,
# holds the old zoning plans); before, using a building against the zoning plan was forbidden by Wabo art. 2.1.
OMGEVINGSWET_FROM = date(2024, 1, 1)
PERMANENT_RESIDENCE_LETTERS = frozenset({"pr-intended-decision", "pr-decision", "pr-request-decision"})


def omgevingsplan_rule() -> str:
    """The rule of the omgevingsplan that residence as main home breaks (REGIE_OMGEVINGSPLAN_REGEL in settings)."""
    return str(
        getattr(
            settings,
            "REGIE_OMGEVINGSPLAN_REGEL",
            "de regel die het gebruik van een recreatiewoning als hoofdverblijf verbiedt (recreatieve bestemming)",
        )
    )


def legal_basis(spec: LetterSpec, on_date: date) -> str:
    """The legal basis a letter cites on its date: the law in force then, naming the rule that was broken."""
    if spec.code in PERMANENT_RESIDENCE_LETTERS:
        powers = "artikel 125 van de Gemeentewet en artikel 5:32 van de Algemene wet bestuursrecht"
        if on_date >= OMGEVINGSWET_FROM:
            return (
                f"{powers}; overtreden is {omgevingsplan_rule()} in het omgevingsplan van {place()} "
                "(artikel 22.1 van de Omgevingswet: het tijdelijke deel van het omgevingsplan bevat het "
                "bestemmingsplan)"
            )
        return (
            f"{powers}; overtreden is artikel 2.1, eerste lid, onder c, van de Wet algemene bepalingen "
            f"omgevingsrecht, in samenhang met {omgevingsplan_rule()} in het bestemmingsplan"
        )
    # The college acts on its powers under the Wet BRP; a circular is no legal basis for a decision.
    return spec.legal_basis.replace(" en de Circulaire Adresonderzoek BRP", "").replace(
        "Circulaire Adresonderzoek BRP", "de Wet basisregistratie personen"
    )


class LetterContext:
    """Resolves merge sources for one letter of one transition, for one addressee."""

    def __init__(
        self,
        *,
        procedure: Procedure,
        definition: Definition,
        transition: Transition,
        history: list[Transition],
        addressee: Addressee | None,
    ) -> None:
        self.procedure = procedure
        self.definition = definition
        self.transition = transition
        self.history = history
        self.addressee = addressee
        self.deadlines = list(
            procedure.deadlines.exclude(status=DeadlineStatus.SUPERSEDED).order_by(
                "transition__seq", "due_date"
            )
        )

    def _transition_of(self, step_code: str) -> Transition | None:
        if self.transition.to_step == step_code:
            return self.transition
        return next(
            (t for t in reversed(self.history) if t.to_step == step_code and t.seq < self.transition.seq),
            None,
        )

    def deadline(self, code: str) -> Deadline | None:
        """This addressee's deadline with this code, preferring one this step created; else the procedure's."""
        matching = [d for d in self.deadlines if d.code == code]
        target = self.addressee.pk if self.addressee else None
        for choice in (
            [d for d in matching if d.transition_id == self.transition.pk and d.addressee_id == target],
            [d for d in matching if d.transition_id == self.transition.pk and d.addressee_id is None],
            [d for d in matching if d.addressee_id == target],
            [d for d in matching if d.addressee_id is None],
        ):
            if choice:
                return choice[-1]
        return None

    def resolve(self, source: str) -> str:
        expression, _, fmt = source.partition("|")
        kind, _, path = expression.partition(":")
        if kind == "text":
            return path
        if kind == "deadline":
            found = self.deadline(path)
            return _format(found.due_date if found else None, fmt or "date", self.definition, "", "")
        if kind == "addressee":
            return _format(getattr(self.addressee, path, None), fmt, self.definition, "", "")
        step_code, _, dotted = path.partition(".")
        transition = self._transition_of(step_code)
        if transition is None:
            return ""
        if dotted == "@date":
            return _format(transition.on_date, fmt or "date", self.definition, step_code, "")
        if dotted == "@kenmerk":  # the reference the letters of that step carry (case number / step)
            return f"{self.procedure.case.number}/{transition.seq}"
        value: Any = transition.data
        for part in dotted.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        return _format(value, fmt, self.definition, step_code, dotted.split(".")[0])

    def values(self, spec: LetterSpec) -> dict[str, str]:
        """Every allowed merge field of this letter code with its value ("" when it has none here)."""
        case = self.procedure.case
        contact, job_title = contact_person(self.procedure)
        organisation = contact.organisation
        address = self.procedure.address or next(iter(case_addresses(case)), None)
        values = dict.fromkeys(allowed_fields(spec.code), "")
        values.update(
            {
                "gemeente": settings.REGIE_MUNICIPALITY_NAME,
                "plaatsnaam": place(),
                "datum_brief": format_date(self.transition.on_date, weekday=False),
                "casusnummer": case.number,
                "kenmerk": f"{case.number}/{self.transition.seq}",
                "procedure": self.definition.label,
                "geadresseerde_naam": self.addressee.name if self.addressee else "",
                "geadresseerde_straat": self.addressee.address_line if self.addressee else "",
                "geadresseerde_postcode_woonplaats": self.addressee.postal_line if self.addressee else "",
                "object_adres": str(address) if address else "",
                "contactpersoon_naam": contact.get_full_name() or contact.username,
                "contactpersoon_functie": job_title,
                "contactpersoon_telefoon": contact.phone or (organisation.phone if organisation else ""),
                "contactpersoon_email": contact.email or (organisation.email if organisation else ""),
                "wettelijke_grondslag": legal_basis(spec, self.transition.on_date),
                "bestuursorgaan": spec.authority,
                "datum_bekendmaking": _format(
                    self.addressee.notified_on if self.addressee else None, "date", self.definition, "", ""
                ),
            }
        )
        mandate = mandate_for(spec.authority, spec.code, self.transition.on_date)
        if mandate is not None:
            values["ondertekenaar_naam"] = mandate.signatory_name
            values["ondertekenaar_functie"] = mandate.signatory_function
            values["mandaat"] = mandate.mandate_reference
            values["namens"] = "" if signs_in_own_right(mandate) else "namens deze(n),"
        values["zienswijzen_beantwoord"] = self._views_answered()
        for name, source in spec.merge:
            values[name] = self.resolve(source)
        if spec.objection_term:
            values.update(self._remedy(spec))
        if spec.code == "objection-decision":
            values.update(self._objection_decision())
        return values

    def _views_answered(self) -> str:
        """Each view received before this step, with the answer the decision recorded (Awb 3:46, 4:12)."""
        answers: dict[str, str] = {}  # recorded on the decision, which may come before this letter's step
        for step in [*self.history, self.transition]:
            if step.seq <= self.transition.seq:
                answers.update(step.data.get("view_answers") or {})
        parts = []
        for view in self.history:
            if view.to_step != "view-received" or view.seq >= self.transition.seq:
                continue
            who = view.addressee.name if view.addressee_id and view.addressee else "een geadresseerde"
            answer = answers.get(str(view.seq), "")
            parts.append(
                f"Op {format_date(view.on_date, weekday=False)} heeft {who} een zienswijze gegeven: "
                f"{view.data.get('summary', '')}" + (f" Ons antwoord daarop: {answer}" if answer else "")
            )
        return "\n".join(parts)

    def _objection_decision(self) -> dict[str, str]:
        """The advisory committee (7:13) and costs (7:15) where the objection or the decision recorded them."""
        received = next(
            (
                t
                for t in reversed(self.history)
                if t.to_step == "objection-received"
                and t.seq < self.transition.seq
                and t.data.get("addressee") == self.transition.data.get("addressee")
            ),
            None,
        )
        advice = ""
        if received is not None and received.data.get("advisory_committee"):
            advice = (
                "Wij hebben de bezwaarschriftencommissie om advies gevraagd (artikel 7:13 van de Algemene wet "
                "bestuursrecht). Haar advies is bij dit besluit gevoegd en maakt deel uit van de motivering."
            )
        costs = self.transition.data.get("costs_awarded")
        return {
            "advies_commissie": advice,
            "proceskosten": (
                f"Wij vergoeden de kosten die u voor de behandeling van het bezwaar heeft moeten maken: "
                f"{money(str(costs))} (artikel 7:15 van de Algemene wet bestuursrecht)."
                if costs
                else ""
            ),
        }

    def _remedy(self, spec: LetterSpec) -> dict[str, str]:
        found = self.deadline(spec.objection_term)
        if found is None:
            return {}
        end = format_date(found.due_date)
        length = parse_period(found.period).label()
        municipality = place()
        if spec.objection_term == "appeal":
            return {
                "beroep_einddatum": end,
                "beroepstermijn": length,
                "beroepsclausule": (
                    f"Bent u het niet eens met deze beslissing op bezwaar? Dan kunt u binnen {length} na de dag "
                    f"waarop deze beslissing is verzonden beroep instellen bij de {court()}, sector "
                    f"bestuursrecht. Uw beroepschrift is op tijd als het uiterlijk op {end} is ontvangen, of als u het "
                    "vóór het einde van die dag per post heeft verzonden en het niet later dan een week daarna "
                    "is ontvangen (artikel 6:9 van de Algemene wet bestuursrecht). U kunt ook digitaal "
                    "beroep instellen via het digitale loket van de rechtspraak. Voor het instellen van beroep "
                    "betaalt u griffierecht."
                ),
            }
        return {
            "bezwaar_einddatum": end,
            "bezwaartermijn": length,
            "bezwaarclausule": (
                f"Bent u het niet eens met dit besluit? Dan kunt u binnen {length} na de dag waarop dit besluit "
                f"aan u is bekendgemaakt een bezwaarschrift indienen bij {spec.authority} van {municipality}. "
                f"Uw bezwaarschrift is op tijd als het uiterlijk op {end} is ontvangen, of als u het vóór het "
                "einde van die dag per post heeft verzonden en het niet later dan een week daarna is ontvangen "
                "(artikel 6:9 van de Algemene wet bestuursrecht). "
                f"Vermeld uw naam en adres, de datum, het kenmerk {self.procedure.case.number} en waarom u het "
                "niet eens bent met het besluit, en onderteken het. Een bezwaarschrift schorst de werking van "
                "dit besluit niet; bij spoed kunt u de voorzieningenrechter van de rechtbank om een voorlopige "
                "voorziening vragen."
            ),
        }
