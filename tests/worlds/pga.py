"""The PGA world (fixture `pga_world` in tests/pga/conftest.py).

`procesregisseur` screened and included Jan de Vries (BSN 111222333) in the local PGA: a new PGA case on a
'pga-casus' case that `procesregisseur` coordinates; on its team `politie` as user (general and justice, the
casusregisseur) and `ggz` as user (general and care). Scores on Financiën (general), Geestelijke gezondheid (care)
and Justitie (justice), 40 and 5 days ago. A second referral by `ggz`, about Els Bakker, waits for triage.
Everybody else is not on the case.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from regie.accounts.models import User
from regie.pga.models import Decision, PgaCase, Referral, ZrmDomain
from regie.pga.screening import CHAIN, IMPACT, MULTI_DOMAIN
from regie.pga.services.cases import pga_roles_change
from regie.pga.services.plans import score_record
from regie.pga.services.referrals import PersonDetails, referral_create, referral_decide
from tests.worlds.cases import add_member, stored_case_type

ALL_MET = {MULTI_DOMAIN: True, CHAIN: True, IMPACT: True}


@dataclass
class PgaWorld:
    users: dict[str, User]
    pga: PgaCase
    waiting: Referral

    def domain(self, code: str) -> ZrmDomain:
        return ZrmDomain.objects.get(version=self.pga.zrm_version, code=code)


def refer(user: User, *, surname: str = "Vries", bsn: str = "111222333", given: str = "Jan") -> Referral:
    assert user.organisation is not None
    return referral_create(
        actor=user,
        municipality=user.organisation.municipality,
        person=PersonDetails(
            surname=surname, given_names=given, prefix="de" if surname == "Vries" else "", bsn=bsn
        ),
        reason="Overlast, schulden en verward gedrag",
        goal="Eén plan met zorg en veiligheid",
    )


def make_pga_world(users: dict[str, User]) -> PgaWorld:
    stored_case_type("pga-casus", "Persoonsgerichte aanpak (PGA)", ("general", "care", "justice"), 5)
    director = users["procesregisseur"]
    referral = refer(director)
    pga = referral_decide(
        actor=director,
        referral=referral,
        criteria=ALL_MET,
        decision=Decision.LOCAL,
        reasons="Voldoet aan de criteria",
    )
    assert pga is not None
    add_member(pga.case, director, user=users["politie"], categories=("general", "justice"))
    add_member(pga.case, director, user=users["ggz"], categories=("general", "care"))
    pga = pga_roles_change(
        actor=director, pga_case=pga, process_director=director, case_director=users["politie"]
    )
    today = timezone.localdate()
    domains = {d.code: d for d in ZrmDomain.objects.filter(version=pga.zrm_version)}
    for code, first, last in (("financien", 1, 2), ("geestelijke-gezondheid", 2, 3), ("justitie", 1, 2)):
        for days, value in ((40, first), (5, last)):
            score_record(
                actor=director,
                pga_case=pga,
                domain=domains[code],
                score=value,
                scored_on=today - timedelta(days=days),
                reason=f"Toelichting {code} {value}",
            )
    waiting = refer(users["ggz"], surname="Bakker", given="Els", bsn="")
    return PgaWorld(users=users, pga=pga, waiting=waiting)
