"""The rules of the Algemene wet bestuursrecht around the calendar, each with its article.

Objection and appeal from notification (6:7-6:9, 3:41), the decision term on an application (4:13) and on an
objection with its suspension, postponement and delay (7:10), the penalty for a decision not taken in time (4:17),
the payment, reminder and writ for a forfeited penalty (5:33, 4:112, 4:114) and the lapse of the claim (5:35,
5:37a). Every end date comes from `regie.core.terms` (Atw-aware); where the law can be read two ways, a function
takes the earlier (safe) date and says so in its explanation.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from regie.core.terms import (
    DEFAULT_CALENDAR,
    AtwCalendar,
    Period,
    TermResult,
    atw_extend,
    count_words,
    format_date,
    parse_period,
    plain_end,
    require_date,
    term_end,
)

_SIX_WEEKS = Period(weeks=6)
_TWO_WEEKS = Period(weeks=2)
_ONE_YEAR = Period(years=1)


class TermRuleError(ValueError):
    """An act the law does not allow on that date (e.g. a postponement after the decision term ran out)."""


def remedy_term_end(
    notified_on: date, *, by_publication: bool = False, calendar: AtwCalendar | None = None
) -> TermResult:
    """The objection or appeal term (Awb 6:7): six weeks from the day after notification (6:8 lid 1).

    Notification is the sending or handing over of the decision (3:41 lid 1); when that cannot be done (the
    addressee cannot be reached), it is made known in another suitable way, e.g. publication (3:41 lid 2), and
    the term runs from that day. A statutory term of six weeks, so the Atw extends it.
    """
    how = (
        "de bekendmaking op een andere geschikte wijze, zoals publicatie, omdat toezending niet mogelijk was "
        "(Awb 3:41 lid 2)"
        if by_publication
        else "de toezending of uitreiking van het besluit (Awb 3:41 lid 1)"
    )
    result = term_end(notified_on, _SIX_WEEKS, statutory=True, calendar=calendar)
    rule = (
        "Bezwaar- of beroepstermijn (Awb 6:7): zes weken, met ingang van de dag na "
        + how
        + " (Awb 6:8 lid 1)."
    )
    return replace(result, rule=rule)


def remedy_timely(
    term_end_date: date, received_on: date, *, posted_on: date | None = None
) -> tuple[bool, str]:
    """Whether an objection or appeal came in time (Awb 6:9), with the Dutch reason.

    Lid 1: received before the end of the term (on its last day at the latest). Lid 2: sent by post before
    the end of the term and received no later than one week after it.
    """
    term_end_date = require_date(term_end_date, "Het einde van de termijn")
    received_on = require_date(received_on, "De ontvangstdatum")
    if received_on <= term_end_date:
        return True, (
            f"Tijdig: ontvangen op {format_date(received_on)}, binnen de termijn die eindigde op "
            f"{format_date(term_end_date)} (Awb 6:9 lid 1)."
        )
    if posted_on is not None:
        posted_on = require_date(posted_on, "De datum van terpostbezorging")
        week_after = term_end_date + timedelta(weeks=1)
        if posted_on <= term_end_date and received_on <= week_after:
            return True, (
                f"Tijdig: op {format_date(posted_on)} ter post bezorgd, vóór het einde van de termijn, en "
                f"ontvangen op {format_date(received_on)}, niet later dan een week na afloop "
                f"({format_date(week_after)}) (Awb 6:9 lid 2)."
            )
    return False, (
        f"Te laat: de termijn eindigde op {format_date(term_end_date)} en het stuk is ontvangen op "
        f"{format_date(received_on)} (Awb 6:9); beoordeel of de overschrijding verschoonbaar is (Awb 6:11)."
    )


def application_decision_end(
    received_on: date, *, statutory_period: Period | str | None = None, calendar: AtwCalendar | None = None
) -> TermResult:
    """The decision term on an application (Awb 4:13), e.g. a request for enforcement.

    Lid 1: the term a statutory rule sets, otherwise a reasonable term after receipt; lid 2: that reasonable
    term has in any case passed eight weeks after receipt. Regie uses those eight weeks as the deadline.
    """
    if statutory_period is None:
        result = term_end(received_on, Period(weeks=8), statutory=True, calendar=calendar)
        rule = (
            "Beslistermijn op een aanvraag (Awb 4:13): zonder wettelijke termijn een redelijke termijn, die in "
            "ieder geval is verstreken acht weken na ontvangst van de aanvraag (lid 2)."
        )
    else:
        result = term_end(received_on, statutory_period, statutory=True, calendar=calendar)
        rule = (
            "Beslistermijn op een aanvraag: de bij wettelijk voorschrift bepaalde termijn (Awb 4:13 lid 1)."
        )
    return replace(result, rule=rule)


# --- Awb 7:10: the decision term on an objection ----------------------------------------------------------


@dataclass(frozen=True)
class DecisionTerm:
    """The running term for the decision on an objection (Awb 7:10), built up step by step.

    plain_end_date is the end before any Atw extension, end_date the last day the municipality has;
    postponed tells whether the one postponement of lid 3 has been used.
    """

    plain_end_date: date
    end_date: date
    postponed: bool
    sentences: tuple[str, ...]
    calendar: AtwCalendar

    def explanation(self) -> str:
        return " ".join(
            (
                *self.sentences,
                f"De beslistermijn eindigt op {format_date(self.end_date)}, aan het einde van die dag.",
            )
        )

    def _moved(self, plain: date, sentence: str, *, postponed: bool | None = None) -> DecisionTerm:
        extensions, end = atw_extend(plain - timedelta(days=1), plain, self.calendar)
        sentences = [*self.sentences, sentence]
        sentences += [
            f"{e.article}: {e.reason}; de termijn loopt door tot en met {format_date(e.to_date)}."
            for e in extensions
        ]
        return DecisionTerm(
            plain, end, self.postponed if postponed is None else postponed, tuple(sentences), self.calendar
        )


def default_message(end_date: date) -> str:
    """What a decision after the term means, in Dutch: the municipality is in default (Awb 4:17, 6:12, 7:14)."""
    return (
        f"De beslistermijn is op {format_date(end_date)} verstreken: de gemeente is in gebreke. Verdagen of "
        "uitstellen kan alleen zolang de termijn nog loopt (Awb 7:10 lid 3 en 4). De indiener kan de gemeente "
        "nu schriftelijk in gebreke stellen; beslist zij dan niet binnen twee weken, dan verbeurt zij een "
        "dwangsom per dag (Awb 4:17 via 7:14), en de indiener kan beroep instellen omdat niet tijdig is "
        "beslist (Awb 6:2 en 6:12). Beslis zo snel mogelijk."
    )


def objection_decision_term(
    objection_term_end: date, *, advisory_committee: bool = False, calendar: AtwCalendar | None = None
) -> DecisionTerm:
    """Awb 7:10 lid 1: six weeks, or twelve with an advisory committee (7:13), from the day after the end of
    the objection term. A statutory term of at most twelve weeks, so the Atw extends it."""
    cal = calendar or DEFAULT_CALENDAR
    period = Period(weeks=12 if advisory_committee else 6)
    result = term_end(objection_term_end, period, statutory=True, calendar=cal)
    which = (
        "twaalf weken, omdat een adviescommissie (Awb 7:13) is ingesteld"
        if advisory_committee
        else "zes weken"
    )
    sentences = [
        f"Beslistermijn op bezwaar (Awb 7:10 lid 1): {which}, gerekend vanaf de dag na het einde van de "
        f"bezwaartermijn ({format_date(objection_term_end)}).",
        f"Zonder verlenging eindigt de termijn op {format_date(result.plain_end_date)}.",
    ]
    sentences += [
        f"{e.article}: {e.reason}; de termijn loopt door tot en met {format_date(e.to_date)}."
        for e in result.extensions
    ]
    return DecisionTerm(result.plain_end_date, result.end_date, False, tuple(sentences), cal)


def _require_running(term: DecisionTerm, on: date, what: str) -> None:
    on = require_date(on, "De datum")
    if on > term.end_date:
        raise TermRuleError(f"{what} op {format_date(on)} is niet mogelijk. {default_message(term.end_date)}")


def suspend_for_repair(term: DecisionTerm, requested_on: date, repaired_on: date) -> DecisionTerm:
    """Awb 7:10 lid 2: the term is suspended from the day after the objector was asked to repair a defect
    (6:6) until the day it was repaired or the repair term ran out unused.

    "Tot de dag" does not include that day, so the suspension counts the days from the day after the request
    up to the day before the repair: the earlier, safe end.
    """
    requested_on = require_date(requested_on, "De datum van het verzoek om herstel")
    repaired_on = require_date(repaired_on, "De datum van herstel")
    if repaired_on < requested_on:
        raise TermRuleError("Het verzuim kan niet zijn hersteld vóór het verzoek om het te herstellen.")
    _require_running(term, requested_on, "Een verzoek om herstel dat de termijn opschort")
    days = max((repaired_on - requested_on).days - 1, 0)
    sentence = (
        f"Opgeschort (Awb 7:10 lid 2, herstel van een verzuim als bedoeld in Awb 6:6): van de dag na het verzoek "
        f"({format_date(requested_on, weekday=False)}) tot de dag van herstel of het ongebruikt verstrijken "
        f"van de hersteltermijn ({format_date(repaired_on, weekday=False)}), dus "
        f"{count_words(days, 'dag', 'dagen')}; de termijn zonder verlenging eindigt daardoor op "
        f"{format_date(term.plain_end_date + timedelta(days=days))}."
    )
    return term._moved(term.plain_end_date + timedelta(days=days), sentence)


def postpone_decision(term: DecisionTerm, on: date, period: Period | str = _SIX_WEEKS) -> DecisionTerm:
    """Awb 7:10 lid 3: one postponement of at most six weeks, only while the term still runs.

    It counts from the end of the running term without its Atw extension (the earlier, safe reading: the Atw
    protects whoever must act within the term, not the length of the next one).
    """
    if isinstance(period, str):
        period = parse_period(period)
    if term.postponed:
        raise TermRuleError(
            "De beslissing op bezwaar is al eens verdaagd; verdagen kan één keer (Awb 7:10 lid 3). Verder "
            "uitstel kan alleen met instemming (Awb 7:10 lid 4)."
        )
    if plain_end(term.plain_end_date, period) > plain_end(term.plain_end_date, _SIX_WEEKS) or (
        period.years or period.months
    ):
        raise TermRuleError(
            f"Verdagen kan voor ten hoogste zes weken (Awb 7:10 lid 3), niet voor {period.label()}."
        )
    _require_running(term, on, "Verdagen")
    new_plain = plain_end(term.plain_end_date, period)
    sentence = (
        f"Verdaagd op {format_date(on, weekday=False)} met {period.label()} (Awb 7:10 lid 3), gerekend vanaf "
        f"het einde van de lopende termijn zonder Atw-verlenging ({format_date(term.plain_end_date, weekday=False)})"
        f": de vroegste en dus veilige lezing. Zonder verlenging eindigt de termijn op {format_date(new_plain)}."
    )
    return term._moved(new_plain, sentence, postponed=True)


CONSENT_GROUNDS = {
    "a": "alle belanghebbenden stemmen ermee in (Awb 7:10 lid 4 onder a)",
    "b": "de indiener stemt ermee in en andere belanghebbenden kunnen daardoor niet in hun belangen worden "
    "geschaad (Awb 7:10 lid 4 onder b)",
    "c": "het is nodig voor de naleving van wettelijke procedurevoorschriften (Awb 7:10 lid 4 onder c)",
}


def delay_with_consent(term: DecisionTerm, on: date, period: Period | str, ground: str = "b") -> DecisionTerm:
    """Awb 7:10 lid 4: further delay on one of its grounds, as often as needed, agreed while the term runs.

    Like the postponement, it counts from the end of the running term without its Atw extension.
    """
    if ground not in CONSENT_GROUNDS:
        raise TermRuleError(
            f"Onbekende grond voor uitstel '{ground}': kies a (alle belanghebbenden), b (de indiener, zonder "
            "nadeel voor anderen) of c (wettelijke procedurevoorschriften) uit Awb 7:10 lid 4."
        )
    if isinstance(period, str):
        period = parse_period(period)
    _require_running(term, on, "Uitstel")
    new_plain = plain_end(term.plain_end_date, period)
    sentence = (
        f"Uitgesteld op {format_date(on, weekday=False)} met {period.label()}: {CONSENT_GROUNDS[ground]}; "
        f"gerekend vanaf het einde van de lopende termijn zonder Atw-verlenging "
        f"({format_date(term.plain_end_date, weekday=False)}). Zonder verlenging eindigt de termijn op "
        f"{format_date(new_plain)}."
    )
    return term._moved(new_plain, sentence)


# --- Awb 4:17: the penalty for a decision not taken in time ------------------------------------------------

_DEFAULT_PENALTY_RATES = ((14, 23), (14, 35), (14, 45))


@dataclass(frozen=True)
class DefaultPenalty:
    """The penalty the municipality forfeits to the applicant or objector (Awb 4:17, 7:14)."""

    first_day: date
    last_day: date
    maximum_euros: int
    explanation: str

    def accrued(self, on: date) -> tuple[int, int]:
        """Days forfeited up to and including `on`, and the euros they make (lid 1-2: at most 42 days)."""
        days = max(0, min(42, (on - self.first_day).days + 1))
        euros, left = 0, days
        for span, rate in _DEFAULT_PENALTY_RATES:
            euros, left = euros + min(left, span) * rate, max(0, left - span)
        return days, euros


def default_penalty(term_end_date: date, notice_received_on: date) -> DefaultPenalty:
    """Awb 4:17: from the day two weeks have passed after the later of the term's end and the receipt of the
    written notice of default (lid 3), for at most 42 days (lid 1), at € 23, € 35 and € 45 a day per fourteen
    days (lid 2). Read as the day fourteen days after that day: the earlier, safe date for the municipality's
    own deadline."""
    term_end_date = require_date(term_end_date, "Het einde van de beslistermijn")
    notice_received_on = require_date(notice_received_on, "De ontvangst van de ingebrekestelling")
    if notice_received_on <= term_end_date:
        raise TermRuleError(
            "Een ingebrekestelling kan pas na het verstrijken van de beslistermijn worden ontvangen "
            f"(die eindigt op {format_date(term_end_date)}); een eerdere brief telt niet (Awb 4:17 lid 3)."
        )
    base = max(term_end_date, notice_received_on)
    first = base + timedelta(weeks=2)
    last = first + timedelta(days=41)
    maximum = sum(days * rate for days, rate in _DEFAULT_PENALTY_RATES)
    amount = f"{maximum:,}".replace(",", ".")
    explanation = (
        f"De beslistermijn eindigde op {format_date(term_end_date)} en de ingebrekestelling is ontvangen op "
        f"{format_date(notice_received_on)}. De dwangsom is verschuldigd vanaf de dag waarop twee weken zijn "
        f"verstreken na die dag (Awb 4:17 lid 3): {format_date(first)}. Hij loopt ten hoogste 42 dagen, tot "
        f"en met {format_date(last)} (lid 1): € 23 per dag de eerste veertien dagen, € 35 de volgende "
        f"veertien en € 45 daarna (lid 2), samen ten hoogste € {amount}. Beslis vóór de eerste dag om iedere "
        "dwangsom te voorkomen."
    )
    return DefaultPenalty(first, last, maximum, explanation)


# --- Awb 5:33, 4:112, 4:114: paying and collecting a forfeited penalty ---------------------------------------


def penalty_payment_end(forfeited_on: date, calendar: AtwCalendar | None = None) -> TermResult:
    """Awb 5:33: a forfeited penalty is paid within six weeks after it was forfeited by operation of law.

    The term runs from forfeiture, not from the collection decision: that decision (5:37) creates no duty to
    pay. A statutory six-week term, so the Atw extends it.
    """
    result = term_end(forfeited_on, _SIX_WEEKS, statutory=True, calendar=calendar)
    rule = (
        "Betalingstermijn verbeurde dwangsom (Awb 5:33): zes weken nadat de dwangsom van rechtswege is "
        "verbeurd; de invorderingsbeschikking (Awb 5:37) doet geen betalingsplicht ontstaan en verschuift deze "
        "termijn niet."
    )
    return replace(result, rule=rule)


def reminder_payment_end(reminder_sent_on: date, calendar: AtwCalendar | None = None) -> TermResult:
    """Awb 4:112 lid 1: the reminder (aanmaning) asks to pay within two weeks after the day it was sent."""
    result = term_end(reminder_sent_on, _TWO_WEEKS, statutory=True, calendar=calendar)
    rule = (
        "Aanmaning (Awb 4:112 lid 1): betalen binnen twee weken na de dag van verzending van de aanmaning; "
        "daarna kan de gemeente bij dwangbevel invorderen (Awb 4:114, 5:37)."
    )
    return replace(result, rule=rule)


def earliest_reminder(
    forfeited_on: date, collection_decided_on: date | None, calendar: AtwCalendar | None = None
) -> date:
    """The first day a reminder may be sent: the debtor must be in default, i.e. the 5:33 payment term has
    run out (4:97), and a collection decision must have been taken (5:37 lid 1)."""
    after_payment = penalty_payment_end(forfeited_on, calendar).end_date + timedelta(days=1)
    if collection_decided_on is None:
        raise TermRuleError(
            "Eerst een invorderingsbeschikking (Awb 5:37): zonder die beschikking kan de gemeente niet aanmanen "
            "of een dwangbevel uitvaardigen."
        )
    return max(after_payment, require_date(collection_decided_on, "De datum van de invorderingsbeschikking"))


def check_reminder(
    on: date, forfeited_on: date, collection_decided_on: date | None, calendar: AtwCalendar | None = None
) -> None:
    """Refuse, in Dutch, a reminder sent before the debtor is in default or before the collection decision."""
    first = earliest_reminder(forfeited_on, collection_decided_on, calendar)
    if require_date(on, "De datum van de aanmaning") < first:
        raise TermRuleError(
            f"Aanmanen kan pas vanaf {format_date(first)}: de schuldenaar is pas in verzuim als de betalingstermijn "
            "van zes weken na verbeurte (Awb 5:33, 4:97) ongebruikt is verstreken, en de invorderingsbeschikking "
            "(Awb 5:37) moet er dan zijn (Awb 4:112)."
        )


def check_writ(on: date, reminder_sent_on: date | None, calendar: AtwCalendar | None = None) -> None:
    """Refuse, in Dutch, a dwangbevel before the reminder's two weeks have run out (Awb 4:114)."""
    if reminder_sent_on is None:
        raise TermRuleError("Een dwangbevel kan pas na een aanmaning waarop niet is betaald (Awb 4:114).")
    end = reminder_payment_end(reminder_sent_on, calendar).end_date
    if require_date(on, "De datum van het dwangbevel") <= end:
        raise TermRuleError(
            f"Een dwangbevel kan pas als niet binnen de termijn van de aanmaning is betaald; die termijn eindigt "
            f"op {format_date(end)} (Awb 4:112, 4:114)."
        )


