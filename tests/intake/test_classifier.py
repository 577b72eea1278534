"""Rules for the signal classifier that suggests a category for an incoming melding."""

from __future__ import annotations

import csv
import pickle
from collections import Counter
from pathlib import Path

import pytest

from regie.intake.classifier.model import (
    CATEGORIES,
    DEFAULT_DATASET,
    Evaluation,
    Example,
    SignalClassifier,
    dutch_tokens,
    evaluate,
    load_examples,
)

# Hand-written for these tests only; none of them is (or may be) in the shipped dataset.
FRESH_TEXTS: dict[str, str] = {
    "drugs": "Achter de gymzaal in Loo verkoopt een jongen op een fatbike elke middag zakjes wiet aan brugklassers.",
    "permanente-bewoning": (
        "Het gezin in het vakantiehuisje aan de plas woont daar al drie winters, de kinderen worden elke ochtend "
        "vanaf het park naar school gebracht."
    ),
    "adreskwaliteit": (
        "Er staan op mijn adres twee mannen ingeschreven die ik nog nooit heb gezien, ik krijg hun post van de "
        "Belastingdienst."
    ),
    "digitale-criminaliteit": (
        "Mijn opa kreeg een appje van een onbekend nummer, zogenaamd zijn kleindochter met een nieuwe telefoon, "
        "en heeft 1.200 euro overgemaakt."
    ),
    "ondermijning": (
        "Een onbekende man wil de lege kalverstal van mijn vader huren en biedt een jaar huur vooruit in "
        "contanten, zonder contract en zonder te zeggen waarvoor."
    ),
    "overlast": (
        "De buren hebben elke zaterdagnacht een feest met dreunende bassen tot vier uur en hun bezoek schreeuwt "
        "op straat."
    ),
    "zorg-en-veiligheid": (
        "Een verwarde oudere buurvrouw eet niet meer, haar huis is vervuild en ze heeft gisteren de postbode "
        "met een mes bedreigd."
    ),
    "overig": "De lantaarnpaal bij de bushalte aan de Dorpsstraat in Angerlo brandt al twee weken niet.",
}

THRESHOLD = 0.5

# Park and drug texts as the park's neighbours write them (issue 13: "wietlucht, busjes en dozen" became Overig).
# Hand-written for these tests only; none of them is in the shipped dataset.
FRESH_PARK_TEXTS: tuple[tuple[str, str], ...] = (
    ("drugs", "wietlucht, busjes en dozen"),
    ("drugs", "Op het park bij de plas: wietlucht, busjes die even stoppen en dozen die naar binnen gaan."),
    ("drugs", "Bij een huisje op de Rhederlaagse Meren ruikt het naar hennep en er worden kweeklampen uitgeladen."),
    ("drugs", "In een chalet op de camping wordt gedeald, er komen de hele avond auto's langs."),
    ("ondermijning", "Op het park hangt bij de berging een chemische lucht en er staan jerrycans en vaten."),
    (
        "permanente-bewoning",
        "Het gezin woont al twee jaar vast in het chalet op het park, de kinderen gaan hier naar school.",
    ),
)


def _normalise(text: str) -> str:
    return " ".join(text.lower().split())


@pytest.fixture(scope="module")
def examples() -> list[Example]:
    return load_examples()


@pytest.fixture(scope="module")
def classifier(examples: list[Example]) -> SignalClassifier:
    return SignalClassifier.train(examples)


@pytest.fixture(scope="module")
def evaluation(examples: list[Example]) -> Evaluation:
    return evaluate(examples)


# --- the dataset -------------------------------------------------------------------------------------------


def test_the_dataset_has_at_least_70_examples_per_category(examples: list[Example]) -> None:
    counts = Counter(e.category for e in examples)
    assert set(counts) == set(CATEGORIES)
    assert all(counts[c] >= 70 for c in CATEGORIES), counts


def test_the_dataset_has_no_duplicate_texts(examples: list[Example]) -> None:
    normalised = Counter(_normalise(e.text) for e in examples)
    duplicates = [text for text, n in normalised.items() if n > 1]
    assert duplicates == []


def test_the_dataset_is_a_text_category_csv_in_utf8() -> None:
    with DEFAULT_DATASET.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["text", "category"]
    assert all(len(row) == 2 for row in rows[1:])


def test_loading_a_dataset_with_an_unknown_category_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("text,category\nEr ligt een gat in de weg,wegen\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown category"):
        load_examples(path)


