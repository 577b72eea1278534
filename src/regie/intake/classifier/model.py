"""Suggests a category for an incoming signal (melding) from its free text.

The classifier is a small, explainable text model: TF-IDF features over stemmed Dutch words (uni- and bigrams)
and character n-grams (robust to typos, dialect spelling and SMS style), fed into a multinomial logistic
regression. It only *suggests* a category; the procesregisseur decides at triage. When the model is not sure
enough (below the caller's threshold) it suggests ``overig`` so that a human looks at the signal without a
misleading label.

The training data (``data/signals_nl.csv``) is fictional and written for this product.
"""

from __future__ import annotations

import csv
import pickle
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import snowballstemmer

# scikit-learn (with SciPy) takes seconds to import; it is imported where a model is built, loaded or evaluated,
# so every `regie` command and web process does not pay for it at start-up.
if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline

CATEGORIES: tuple[str, ...] = (
    "ondermijning",
    "drugs",
    "permanente-bewoning",
    "adreskwaliteit",
    "zorg-en-veiligheid",
    "overlast",
    "digitale-criminaliteit",
    "overig",
)
FALLBACK_CATEGORY = "overig"

DEFAULT_DATASET = Path(__file__).resolve().parent / "data" / "signals_nl.csv"

_FORMAT = "regie-signal-classifier"
_FORMAT_VERSION = 1

# The Snowball Dutch stop word list (accents stripped, as tokens are), plus a few spoken/dialect forms.
# One-letter tokens ("u", "t", "'s") are dropped by the tokenizer anyway.
_STOP_WORDS_TEXT = """
de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem dan zou of
wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb hoe heeft hebben deze
want nog zal me zij nu ge geen omdat iets worden toch al waren veel meer doen toen moet ben zonder kan hun
dus alles onder ja eens hier wie werd altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets
uw iemand geweest andere we wij jullie mn zn da
"""
DUTCH_STOP_WORDS: frozenset[str] = frozenset(_STOP_WORDS_TEXT.split())

_TOKEN_RE = re.compile(r"[a-z0-9]+")
_STEMMER = snowballstemmer.stemmer("dutch")


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def dutch_tokens(text: str) -> list[str]:
    """Lowercase, strip accents and punctuation, drop stop words and one-letter tokens, stem (Snowball Dutch)."""
    normalised = _strip_accents(text.lower())
    words = [w for w in _TOKEN_RE.findall(normalised) if len(w) > 1 and w not in DUTCH_STOP_WORDS]
    return [str(stem) for stem in _STEMMER.stemWords(words)]


@dataclass(frozen=True)
class Example:
    text: str
    category: str


def load_examples(path: Path | None = None) -> list[Example]:
    """Read ``text,category`` rows from a UTF-8 CSV file (default: the dataset shipped with Regie)."""
    source = path if path is not None else DEFAULT_DATASET
    examples: list[Example] = []
    with source.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None or not {"text", "category"} <= set(reader.fieldnames):
            raise ValueError(f"{source}: expected a header with the columns 'text' and 'category'")
        for row in reader:
            text = (row["text"] or "").strip()
            category = (row["category"] or "").strip()
            if not text:
                raise ValueError(f"{source}, line {reader.line_num}: empty text")
            if category not in CATEGORIES:
                raise ValueError(f"{source}, line {reader.line_num}: unknown category {category!r}")
            examples.append(Example(text=text, category=category))
    return examples


def build_pipeline() -> Pipeline:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline

    """TF-IDF (stemmed word 1-2 grams + character 3-5 grams) -> multinomial logistic regression."""
    words = TfidfVectorizer(
        tokenizer=dutch_tokens,
        token_pattern=None,
        lowercase=False,
        ngram_range=(1, 2),
        sublinear_tf=True,
    )
    chars = TfidfVectorizer(
        analyzer="char_wb",
        ngram_range=(3, 5),
        lowercase=True,
        strip_accents="unicode",
        sublinear_tf=True,
        min_df=2,
    )
    return Pipeline(
        [
            ("features", FeatureUnion([("words", words), ("chars", chars)])),
            ("classifier", LogisticRegression(C=20.0, max_iter=5000, class_weight="balanced")),
        ]
    )


@dataclass(frozen=True)
class Suggestion:
    code: str
    confidence: float


