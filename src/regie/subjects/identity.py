"""Identity helpers for persons and businesses: BSN/KvK/postcode checks, Dutch names and record matching.

Pure Python (plus rapidfuzz) so that forms, services, imports and benchmarks can share one implementation.

Matching works in two steps. A candidate store indexes every person under its `blocking_keys` and, for a
query, fetches only the persons that share at least one key (see `CandidateIndex`). `rank_candidates` then
scores those few with `score_match` and returns them best first, with Dutch reasons a professional can check.
"""

import random
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz
from rapidfuzz.distance import JaroWinkler

REASON_SAME_BSN = "zelfde BSN"
REASON_OTHER_BSN = "ander BSN"
REASON_SAME_NAME = "zelfde naam"
REASON_SIMILAR_NAME = "naam lijkt op"
REASON_SAME_BIRTH_DATE = "zelfde geboortedatum"
REASON_SWAPPED_BIRTH_DATE = "geboortedatum met dag en maand omgewisseld"
REASON_SAME_ADDRESS = "zelfde adres"

# --- BSN, KvK number, postcode ------------------------------------------------------------

_SEPARATORS = re.compile(r"[\s.]")  # "123 456 782" and "1234.56.782" are how people type a BSN
_BSN_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)


def _bsn_digits(value: str) -> str | None:
    digits = _SEPARATORS.sub("", value)
    if len(digits) == 8:  # a leading zero is often lost in spreadsheets
        digits = "0" + digits
    return digits if len(digits) == 9 and digits.isascii() and digits.isdigit() else None


def _passes_eleven_test(digits: str) -> bool:
    return sum(w * int(d) for w, d in zip(_BSN_WEIGHTS, digits, strict=True)) % 11 == 0


def bsn_error(value: str) -> str | None:
    """Return a Dutch message saying why `value` is not a BSN, or None exactly when `is_valid_bsn(value)`."""
    digits = _SEPARATORS.sub("", value)
    if not (digits.isascii() and digits.isdigit()):
        return "Het BSN mag alleen cijfers bevatten." if digits else "Het BSN moet uit 9 cijfers bestaan."
    normalized = _bsn_digits(value)
    if normalized is None:
        return "Het BSN moet uit 9 cijfers bestaan."
    if normalized == "000000000":
        return "Dit is geen geldig BSN."
    if not _passes_eleven_test(normalized):
        return "Dit is geen geldig BSN (de elfproef klopt niet)."
    return None


def is_valid_bsn(value: str) -> bool:
    """Return True only for 9 digits (or 8, read with a leading 0), not all zeros, that pass the 11-test."""
    return bsn_error(value) is None


def normalize_bsn(value: str | None) -> str | None:
    """Return the valid BSN as 9 digits, or None when `value` is empty or not a valid BSN."""
    if not value or not is_valid_bsn(value):
        return None
    return _bsn_digits(value)


def kvk_error(value: str) -> str | None:
    """Return a Dutch message why `value` is no KvK number, or None exactly when `is_valid_kvk(value)`."""
    digits = _SEPARATORS.sub("", value)
    if digits and not (digits.isascii() and digits.isdigit()):
        return "Het KvK-nummer mag alleen cijfers bevatten."
    if len(digits) != 8:
        return "Het KvK-nummer moet uit 8 cijfers bestaan."
    if digits == "00000000":
        return "Dit is geen geldig KvK-nummer."
    return None


def is_valid_kvk(value: str) -> bool:
    """Return True only for exactly 8 digits (spaces and dots ignored) that are not all zeros."""
    return kvk_error(value) is None


_POSTCODE = re.compile(r"([1-9][0-9]{3}) ?([A-Z]{2})")


def normalize_postcode(value: str | None) -> str | None:
    """Return a Dutch postcode as "1234AB", or None when it is none (first digit 0, or letters SA, SD, SS)."""
    match = _POSTCODE.fullmatch((value or "").strip().upper())
    if match is None or match.group(2) in {"SA", "SD", "SS"}:
        return None
    return match.group(1) + match.group(2)


def generate_test_bsns(n: int, seed: int) -> list[str]:
    """Return `n` distinct BSNs that all pass the 11-test; the same (n, seed) always gives the same list."""
    if n < 0:
        raise ValueError("n must not be negative")
    rng = random.Random(seed)
    seen: set[str] = set()
    result: list[str] = []
    while len(result) < n:
        body = str(rng.randrange(10_000_000, 100_000_000))
        check = sum(w * int(d) for w, d in zip(_BSN_WEIGHTS[:8], body, strict=True)) % 11
        bsn = f"{body}{check}"
        if check < 10 and bsn not in seen:
            seen.add(bsn)
            result.append(bsn)
    return result