# --- Awb 5:35 and 5:37a: the lapse of the claim to a forfeited penalty --------------------------------------


@dataclass(frozen=True)
class Remedy:
    """An objection, appeal or higher appeal against the penalty order: open or pending from `since` until it
    was decided irrevocably on `decided_on` (None: still open or pending)."""

    since: date
    decided_on: date | None = None
    label: str = "bezwaar of beroep"

    def covers(self, day: date) -> bool:
        return self.since <= day and (self.decided_on is None or day < self.decided_on)


@dataclass(frozen=True)
class Lapse:
    """When the claim to pay a forfeited penalty lapses (Awb 5:35), or None while that date is not yet known
    (a remedy against the penalty order is still pending on the lapse date)."""

    forfeited_on: date
    lapse_date: date | None
    sentences: tuple[str, ...]

    def explanation(self) -> str:
        return " ".join(self.sentences)


def collection_lapse(
    forfeited_on: date,
    *,
    remedies: tuple[Remedy, ...] = (),
    interruptions: tuple[date | tuple[date, str], ...] = (),
) -> Lapse:
    """Awb 5:35 with 5:37a: the lapse of the claim to a forfeited penalty.

    Lid 1: one year after the day of forfeiture; a term in years, so never extended by the Atw (Atw art. 4).
    Lid 2: when on the lapse date an objection, appeal or higher appeal against the penalty order is open or
    pending, the term runs on until that remedy has been decided irrevocably. 5:37a lid 1: a collection
    decision interrupts (stuit) the lapse; so do a reminder and a dwangbevel (4:106). After an interruption a
    new term starts; Regie counts a new year from the day of the interrupting act, the earliest (safe) date.
    An act after the lapse date interrupts nothing.
    """
    forfeited_on = require_date(forfeited_on, "De datum van verbeurte")
    lapse = plain_end(forfeited_on, _ONE_YEAR)
    sentences = [
        f"De dwangsom is verbeurd op {format_date(forfeited_on)}. De rechtsvordering tot betaling verjaart een "
        f"jaar na die dag (Awb 5:35 lid 1): op {format_date(lapse)}. Een termijn in jaren wordt niet verlengd "
        "door de Algemene termijnenwet (Atw art. 4), ook niet als hij op een zaterdag, zondag of feestdag eindigt."
    ]
    events: list[tuple[date, str]] = sorted(
        (require_date(item, "De datum van stuiting"), "de invorderingsbeschikking (Awb 5:37a lid 1)")
        if not isinstance(item, tuple)
        else (require_date(item[0], "De datum van stuiting"), item[1])
        for item in interruptions
    )
    while True:
        pending = next((r for r in remedies if r.covers(lapse)), None)
        if pending is not None:
            if pending.decided_on is None:
                sentences.append(
                    f"Op {format_date(lapse, weekday=False)} staat {pending.label} tegen de last onder dwangsom "
                    f"open of is het aanhangig (sinds {format_date(pending.since, weekday=False)}): de "
                    "verjaringstermijn loopt door tot onherroepelijk is beslist (Awb 5:35 lid 2). De datum "
                    "volgt zodra dat bekend is."
                )
                return Lapse(forfeited_on, None, tuple(sentences))
            sentences.append(
                f"Op {format_date(lapse, weekday=False)} stond {pending.label} tegen de last onder dwangsom open "
                f"of was het aanhangig: de verjaringstermijn loopt door tot onherroepelijk is beslist, op "
                f"{format_date(pending.decided_on)} (Awb 5:35 lid 2)."
            )
            lapse = pending.decided_on
            continue
        stop = next(((d, label) for d, label in events if d <= lapse), None)
        if stop is None:
            break
        events = [(d, label) for d, label in events if d > stop[0]]
        lapse = plain_end(stop[0], _ONE_YEAR)
        sentences.append(
            f"Gestuit op {format_date(stop[0], weekday=False)} door {stop[1]}: daarna begint een nieuwe "
            f"verjaringstermijn; Regie rekent een jaar vanaf die dag, de vroegste en dus veilige datum: tot en met "
            f"{format_date(lapse)}."
        )
    late = [d for d, _ in events if d > lapse]
    if late:
        sentences.append(
            f"Wat na {format_date(lapse, weekday=False)} is gedaan, stuit niets meer: de vordering was toen "
            "al verjaard."
        )
    sentences.append(f"De rechtsvordering verjaart na {format_date(lapse)}.")
    return Lapse(forfeited_on, lapse, tuple(sentences))