class SignalClassifier:
    """A trained model that suggests a signal category. Build it with :meth:`train` or :meth:`load`."""

    def __init__(self, pipeline: Pipeline) -> None:
        self._pipeline = pipeline

    @classmethod
    def train(cls, examples: Sequence[Example]) -> SignalClassifier:
        if not examples:
            raise ValueError("cannot train a classifier without examples")
        unknown = {e.category for e in examples} - set(CATEGORIES)
        if unknown:
            raise ValueError(f"unknown categories in training data: {sorted(unknown)}")
        if len({e.category for e in examples}) < 2:
            raise ValueError("training data must contain at least two categories")
        pipeline = build_pipeline()
        pipeline.fit([e.text for e in examples], [e.category for e in examples])
        return cls(pipeline)

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(str(c) for c in self._pipeline.classes_)

    def probabilities(self, text: str) -> dict[str, float]:
        """Probability per category the model knows, for one text."""
        proba = self._pipeline.predict_proba([text])[0]
        return {category: float(p) for category, p in zip(self.categories, proba, strict=True)}

    def predict(self, texts: Sequence[str]) -> list[str]:
        """The top category per text, without a threshold."""
        return [str(label) for label in self._pipeline.predict(list(texts))]

    def suggest(self, text: str, *, threshold: float) -> Suggestion:
        """The most likely category, or ``overig`` when its probability is below ``threshold``.

        ``confidence`` is always the model's probability for its top category, so a low-confidence ``overig``
        can be told apart from a confident one.
        """
        if not 0.0 <= threshold <= 1.0:
            raise ValueError(f"threshold must be between 0 and 1, got {threshold}")
        proba = self._pipeline.predict_proba([text])[0]
        best = int(np.argmax(proba))
        confidence = float(proba[best])
        code = self.categories[best] if confidence >= threshold else FALLBACK_CATEGORY
        return Suggestion(code=code, confidence=confidence)

    def save(self, path: Path) -> None:
        """Write the model to ``path`` (a pickle; only load files that Regie itself wrote)."""
        import sklearn

        payload: dict[str, Any] = {
            "format": _FORMAT,
            "version": _FORMAT_VERSION,
            "sklearn": sklearn.__version__,
            "pipeline": self._pipeline,
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            pickle.dump(payload, handle, protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def load(cls, path: Path) -> SignalClassifier:
        """Read a model written by :meth:`save`. Never point this at a file from outside Regie."""
        from sklearn.pipeline import Pipeline

        with path.open("rb") as handle:
            payload = pickle.load(handle)  # noqa: S301 - our own model file, written by save()
        if not isinstance(payload, dict) or payload.get("format") != _FORMAT:
            raise ValueError(f"{path} is not a Regie signal classifier file")
        if payload.get("version") != _FORMAT_VERSION:
            raise ValueError(f"{path}: unsupported classifier file version {payload.get('version')!r}")
        pipeline = payload["pipeline"]
        if not isinstance(pipeline, Pipeline):
            raise ValueError(f"{path} does not contain a scikit-learn pipeline")
        return cls(pipeline)


@dataclass(frozen=True)
class Evaluation:
    accuracy: float
    macro_f1: float
    n_train: int
    n_test: int
    per_category: dict[str, float]  # F1 per category on the held-out texts


def evaluate(examples: Sequence[Example], *, test_size: float = 0.25, seed: int = 42) -> Evaluation:
    """Train on a stratified part of ``examples`` and measure on the held-out rest (never on training texts)."""
    from sklearn.metrics import accuracy_score, f1_score
    from sklearn.model_selection import train_test_split

    texts = [e.text for e in examples]
    labels = [e.category for e in examples]
    train_texts, test_texts, train_labels, test_labels = train_test_split(
        texts, labels, test_size=test_size, random_state=seed, stratify=labels
    )
    model = SignalClassifier.train(
        [Example(text=t, category=c) for t, c in zip(train_texts, train_labels, strict=True)]
    )
    predicted = model.predict(test_texts)
    present = [c for c in CATEGORIES if c in set(labels)]
    per_category = f1_score(test_labels, predicted, labels=present, average=None, zero_division=0)
    return Evaluation(
        accuracy=float(accuracy_score(test_labels, predicted)),
        macro_f1=float(f1_score(test_labels, predicted, labels=present, average="macro", zero_division=0)),
        n_train=len(train_texts),
        n_test=len(test_texts),
        per_category={c: float(s) for c, s in zip(present, per_category, strict=True)},
    )