# --- Names ------------------------------------------------------------

# Voorvoegsels (a subset of BRP table 36); matching tries the longest combination first.
# fmt: off
_DUTCH_PREFIXES = (
    "van", "van de", "van der", "van den", "van het", "van 't", "de", "den", "der", "des", "het", "'t", "'s",
    "ten", "ter", "te", "in", "in de", "in den", "in het", "in 't", "op", "op de", "op den", "op het",
    "op 't", "op ten", "uit", "uit de", "uit den", "uit het", "uit 't", "aan", "aan de", "aan den",
    "aan het", "aan 't", "bij", "bij de", "bij den", "bij het", "onder", "onder de", "over", "over de",
    "voor", "voor de", "voor den", "tot", "toe", "vander", "vanden", "von", "von der", "von dem", "von den",
    "zum", "zur", "de la", "van la",
)
# Foreign articles: written with a capital after a given name ("Ahmed El Amrani") they belong to the surname.
_FOREIGN_ARTICLES = (
    "el", "al", "la", "le", "les", "las", "los", "lo", "da", "das", "dos", "do", "di", "du", "del", "della",
    "d'", "l'",
)
# fmt: on
_PREFIXES = frozenset(_DUTCH_PREFIXES + _FOREIGN_ARTICLES)
_FOREIGN = frozenset(_FOREIGN_ARTICLES)
_MAX_PREFIX_TOKENS = max(len(p.split()) for p in _PREFIXES)
# The single words Dutch prefixes are made of ("van", "den", "'t" → "t"), folded: a name search treats them as a
# filter on the tussenvoegsel rather than as name words.
NAME_PREFIX_WORDS = frozenset(
    word.strip("'") for prefix in _DUTCH_PREFIXES for word in prefix.split() if word.strip("'")
)


def fold(text: str) -> str:
    """Return `text` lower-cased, accents stripped, "ij" written as "y" and whitespace collapsed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.replace("ij", "y").split())


def _is_prefix(tokens: list[str], *, any_case: bool) -> bool:
    if not tokens:
        return False
    joined = " ".join(tokens).lower()
    if joined not in _PREFIXES:
        return False
    return any_case or joined not in _FOREIGN or tokens[0] == tokens[0].lower()


def _prefix_length_at(tokens: list[str], start: int, *, any_case: bool) -> int:
    """Length of the longest prefix starting at `start` that still leaves a surname token after it."""
    for length in range(min(_MAX_PREFIX_TOKENS, len(tokens) - start - 1), 0, -1):
        if _is_prefix(tokens[start : start + length], any_case=any_case):
            return length
    return 0


def _trailing_prefix_length(tokens: list[str]) -> int:
    for length in range(min(_MAX_PREFIX_TOKENS, len(tokens)), 0, -1):
        if _is_prefix(tokens[len(tokens) - length :], any_case=True):
            return length
    return 0


def _initials(given_names: str) -> str:
    parts = [p for p in re.split(r"[\s.]+", given_names) if p]
    return "".join(p[0].upper() + "." for p in parts)


@dataclass(frozen=True)
class PersonName:
    """A person's name as the BRP keeps it: given names, voorvoegsel (prefix) and surname proper."""

    given_names: str
    prefix: str
    surname: str

    def display(self) -> str:
        """Return the name in reading order ("Jan van den Berg"); a leading prefix gets a capital."""
        if not self.given_names and self.prefix:
            return f"{self.prefix[:1].upper()}{self.prefix[1:]} {self.surname}".strip()
        return " ".join(p for p in (self.given_names, self.prefix, self.surname) if p)

    def sort_key(self) -> str:
        """Return a key sorting on surname proper, then prefix, then given names ("berg van den jan")."""
        return " ".join(fold(p) for p in (self.surname, self.prefix, self.given_names) if p)

    def formal(self) -> str:
        """Return the name as listed in a register ("Berg, J. van den")."""
        tail = " ".join(p for p in (_initials(self.given_names), self.prefix) if p)
        if not self.surname:
            return tail
        return f"{self.surname}, {tail}" if tail else self.surname


