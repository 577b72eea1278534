"""The demo PGA: referrals in the weekly triage and PGA cases of the procesregisseur (Sanne de Wit), with a year
of ZRM scores that show realistic trajectories (improving, relapsing, exited), a contra-indication whose review is
overdue, an escalation to the Zorg- en Veiligheidshuis, a stale score and partners with different data categories.

The PGA cases sit on the demo's existing 'pga-casus' cases (regie.demo.cases_care). Everything is written through
the PGA services, as a user would; only the dates are moved back afterwards, since the story spans a year.
Idempotent: nothing happens once the demo municipality has a PGA referral.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from regie.accounts.models import Municipality, Organisation, User
from regie.cases.models import Case
from regie.cases.services.team import case_member_add
from regie.demo.case_types import GGZ, MUNICIPALITY_CODE, POLITIE, RECLASSERING, WIJKTEAM, WOONSTICHTING
from regie.pga.models import (
    Cooperation,
    Decision,
    DomainScore,
    ExitReason,
    PgaCase,
    PgaStatus,
    Referral,
    ReferralSource,
    Urgency,
    ZrmDomain,
)
from regie.pga.screening import CHAIN, IMPACT, LOCAL_SAFETY, MULTI_DOMAIN
from regie.pga.services.cases import pga_exit, pga_inform, pga_roles_change
from regie.pga.services.plans import evaluation_record, plan_update, score_record
from regie.pga.services.referrals import PersonDetails, referral_create, referral_decide
from regie.subjects.models import Person

ALL_MET = {MULTI_DOMAIN: True, CHAIN: True, IMPACT: True, LOCAL_SAFETY: False}

# The ZRM trajectories: per domain code the scores of each round (one round about every six weeks, oldest first).
IMPROVING = {
    "financien": [1, 1, 2, 2, 2, 3, 3, 3],
    "werk-opleiding": [1, 1, 1, 2, 2, 2, 3, 3],
    "tijdsbesteding": [2, 2, 2, 3, 3, 3, 3, 4],
    "huisvesting": [3, 3, 3, 3, 3, 4, 4, 4],
    "huiselijke-relaties": [2, 2, 2, 2, 3, 3, 3, 3],
    "geestelijke-gezondheid": [2, 2, 2, 3, 3, 3, 3, 3],
    "middelengebruik": [2, 2, 1, 2, 2, 3, 3, 3],
    "sociaal-netwerk": [1, 2, 2, 2, 2, 3, 3, 3],
    "justitie": [1, 1, 1, 2, 2, 2, 3, 3],
}
RELAPSING = {
    "financien": [2, 2, 3, 3, 3, 2, 1],
    "huisvesting": [1, 2, 2, 3, 3, 2, 2],
    "geestelijke-gezondheid": [2, 2, 3, 3, 2, 2, 2],
    "middelengebruik": [1, 2, 2, 3, 3, 2, 1],
    "sociaal-netwerk": [2, 2, 2, 2, 2, 2, 2],
    "justitie": [1, 2, 2, 3, 3, 2, 1],
}
EXITED = {
    "financien": [1, 2, 2, 3, 3, 4],
    "huisvesting": [2, 2, 3, 3, 4, 4],
    "middelengebruik": [1, 1, 2, 3, 3, 4],
    "lichamelijke-gezondheid": [2, 3, 3, 3, 4, 4],
    "sociaal-netwerk": [2, 2, 2, 3, 3, 3],
}
REASONS = {1: "acuut probleem", 2: "niet zelfredzaam", 3: "beperkt zelfredzaam", 4: "voldoende zelfredzaam",
           5: "volledig zelfredzaam"}  # fmt: skip


def _person(given: str, surname: str, born: date) -> Person | None:
    return Person.objects.filter(
        given_names=given, surname=surname, birth_date=born, merged_into__isnull=True
    ).first()


def _case_of(person: Person) -> Case | None:
    return Case.objects.filter(case_type__code="pga-casus", subjects__person=person).first()


def _refer(
    actor: User, municipality: Municipality, person: Person, *, case: Case | None, **fields: Any
) -> Referral:
    details = PersonDetails(
        surname=person.surname, given_names=person.given_names, prefix=person.prefix, bsn=person.bsn or "",
        birth_date=person.birth_date,
    )  # fmt: skip
    return referral_create(
        actor=actor,
        municipality=municipality,
        person=details,
        source=ReferralSource.CASE if case else ReferralSource.PROFESSIONAL,
        source_case=case,
        **fields,
    )


def _backdate_referral(referral: Referral, days: int) -> None:
    moment = timezone.now() - timedelta(days=days)
    Referral.objects.filter(pk=referral.pk).update(created_at=moment)


def _scores(actor: User, pga: PgaCase, trajectory: dict[str, list[int]], first: date, step_days: int) -> None:
    domains = {d.code: d for d in ZrmDomain.objects.filter(version=pga.zrm_version)}
    for code, values in trajectory.items():
        for i, value in enumerate(values):
            on = first + timedelta(days=i * step_days)
            score_record(
                actor=actor, pga_case=pga, domain=domains[code], score=value, scored_on=on,
                reason=f"{REASONS[value].capitalize()} (ronde {i + 1})",
            )  # fmt: skip


def _plan(actor: User, pga: PgaCase, code: str, goal: str, actions: str, partner: str | None) -> None:
    domain = ZrmDomain.objects.get(version=pga.zrm_version, code=code)
    organisation = Organisation.objects.filter(name=partner).first() if partner else None
    plan_update(
        actor=actor,
        pga_case=pga,
        domain=domain,
        goal=goal,
        actions=actions,
        partner=organisation,
        version=None,
    )


def _include(actor: User, referral: Referral, decision: str, reasons: str, days_ago: int) -> PgaCase:
    pga = referral_decide(
        actor=actor, referral=referral, criteria=ALL_MET, decision=decision, reasons=reasons
    )
    assert pga is not None
    included = timezone.localdate() - timedelta(days=days_ago)
    PgaCase.objects.filter(pk=pga.pk).update(included_on=included)
    Referral.objects.filter(pk=referral.pk).update(decided_at=timezone.now() - timedelta(days=days_ago))
    pga.refresh_from_db()
    return pga


def _bilal(director: User, municipality: Municipality, users: dict[str, User], today: date) -> None:
    person = _person("Bilal", "Ouali", date(2007, 3, 11))
    case = _case_of(person) if person else None
    if person is None or case is None:
        return
    referral = _refer(
        director, municipality, person, case=case, urgency=Urgency.URGENT,
        reason="Meerdere delicten in korte tijd (inbraak, bedreiging), schooluitval, spanningen thuis; jongere "
        "broer kijkt tegen hem op.",
        goal="Criminele carrière doorbreken: dagbesteding, stabiel thuis, toezicht en hulp in één plan.",
        partners_involved="Politie (wijkagent), reclassering (jeugdreclassering), sociaal wijkteam",
    )  # fmt: skip
    _backdate_referral(referral, 340)
    pga = _include(
        director, referral, Decision.LOCAL,
        "Problemen op vijf leefdomeinen met oplopende criminaliteit, drang en dwang via de jeugdreclassering nodig, "
        "impact op het gezin (jongere broer). Lokale PGA volstaat; opschalen als er opnieuw geweld is.",
        330,
    )  # fmt: skip
    pga_roles_change(actor=director, pga_case=pga, process_director=director, case_director=users["politie"])
    pga.refresh_from_db()
    pga_inform(
        actor=director, pga_case=pga,
        contra_indication="Lopend strafrechtelijk onderzoek (OM): informeren kan het onderzoek schaden.",
        review_on=today + timedelta(days=1),
    )  # fmt: skip
    PgaCase.objects.filter(pk=pga.pk).update(
        contra_review_on=today - timedelta(days=5)
    )  # the review is overdue
    pga.refresh_from_db()
    _scores(director, pga, IMPROVING, today - timedelta(days=320), 44)
    _plan(director, pga, "werk-opleiding", "Startkwalificatie: terug naar het mbo (entree-opleiding).",
          "Intake bij het ROC; trajectbegeleider van het wijkteam gaat mee.", WIJKTEAM)  # fmt: skip
    _plan(director, pga, "justitie", "Geen nieuwe delicten; voldoen aan de bijzondere voorwaarden.",
          "Wekelijks contact met de jeugdreclassering; meldplicht.", RECLASSERING)  # fmt: skip
    _plan(director, pga, "middelengebruik", "Stoppen met dagelijks blowen.",
          "Motiverende gesprekken bij de verslavingszorg.", GGZ)  # fmt: skip
    _plan(director, pga, "financien", "Schulden in beeld en een afbetalingsregeling.",
          "Budgetcoach van het wijkteam.", WIJKTEAM)  # fmt: skip
    for days, cooperation, progress, result in (
        (
            230,
            Cooperation.PARTIAL,
            "Bilal komt naar afspraken als de wijkagent hem ophaalt.",
            "Eén nieuw incident.",
        ),
        (
            90,
            Cooperation.GOOD,
            "Op school ingeschreven; blowt minder.",
            "Geen nieuwe delicten in drie maanden.",
        ),
    ):
        evaluation_record(actor=director, pga_case=pga, held_on=today - timedelta(days=days),
                          cooperation=cooperation, progress=progress, result=result)  # fmt: skip


def _danny(director: User, municipality: Municipality, users: dict[str, User], today: date) -> None:
    person = _person("Danny", "Verbeek", date(1985, 10, 3))
    case = _case_of(person) if person else None
    if person is None or case is None:
        return
    referral = _refer(
        director, municipality, person, case=case, urgency=Urgency.HIGH,
        reason="Terugkeer na detentie zonder woning; eerder huiselijk geweld en verslaving.",
        goal="Een warme landing: woning, inkomen, behandeling en toezicht op elkaar afgestemd.",
        partners_involved="Reclassering, Woonstichting Lingestroom, politie",
    )  # fmt: skip
    _backdate_referral(referral, 300)
    pga = _include(
        director, referral, Decision.ZVH,
        "Zware problematiek op meerdere domeinen met gevaar voor ex-partner; bovenlokale partners (OM, "
        "forensische zorg) nodig: opgeschaald naar het Zorg- en Veiligheidshuis.",
        290,
    )  # fmt: skip
    pga_roles_change(actor=director, pga_case=pga, process_director=director, case_director=users["politie"])
    pga.refresh_from_db()
    pga_inform(actor=director, pga_case=pga, informed_on=today - timedelta(days=280))
    pga.refresh_from_db()
    # The last round lies 45 days back: the scores are stale and the procesregisseur sees that.
    _scores(director, pga, RELAPSING, today - timedelta(days=45 + 6 * 40), 40)
    _plan(director, pga, "huisvesting", "Een eigen woning met begeleiding.",
          "Urgentieaanvraag; Housing First-traject met de woningcorporatie.", WOONSTICHTING)  # fmt: skip
    _plan(director, pga, "justitie", "Geen contact met de ex-partner (contactverbod).",
          "Reclassering bewaakt het contactverbod; politie rijdt extra surveillance.", POLITIE)  # fmt: skip
    evaluation_record(actor=director, pga_case=pga, held_on=today - timedelta(days=50),
                      cooperation=Cooperation.NONE, progress="Terugval in gebruik; afspraken gemist.",
                      result="Woning dreigt te vervallen; casus besproken in het ZVH-overleg.")  # fmt: skip


def _rob(director: User, municipality: Municipality, users: dict[str, User], today: date) -> None:
    person = _person("Robertus", "Thijssen", date(1979, 5, 27))
    case = _case_of(person) if person else None
    if person is None or case is None:
        return
    referral = _refer(
        director, municipality, person, case=case, urgency=Urgency.NORMAL,
        reason="Verslaving en oplopende schulden; overlast in de straat en dreigende huisuitzetting.",
        goal="Schulden stabiliseren, behandeling van de verslaving, wonen behouden.",
        partners_involved="Verslavingszorg (GGZ), schuldhulpverlening wijkteam",
    )  # fmt: skip
    _backdate_referral(referral, 365)
    pga = _include(
        director,
        referral,
        Decision.LOCAL,
        "Verslaving, schulden en overlast; drang via de woningcorporatie nodig. Lokale PGA.",
        355,
    )
    pga_roles_change(actor=director, pga_case=pga, process_director=director, case_director=users["ggz"])
    pga.refresh_from_db()
    pga_inform(actor=director, pga_case=pga, informed_on=today - timedelta(days=350))
    pga.refresh_from_db()
    _scores(director, pga, EXITED, today - timedelta(days=340), 45)
    evaluation_record(actor=director, pga_case=pga, held_on=today - timedelta(days=100),
                      cooperation=Cooperation.GOOD, progress="In behandeling, schuldregeling loopt.",
                      result="Doelen grotendeels bereikt; hij verhuist naar Nijmegen.")  # fmt: skip
    # The case itself was closed in the demo's case history; the exit is recorded as it happened then.
    PgaCase.objects.filter(pk=pga.pk).update(
        status=PgaStatus.CLOSED, exit_reason=ExitReason.TO_ZVH, exited_on=today - timedelta(days=60),
        exit_explanation="Verhuisd naar Nijmegen; warme overdracht aan het Zorg- en Veiligheidshuis Gelderland-Zuid.",
        follow_up_on=today + timedelta(days=120), version=pga.version + 1,
    )  # fmt: skip


def _triage(director: User, municipality: Municipality, users: dict[str, User]) -> None:
    """Referrals waiting for the weekly triage, and one that was not included (with referral advice)."""
    dennis = _person("Dennis", "Hermsen", date(1987, 6, 2))
    if dennis is not None:
        zv_case = Case.objects.filter(
            case_type__code="zorg-en-veiligheidscasus", subjects__person=dennis
        ).first()
        referral = _refer(
            users["ggz"], municipality, dennis, case=zv_case, urgency=Urgency.HIGH,
            reason="Verward gedrag en aanhoudende overlast; zorgmijdend; buren voelen zich onveilig.",
            goal="Zorg en veiligheid in één plan, met drang vanuit de woningcorporatie.",
            partners_involved="GGZ Rivierenland Oost, politie, sociaal wijkteam, Woonstichting Lingestroom",
        )  # fmt: skip
        _backdate_referral(referral, 9)
    kevin = _person("Kevin", "Graaf", date(1991, 8, 30))
    if kevin is not None:
        referral = _refer(
            users["politie"], municipality, kevin, case=None, urgency=Urgency.NORMAL,
            reason="Twee meldingen van ruzie thuis in een maand.",
            goal="Zicht op de thuissituatie.",
        )  # fmt: skip
        _backdate_referral(referral, 20)
        referral_decide(
            actor=director, referral=referral,
            criteria={MULTI_DOMAIN: False, CHAIN: False, IMPACT: True, LOCAL_SAFETY: False},
            decision=Decision.NOT_INCLUDED,
            reasons="Eén leefdomein, geen drang of dwang nodig: past bij het sociaal wijkteam en Veilig Thuis.",
            advice="Sociaal wijkteam Lingewaard, met een melding bij Veilig Thuis",
        )  # fmt: skip
    # A person Regie did not know yet: the referral creates her (no case of her own until she is included).
    referral = referral_create(
        actor=users["ggz"],
        municipality=municipality,
        person=PersonDetails(surname="Martens", given_names="Yvonne", birth_date=date(1990, 9, 14)),
        reason="Vervuiling en verwaarlozing van de woning, zorgmijding, dreigende huisuitzetting; twee kinderen.",
        goal="Wonen behouden en zorg op gang brengen, met drang vanuit de woningcorporatie.",
        partners_involved="GGZ Rivierenland Oost, Woonstichting Lingestroom, Sociaal Wijkteam Lingewaard",
    )
    _backdate_referral(referral, 2)


# Nine more PGA persons (12 in all), new to Regie and referred by a partner, spread over level and phase. Per person:
# given name, surname, birth date, referrer, decision, days since inclusion, casusregisseur, team organisations
# (with the data categories each holds), exit (kind, reason, days ago) or None, informed (None: contra-indication),
# the days between score rounds, the number of rounds, the last round's age in days, and per domain (first, last)
# score; a negative last means a relapse in the last two rounds.
GC, GJ, G = ("general", "care"), ("general", "justice"), ("general",)
MORE: list[tuple[Any, ...]] = [
    ("Priscilla", "Jansen", date(1994, 2, 8), "ggz", Decision.LOCAL, 280, "ggz", [(WIJKTEAM, GC), (WOONSTICHTING, G)],
     None, True, 40, 7, 12, {"financien": (1, 3), "huisvesting": (1, 4), "geestelijke-gezondheid": (2, 3),
     "huiselijke-relaties": (2, 3), "sociaal-netwerk": (2, 3)}),
    ("Mohamed", "El Idrissi", date(1998, 11, 19), "politie", Decision.ZVH, 250, "politie", [(RECLASSERING, GJ)],
     None, True, 35, 7, 8, {"justitie": (1, -2), "middelengebruik": (2, -2), "werk-opleiding": (1, 2),
     "tijdsbesteding": (2, 3)}),
    ("Wilma", "de Boer", date(1962, 4, 2), "ggz", Decision.LOCAL, 360, "ggz", [(WIJKTEAM, GC)],
     ("afschalen", ExitReason.REGULAR_CARE, 30), True, 45, 7, 35, {"basale-adl": (2, 4), "lichamelijke-gezondheid":
     (2, 4), "huisvesting": (2, 4), "sociaal-netwerk": (1, 3)}),
    ("Stefan", "Kuipers", date(1983, 7, 14), "politie", Decision.LOCAL, 200, "politie", [(WOONSTICHTING, G)],
     None, True, 40, 4, 52, {"huisvesting": (2, 2), "financien": (1, 2), "justitie": (2, 3)}),
    ("Naima", "Bouzid", date(2001, 1, 23), "ggz", Decision.LOCAL, 10, "ggz", [(WIJKTEAM, GC)],
     None, None, 1, 1, 6, {"financien": (1, 1), "werk-opleiding": (2, 2), "geestelijke-gezondheid": (2, 2),
     "sociaal-netwerk": (1, 1)}),
    ("Gerrit", "van Dam", date(1958, 9, 5), "politie", Decision.ZVH, 330, "politie", [(RECLASSERING, GJ)],
     ("afsluiten", ExitReason.NO_COOPERATION, 20), True, 50, 6, 30, {"justitie": (1, 1), "middelengebruik": (1, 2),
     "huisvesting": (2, 1)}),
    ("Lisa", "Hoekstra", date(1996, 5, 30), "ggz", Decision.LOCAL, 365, "ggz", [(WIJKTEAM, GC), (WOONSTICHTING, G)],
     None, True, 45, 8, 9, {"financien": (1, 4), "huisvesting": (2, 5), "geestelijke-gezondheid": (1, 4),
     "werk-opleiding": (1, 3), "maatschappelijke-participatie": (2, 4)}),
    ("Ricardo", "Tahapary", date(1989, 12, 1), "politie", Decision.ZVH, 150, "politie", [(RECLASSERING, GJ)],
     None, False, 30, 5, 14, {"justitie": (1, 2), "huiselijke-relaties": (1, 2), "middelengebruik": (2, 3)}),
    ("Joyce", "van Leeuwen", date(1979, 3, 17), "ggz", Decision.LOCAL, 340, "ggz", [(WIJKTEAM, GC)],
     ("afsluiten", ExitReason.MOVED, 90), True, 50, 5, 95, {"financien": (1, 3), "huiselijke-relaties": (2, 3),
     "geestelijke-gezondheid": (2, 3)}),
]  # fmt: skip


def _curve(first: int, last: int, rounds: int) -> list[int]:
    """From the first to the last score over the rounds; a negative last: up to |last|+1, then a relapse to |last|."""
    if rounds == 1:
        return [first]
    relapse, last = last < 0, abs(last)
    top = min(5, last + 1) if relapse else last
    values = [round(first + (top - first) * i / max(1, rounds - 3 if relapse else rounds - 1)) for i in range(rounds)]
    if relapse:
        values = [min(v, top) for v in values[:-2]] + [max(1, top - 1), last]
    return values


def _more(director: User, municipality: Municipality, users: dict[str, User], today: date) -> None:
    for (given, surname, born, referrer, decision, days, lead, teams, exit_, informed, step, rounds, last_age,
         domains) in MORE:  # fmt: skip
        referral = referral_create(
            actor=users[referrer], municipality=municipality,
            person=PersonDetails(surname=surname.split(" ")[-1], prefix=" ".join(surname.split(" ")[:-1]),
                                 given_names=given, birth_date=born),
            reason="Problemen op meerdere leefdomeinen (" + ", ".join(sorted(domains)).replace("-", " ") + ") met "
            "overlast of terugval; meerdere partners betrokken.",
            goal="Eén plan van aanpak met de partners, zodat de situatie stabiel en veilig wordt.",
            partners_involved=", ".join(name for name, _ in teams),
            urgency=Urgency.HIGH if decision == Decision.ZVH else Urgency.NORMAL,
        )  # fmt: skip
        _backdate_referral(referral, days + 10)
        reasons = ("Problemen op meerdere leefdomeinen, drang en dwang nodig, impact op de omgeving" +
                   ("; bovenlokale partners nodig: opgeschaald naar het Zorg- en Veiligheidshuis." if decision ==
                    Decision.ZVH else "; lokale PGA volstaat."))  # fmt: skip
        pga = _include(director, referral, decision, reasons, days)
        for name, categories in teams:
            organisation = Organisation.objects.filter(name=name).first()
            if organisation is not None:
                case_member_add(actor=director, case=pga.case, case_role="ketenpartner", categories=categories,
                                organisation=organisation)  # fmt: skip
        case_member_add(actor=director, case=pga.case, case_role="ketenpartner",
                        categories=GJ if lead == "politie" else GC, user=users[lead])  # fmt: skip
        pga_roles_change(actor=director, pga_case=pga, process_director=director, case_director=users[lead])
        pga.refresh_from_db()
        if informed:
            pga_inform(actor=director, pga_case=pga, informed_on=today - timedelta(days=max(1, days - 7)))
        elif informed is False:
            pga_inform(actor=director, pga_case=pga, review_on=today + timedelta(days=40),
                       contra_indication="Lopend onderzoek naar huiselijk geweld (Veilig Thuis, politie).")  # fmt: skip
        pga.refresh_from_db()
        trajectory = {code: _curve(first, last, rounds) for code, (first, last) in domains.items()}
        _scores(director, pga, trajectory, today - timedelta(days=last_age + (rounds - 1) * step), step)
        evaluation_record(
            actor=director, pga_case=pga, held_on=today - timedelta(days=max(1, last_age - 2)),
            cooperation=Cooperation.GOOD if informed else Cooperation.PARTIAL,
            progress="Afspraken met de partners lopen; voortgang besproken met betrokkene.",
            result="Scores besproken; het plan van aanpak is bijgesteld.",
        )  # fmt: skip
        if exit_ is not None:
            kind, reason, ago = exit_
            pga.refresh_from_db()
            pga_exit(actor=director, pga_case=pga, kind=kind, reason=reason,
                     follow_up_on=today + timedelta(days=180 - ago),
                     explanation="Besproken in het PGA-overleg; nazorg afgesproken.")  # fmt: skip
            PgaCase.objects.filter(pk=pga.pk).update(exited_on=today - timedelta(days=ago))
    # Joyce moved back: a re-referral within twelve months waits in the triage, flagged at screening.
    joyce = Person.objects.filter(given_names="Joyce", surname="Leeuwen", birth_date=date(1979, 3, 17)).first()
    if joyce is not None:
        again = referral_create(actor=users["ggz"], municipality=municipality, known_person=joyce,
                                person=PersonDetails(surname=joyce.surname), urgency=Urgency.HIGH,
                                reason="Terug in Lingewaard; opnieuw schulden en spanningen thuis.",
                                goal="Opnieuw één plan met de partners.")  # fmt: skip
        _backdate_referral(again, 4)


def seed_pga() -> list[str]:
    municipality = Municipality.objects.filter(code=MUNICIPALITY_CODE).first()
    if municipality is None:
        return ["Demo-PGA overgeslagen: de demogemeente ontbreekt."]
    if Referral.objects.filter(municipality=municipality).exists():
        return ["Demo-PGA bestond al."]
    users = {u.username: u for u in User.objects.filter(username__in=["procesregisseur", "politie", "ggz"])}
    if len(users) < 3:
        return ["Demo-PGA overgeslagen: de demo-accounts ontbreken."]
    director = users["procesregisseur"]
    today = timezone.localdate()
    with transaction.atomic():
        _bilal(director, municipality, users, today)
        _danny(director, municipality, users, today)
        _rob(director, municipality, users, today)
        _triage(director, municipality, users)
        _more(director, municipality, users, today)
    cases = PgaCase.objects.filter(case__municipality=municipality).count()
    scores = DomainScore.objects.filter(pga_case__case__municipality=municipality).count()
    return [f"PGA: {cases} PGA-casussen met {scores} ZRM-scores, aanmeldingen in de triage."]
