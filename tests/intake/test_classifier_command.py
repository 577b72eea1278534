"""`regie classifier evaluate` prints accuracy and macro-F1 on texts the model never saw; `train` retrains."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core.management import call_command

from regie.intake.classifier.model import CATEGORIES


def test_it_prints_accuracy_and_macro_f1_on_the_held_out_split():
    out = StringIO()
    call_command("classifier", "evaluate", stdout=out)
    text = out.getvalue()
    accuracy = float(re.search(r"^accuracy: (\d\.\d{3})$", text, re.M).group(1))  # type: ignore[union-attr]
    macro_f1 = float(re.search(r"^macro-F1: (\d\.\d{3})$", text, re.M).group(1))  # type: ignore[union-attr]
    assert accuracy >= 0.85 and macro_f1 >= 0.85
    assert "nooit zag" in text
    assert all(code in text for code in CATEGORIES)


@pytest.mark.django_db
def test_it_retrains_with_the_stored_corrections(settings, tmp_path, users):
    settings.REGIE_CLASSIFIER_PATH = str(tmp_path / "model.pkl")
    out = StringIO()
    call_command("classifier", "train", stdout=out)
    assert "0 correcties" in out.getvalue() and (tmp_path / "model.pkl").exists()


def test_it_refuses_an_unknown_action():
    with pytest.raises(Exception, match="invalid choice"):
        call_command("classifier", "vergeten")