def split_name(full: str) -> PersonName:
    """Split a typed name into given names, prefix and surname; ordering and comma forms give the same parts.

    Handles "Jan van den Berg", "van den Berg", "J. de Vries", "Berg, van den, Jan", "Berg, Jan van den" and
    "Berg, van den". Dutch prefixes are recognised in any case; a capitalised foreign article stays part of
    the surname ("Ahmed El Amrani" -> surname "El Amrani"), a lower-case one is a prefix. Prefixes come back
    lower-case.
    """
    parts = [" ".join(p.split()) for p in full.split(",")]
    parts = [p for p in parts if p]
    if not parts:
        return PersonName("", "", "")
    if len(parts) > 1:
        surname_tokens = parts[0].split()
        lead = _prefix_length_at(surname_tokens, 0, any_case=False)
        prefix = " ".join(surname_tokens[:lead])
        surname = " ".join(surname_tokens[lead:])
        if len(parts) > 2 and _is_prefix(parts[1].split(), any_case=True):
            return PersonName(" ".join(parts[2:]), parts[1].lower(), surname)
        rest = " ".join(parts[1:]).split()
        trail = _trailing_prefix_length(rest)
        prefix = " ".join(rest[len(rest) - trail :]) if trail else prefix
        return PersonName(" ".join(rest[: len(rest) - trail]), prefix.lower(), surname)
    tokens = parts[0].split()
    for start in range(len(tokens) - 1):
        length = _prefix_length_at(tokens, start, any_case=False)
        if length:
            prefix = " ".join(tokens[start : start + length]).lower()
            return PersonName(" ".join(tokens[:start]), prefix, " ".join(tokens[start + length :]))
        if tokens[start].lower() in _FOREIGN:  # capitalised, so part of the surname: "Ahmed El Amrani"
            return PersonName(" ".join(tokens[:start]), "", " ".join(tokens[start:]))
    return PersonName(" ".join(tokens[:-1]), "", tokens[-1])


def _surname_parts(surname: str, prefix: str = "") -> tuple[str, str]:
    """Return (surname proper, prefix), taking a prefix out of the surname field wherever it was typed."""
    if "," in surname:
        parsed = split_name(surname)
        return parsed.surname, prefix or parsed.prefix
    tokens = surname.split()
    lead = _prefix_length_at(tokens, 0, any_case=True)
    if lead:
        return " ".join(tokens[lead:]), prefix or " ".join(tokens[:lead])
    trail = _trailing_prefix_length(tokens[1:])
    if trail:
        return " ".join(tokens[: len(tokens) - trail]), prefix or " ".join(tokens[len(tokens) - trail :])
    return surname, prefix


def surname_key(surname: str, prefix: str = "") -> str:
    """Return the surname proper folded to letters and digits, prefix dropped ("Van den Bérg" -> "berg")."""
    proper, _ = _surname_parts(surname, prefix)
    return re.sub(r"[^a-z0-9]", "", fold(proper))


# fmt: off
_PHONETIC_RULES = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        ("sch$", "s"), ("ch", "g"), ("gh", "g"), ("ph", "f"), ("th", "t"), ("ck", "k"), ("[cq]", "k"),
        ("x", "ks"), ("z", "s"), ("dt?$", "t"),
    )
)
# fmt: on


def phonetic_key(text: str) -> str:
    """Return a coarse Dutch sound key; spellings that sound alike ("Janssen", "Jansen") get the same key.

    Steps on the folded letters: ij -> y; final "sch" -> s; ch, gh -> g; ph -> f; th -> t; ck, c, q -> k;
    x -> ks; z -> s; final d or dt -> t; double letters collapsed; then vowels (a e i o u y) after the first
    letter dropped.
    """
    key = re.sub(r"[^a-z]", "", fold(text))
    for pattern, replacement in _PHONETIC_RULES:
        key = pattern.sub(replacement, key)
    key = re.sub(r"(.)\1+", r"\1", key)
    return key[:1] + re.sub(r"[aeiouy]", "", key[1:])


# --- Matching ------------------------------------------------------------


def _swapped(day: date) -> date | None:
    """The date with day and month swapped, or None when that is no other valid date."""
    if day.day == day.month or day.day > 12:
        return None
    return date(day.year, day.day, day.month)


