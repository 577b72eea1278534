"""The ondermijning demo: two estates (one certified, one starting), the rural area with farm sheds, two inspection
days whose findings became signals, trainings for every department and quiz results; seeding twice adds nothing."""

from __future__ import annotations

import pytest

from regie.demo.seed import seed_demo
from regie.intake.models import Signal
from regie.ondermijning.models import (
    Area,
    AreaContact,
    AreaLocation,
    Finding,
    IntegralInspection,
    KvoDocument,
    KvoMeasure,
    KvoTrajectory,
    LocationRisk,
    QuizAttempt,
    StaffReport,
    Training,
)
from regie.procedures.models import Procedure

pytestmark = pytest.mark.django_db


def test_demo_ondermijning(sign_in, users) -> None:  # type: ignore[no-untyped-def]
    seed_demo()
    assert Area.objects.count() == 3
    certified = KvoTrajectory.objects.get(area__name="Bedrijventerrein Pannenhuis")
    assert certified.expires_on is not None and certified.expires_on.year == 2027
    assert KvoTrajectory.objects.get(area__name="Bedrijventerrein Bergerden").certified_on is None
    assert AreaLocation.objects.filter(kind="farm-shed").count() >= 5
    assert IntegralInspection.objects.count() == 2
    references = [f.signal_reference for f in Finding.objects.exclude(signal_reference="")]
    assert (
        len(references) == 2
        and Signal.objects.filter(reference__in=references, source="inspectie").count() == 2
    )
    assert Training.objects.values("department").distinct().count() >= 5
    assert QuizAttempt.objects.count() == 5
    assert LocationRisk.objects.filter(score__gt=0).exists()
    seed_demo()
    assert Area.objects.count() == 3 and IntegralInspection.objects.count() == 2
    for url in ("/ondermijning", "/ondermijning/bewustwording"):
        assert sign_in(users["projectleider"]).get(url).status_code == 200
    area = Area.objects.get(name="Bedrijventerrein Bergerden")
    html = sign_in(users["projectleider"]).get(f"/ondermijning/gebieden/{area.pk}").content.decode()
    assert "Bedrijfsunit 4, Tuinbouwweg 14" in html and "Anke Willemsen" in html


def test_demo_follow_up_of_a_finding_and_the_rest(users) -> None:  # type: ignore[no-untyped-def]
    """The finding at Bedrijfsunit 4 became a signal, the signal a case, the case a 13b Opiumwet procedure; the
    demo also has contacts per area, the measures plan with a document and an anonymous staff report."""
    seed_demo()
    finding = Finding.objects.get(
        inspection_site__site__location__name__startswith="Bedrijfsunit 4", signal_reference__gt=""
    )
    signal = Signal.objects.get(reference=finding.signal_reference)
    assert signal.case is not None
    procedure = Procedure.objects.get(case=signal.case)
    assert procedure.type_code == "opiumwet-13b"
    assert {c.role for c in AreaContact.objects.all()} >= {"parkmanagement", "ondernemersvereniging", "lto"}
    plan = KvoMeasure.objects.filter(trajectory__area__name="Bedrijventerrein Pannenhuis")
    assert plan.count() == 4 and {m.status for m in plan} >= {"uitgevoerd", "in-uitvoering", "gepland"}
    assert KvoDocument.objects.filter(step="maatregelenplan").count() == 1
    anonymous = StaffReport.objects.get(anonymous=True)
    assert anonymous.signal.submitted_by is None and anonymous.signal.reporter_name == ""
    seed_demo()
    assert AreaContact.objects.count() == 4 and Procedure.objects.filter(case=signal.case).count() == 1
