"""The classifier in use: trained on the shipped examples plus people's corrections, stored as one file.

Trained on first use (no download) and whenever `regie classifier train` runs. Every process (web, worker) keeps
the model in memory and reloads it when the file on disk changes, so a retrain reaches all workers.
"""

from __future__ import annotations

import os
import tempfile
import threading
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.conf import settings

from regie.intake.classifier.model import CATEGORIES, Example, SignalClassifier, load_examples
from regie.intake.models import ClassificationCorrection, ClassifierSetting

# Used only until the functional administrator has set the threshold (ClassifierSetting policy row).
DEFAULT_THRESHOLD = Decimal("0.50")

_lock = threading.Lock()
_cache: dict[str, object] = {}


def model_path() -> Path:
    """Where the trained model lives: REGIE_CLASSIFIER_PATH, or under REGIE_DATA_DIR."""
    configured = getattr(settings, "REGIE_CLASSIFIER_PATH", None)
    if configured:
        return Path(configured)
    return Path(settings.REGIE_DATA_DIR) / "classifier" / "signal-classifier.pkl"


def classifier_threshold() -> float:
    """The configured confidence threshold below which a suggestion becomes `overig`."""

    setting = ClassifierSetting.objects.filter(pk=1).first()
    return float(setting.threshold if setting else DEFAULT_THRESHOLD)


def correction_examples() -> list[Example]:
    """People's corrections as training examples: the latest correction per signal, known categories only."""

    latest: dict[object, Example] = {}
    rows = (
        ClassificationCorrection.objects.filter(to_code__in=CATEGORIES)
        .select_related("signal")
        .order_by("created_at")
    )
    for correction in rows:
        latest[correction.signal_id] = Example(
            text=correction.signal.description, category=correction.to_code
        )
    return list(latest.values())


@dataclass(frozen=True)
class TrainingReport:
    examples: int
    corrections: int
    path: Path


def _save_atomically(model: SignalClassifier, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(handle)
    try:
        model.save(Path(temporary))
        os.replace(temporary, path)  # readers see the old or the new file, never half of one
    finally:
        Path(temporary).unlink(missing_ok=True)


def classifier_train() -> TrainingReport:
    """Train on the shipped examples plus stored corrections, save, and use the new model in this process."""
    corrections = correction_examples()
    examples = load_examples() + corrections
    model = SignalClassifier.train(examples)
    path = model_path()
    _save_atomically(model, path)
    with _lock:
        _cache["model"] = model
        _cache["key"] = (str(path), path.stat().st_mtime_ns)
    return TrainingReport(examples=len(examples), corrections=len(corrections), path=path)


def get_classifier() -> SignalClassifier:
    """The model in use; loaded from disk when it changed, trained and saved on first use."""
    path = model_path()
    with _lock:
        key = (str(path), path.stat().st_mtime_ns) if path.exists() else None
        model = _cache.get("model")
        if key is not None and _cache.get("key") == key and isinstance(model, SignalClassifier):
            return model
        if key is not None:
            try:
                loaded = SignalClassifier.load(path)
            except Exception:
                loaded = None
            if loaded is not None:
                _cache["model"], _cache["key"] = loaded, key
                return loaded
    classifier_train()
    model = _cache["model"]
    assert isinstance(model, SignalClassifier)
    return model