# --- quality on held-out data ------------------------------------------------------------------------------


def test_held_out_accuracy_is_at_least_85_percent(evaluation: Evaluation) -> None:
    assert evaluation.accuracy >= 0.85, evaluation


def test_held_out_macro_f1_is_at_least_85_percent(evaluation: Evaluation) -> None:
    assert evaluation.macro_f1 >= 0.85, evaluation


def test_evaluation_holds_out_a_quarter_and_reports_every_category(
    evaluation: Evaluation, examples: list[Example]
) -> None:
    assert evaluation.n_train + evaluation.n_test == len(examples)
    assert evaluation.n_test == pytest.approx(0.25 * len(examples), abs=1)
    assert set(evaluation.per_category) == set(CATEGORIES)


# --- suggestions -------------------------------------------------------------------------------------------


def test_the_fresh_test_texts_are_not_in_the_dataset(examples: list[Example]) -> None:
    known = {_normalise(e.text) for e in examples}
    assert not any(_normalise(text) in known for text in FRESH_TEXTS.values())


@pytest.mark.parametrize(("category", "text"), sorted(FRESH_TEXTS.items()))
def test_a_fresh_signal_is_suggested_its_own_category(
    classifier: SignalClassifier, category: str, text: str
) -> None:
    suggestion = classifier.suggest(text, threshold=THRESHOLD)
    assert suggestion.code == category


def test_the_fresh_park_texts_are_not_in_the_dataset(examples: list[Example]) -> None:
    known = {_normalise(e.text) for e in examples}
    assert not any(_normalise(text) in known for _, text in FRESH_PARK_TEXTS)


@pytest.mark.parametrize(("category", "text"), FRESH_PARK_TEXTS)
def test_park_and_drug_texts_get_their_own_category(classifier: SignalClassifier, category: str, text: str) -> None:
    suggestion = classifier.suggest(text, threshold=THRESHOLD)
    assert suggestion.code == category, suggestion


@pytest.mark.parametrize("text", ["", "   ", "asdf qwerty zxcv", "???", "Lorem ipsum dolor sit amet"])
def test_nonsense_falls_below_the_threshold_and_becomes_overig(
    classifier: SignalClassifier, text: str
) -> None:
    suggestion = classifier.suggest(text, threshold=THRESHOLD)
    assert suggestion.code == "overig"
    assert suggestion.confidence < THRESHOLD


def test_below_the_threshold_the_code_is_overig_with_the_top_class_confidence(
    classifier: SignalClassifier,
) -> None:
    text = FRESH_TEXTS["drugs"]
    top = max(classifier.probabilities(text).values())
    suggestion = classifier.suggest(text, threshold=0.999)
    assert top < 0.999
    assert suggestion.code == "overig"
    assert suggestion.confidence == pytest.approx(top)


def test_a_threshold_outside_zero_to_one_is_refused(classifier: SignalClassifier) -> None:
    with pytest.raises(ValueError):
        classifier.suggest("Gat in de weg", threshold=1.5)


# --- persistence -------------------------------------------------------------------------------------------


def test_a_saved_and_loaded_classifier_gives_identical_suggestions(
    classifier: SignalClassifier, tmp_path: Path
) -> None:
    path = tmp_path / "model" / "classifier.pkl"
    classifier.save(path)
    loaded = SignalClassifier.load(path)
    texts = [*FRESH_TEXTS.values(), "", "asdf qwerty"]
    for text in texts:
        assert loaded.suggest(text, threshold=THRESHOLD) == classifier.suggest(text, threshold=THRESHOLD)


def test_loading_a_file_that_is_not_a_regie_classifier_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.pkl"
    path.write_bytes(pickle.dumps({"something": "else"}))
    with pytest.raises(ValueError, match="not a Regie signal classifier"):
        SignalClassifier.load(path)


# --- Dutch tokens ------------------------------------------------------------------------------------------


def test_plural_and_singular_dutch_words_share_a_stem() -> None:
    assert dutch_tokens("woningen") == dutch_tokens("woning")
    assert dutch_tokens("hennepplanten") == dutch_tokens("hennepplant")


def test_tokens_are_lowercased_without_accents_punctuation_or_stop_words() -> None:
    tokens = dutch_tokens("De CAFÉ's op het Plein!!")
    assert tokens == ["cafe", "plein"]