def blocking_keys(
    *,
    surname: str,
    prefix: str = "",
    birth_date: date | None = None,
    bsn: str | None = None,
    postcode: str | None = None,
    house_number: int | None = None,
) -> list[str]:
    """Return index keys that a query and a stored record of the same person share despite common errors.

    Keys: "bsn:<9 digits>" (valid BSNs only); "dob:YYYY-MM-DD"; "dobswap:YYYY-aa-bb" with the smaller of day
    and month first, so a date and its day/month swap share it; "sx:<phonetic_key of the surname proper>", so
    minor misspellings and prefix placement agree; "pc:1234AB-12" when postcode and house number are known.
    """
    keys: list[str] = []
    if (valid_bsn := normalize_bsn(bsn)) is not None:
        keys.append(f"bsn:{valid_bsn}")
    if birth_date is not None:
        keys.append(f"dob:{birth_date.isoformat()}")
        if _swapped(birth_date) is not None:
            low, high = sorted((birth_date.day, birth_date.month))
            keys.append(f"dobswap:{birth_date.year:04d}-{low:02d}-{high:02d}")
    if sound := phonetic_key(surname_key(surname, prefix)):
        keys.append(f"sx:{sound}")
    if (pc := normalize_postcode(postcode)) is not None and house_number is not None:
        keys.append(f"pc:{pc}-{house_number}")
    return keys


@dataclass(frozen=True)
class Identity:
    """What is known about a person: any of BSN, name, date of birth and address may be missing."""

    bsn: str | None = None
    given_names: str = ""
    prefix: str = ""
    surname: str = ""
    birth_date: date | None = None
    postcode: str | None = None
    house_number: int | None = None

    def blocking_keys(self) -> list[str]:
        """Return `blocking_keys` for this identity."""
        return blocking_keys(
            surname=self.surname,
            prefix=self.prefix,
            birth_date=self.birth_date,
            bsn=self.bsn,
            postcode=self.postcode,
            house_number=self.house_number,
        )


@dataclass(frozen=True)
class MatchResult:
    """One ranked candidate: its id, a score from 0 to 100 and the Dutch reasons behind the score."""

    candidate_id: object
    score: float
    reasons: tuple[str, ...]


# Points per kind of evidence; the score is the share of the points the query could have earned.
_SURNAME_POINTS = 30.0
_GIVEN_POINTS = 15.0
_BIRTH_DATE_POINTS = 40.0
_SWAPPED_BIRTH_DATE_POINTS = 30.0
_ADDRESS_POINTS = 15.0
_OTHER_BSN_PENALTY = 60.0  # two valid, different BSNs mean two people, however alike the rest is
_SIMILAR_NAME_THRESHOLD = 0.75  # a shared surname alone (2/3 of the name points) is not "lijkt op"


def _stretch(similarity: float) -> float:
    """Map a 0..1 similarity to 0..1 evidence; at or below 0.5 (two unrelated names) counts as none."""
    return min(1.0, max(0.0, (similarity - 0.5) / 0.5))


def _surname_evidence(query: Identity, candidate: Identity) -> float:
    q_proper, q_prefix = _surname_parts(query.surname, query.prefix)
    c_proper, c_prefix = _surname_parts(candidate.surname, candidate.prefix)
    q_key, c_key = surname_key(q_proper), surname_key(c_proper)
    if not c_key:
        return 0.0
    if q_key == c_key:
        similarity = 1.0
    else:
        similarity = (fuzz.ratio(q_key, c_key) / 100 + JaroWinkler.normalized_similarity(q_key, c_key)) / 2
        if phonetic_key(q_key) == phonetic_key(c_key):
            similarity = max(similarity, 0.92)
    if q_prefix and c_prefix and fold(q_prefix) != fold(c_prefix):
        similarity -= 0.03  # "van der Berg" for "van den Berg" is likely the same family, but not certainly
    return _stretch(similarity)


def _is_initials(given_names: str) -> bool:
    parts = [p for p in re.split(r"[\s.]+", given_names) if p]
    return bool(parts) and all(len(p) == 1 for p in parts)


def _given_evidence(query_given: str, candidate_given: str) -> float:
    if not candidate_given.strip():
        return 0.5  # unknown, neither for nor against
    if _is_initials(query_given) or _is_initials(candidate_given):
        short, long = sorted((_initials(query_given), _initials(candidate_given)), key=len)
        return 0.9 if long.startswith(short) else 0.0
    q_fold, c_fold = fold(query_given), fold(candidate_given)
    similarity = max(fuzz.token_sort_ratio(q_fold, c_fold), 0.95 * fuzz.token_set_ratio(q_fold, c_fold)) / 100
    return _stretch(similarity)


def _name_score(query: Identity, candidate: Identity) -> tuple[float, float, str | None]:
    """Return (points earned, points possible, reason) for the name."""
    surname = _surname_evidence(query, candidate)
    if not query.given_names.strip():
        earned, possible, given_same = _SURNAME_POINTS * surname, _SURNAME_POINTS, True
    else:
        given = _given_evidence(query.given_names, candidate.given_names)
        earned = _SURNAME_POINTS * surname + _GIVEN_POINTS * given
        possible = _SURNAME_POINTS + _GIVEN_POINTS
        given_same = fold(query.given_names) == fold(candidate.given_names)
    if surname == 1.0 and given_same:
        return earned, possible, REASON_SAME_NAME
    return earned, possible, REASON_SIMILAR_NAME if earned / possible >= _SIMILAR_NAME_THRESHOLD else None


def score_match(query: Identity, candidate: Identity) -> tuple[float, tuple[str, ...]]:
    """Score 0..100 how well `candidate` agrees with what `query` gives; same BSN is 100, other BSN sinks it.

    Otherwise the score is the share earned of the points the query makes possible: surname 30 and given
    names 15 (rapidfuzz, prefix-insensitive), date of birth 40 (30 with day and month swapped), address
    (postcode and house number) 15. Invalid BSNs are ignored rather than trusted.
    """
    reasons: list[str] = []
    earned = possible = 0.0
    if surname_key(query.surname, query.prefix):
        name_earned, name_possible, reason = _name_score(query, candidate)
        earned += name_earned
        possible += name_possible
        if reason:
            reasons.append(reason)
    if query.birth_date is not None:
        possible += _BIRTH_DATE_POINTS
        if candidate.birth_date == query.birth_date:
            earned += _BIRTH_DATE_POINTS
            reasons.append(REASON_SAME_BIRTH_DATE)
        elif candidate.birth_date is not None and candidate.birth_date == _swapped(query.birth_date):
            earned += _SWAPPED_BIRTH_DATE_POINTS
            reasons.append(REASON_SWAPPED_BIRTH_DATE)
    query_postcode = normalize_postcode(query.postcode)
    if query_postcode is not None and query.house_number is not None:
        possible += _ADDRESS_POINTS
        same_postcode = normalize_postcode(candidate.postcode) == query_postcode
        if same_postcode and candidate.house_number == query.house_number:
            earned += _ADDRESS_POINTS
            reasons.append(REASON_SAME_ADDRESS)
    score = 100.0 * earned / possible if possible else 0.0
    query_bsn, candidate_bsn = normalize_bsn(query.bsn), normalize_bsn(candidate.bsn)
    if query_bsn is not None and candidate_bsn is not None:
        if query_bsn == candidate_bsn:
            return 100.0, (REASON_SAME_BSN, *reasons)
        return round(max(0.0, score - _OTHER_BSN_PENALTY), 1), (REASON_OTHER_BSN, *reasons)
    return round(score, 1), tuple(reasons)


def rank_candidates(
    query: Identity,
    candidates: Iterable[tuple[object, Identity]],
    *,
    minimum: float = 50.0,
    limit: int = 10,
) -> list[MatchResult]:
    """Return at most `limit` candidates scoring at least `minimum`, best first; ties keep the input order."""
    results: list[MatchResult] = []
    for candidate_id, candidate in candidates:
        score, reasons = score_match(query, candidate)
        if score >= minimum:
            results.append(MatchResult(candidate_id, score, reasons))
    results.sort(key=lambda result: -result.score)
    return results[: max(0, limit)]


class CandidateIndex:
    """An in-memory store fetching candidates by shared blocking keys (the shape a database index follows)."""

    def __init__(self) -> None:
        self._identities: list[tuple[object, Identity]] = []
        self._by_key: dict[str, list[int]] = {}

    def add(self, candidate_id: object, identity: Identity) -> None:
        """Store `identity` under every one of its blocking keys."""
        position = len(self._identities)
        self._identities.append((candidate_id, identity))
        for key in identity.blocking_keys():
            self._by_key.setdefault(key, []).append(position)

    def candidates(self, query: Identity) -> list[tuple[object, Identity]]:
        """Return each stored identity sharing at least one blocking key with `query`, in insertion order."""
        positions = sorted({p for key in query.blocking_keys() for p in self._by_key.get(key, [])})
        return [self._identities[p] for p in positions]

    def search(self, query: Identity, *, minimum: float = 50.0, limit: int = 10) -> list[MatchResult]:
        """Return `rank_candidates` over the blocked candidates only."""
        return rank_candidates(query, self.candidates(query), minimum=minimum, limit=limit)
