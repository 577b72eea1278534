from datetime import date

import pytest

from regie.subjects.identity import (
    CandidateIndex,
    Identity,
    MatchResult,
    PersonName,
    blocking_keys,
    bsn_error,
    generate_test_bsns,
    is_valid_bsn,
    is_valid_kvk,
    kvk_error,
    normalize_bsn,
    normalize_postcode,
    phonetic_key,
    rank_candidates,
    score_match,
    split_name,
    surname_key,
)


def eleven_test(bsn: str) -> bool:
    """The 11-test written out independently of the module under test."""
    weights = [9, 8, 7, 6, 5, 4, 3, 2, -1]
    return sum(w * int(d) for w, d in zip(weights, bsn, strict=True)) % 11 == 0


# --- BSN, KvK, postcode ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bsn", ["111222333", "123456782", "999993653", "12345672", "1234.56.782", " 111 222 333 "]
)
def test_it_accepts_bsns_that_pass_the_eleven_test(bsn: str) -> None:
    assert is_valid_bsn(bsn)
    assert bsn_error(bsn) is None


def test_it_checks_the_valid_examples_by_hand() -> None:
    # 9*1 + 8*1 + 7*1 + 6*2 + 5*2 + 4*2 + 3*3 + 2*3 - 3 = 66 = 6 * 11
    assert eleven_test("111222333")
    # 9*1 + 8*2 + 7*3 + 6*4 + 5*5 + 4*6 + 3*7 + 2*8 - 2 = 154 = 14 * 11
    assert eleven_test("123456782")
    assert eleven_test("012345672")


@pytest.mark.parametrize(
    ("bsn", "message"),
    [
        ("123456789", "Dit is geen geldig BSN (de elfproef klopt niet)."),
        ("111222334", "Dit is geen geldig BSN (de elfproef klopt niet)."),
        ("000000000", "Dit is geen geldig BSN."),
        ("00000000", "Dit is geen geldig BSN."),
        ("1234567", "Het BSN moet uit 9 cijfers bestaan."),
        ("1234567820", "Het BSN moet uit 9 cijfers bestaan."),
        ("", "Het BSN moet uit 9 cijfers bestaan."),
        ("12345678a", "Het BSN mag alleen cijfers bevatten."),
        ("123-456-782", "Het BSN mag alleen cijfers bevatten."),
        ("１２３４５６７８２", "Het BSN mag alleen cijfers bevatten."),
    ],
)
def test_it_rejects_invalid_bsns_with_a_dutch_message(bsn: str, message: str) -> None:
    assert not is_valid_bsn(bsn)
    assert bsn_error(bsn) == message


def test_it_left_pads_an_eight_digit_bsn() -> None:
    assert normalize_bsn("12345672") == "012345672"
    assert normalize_bsn("123456789") is None
    assert normalize_bsn(None) is None


def test_it_generates_deterministic_distinct_valid_bsns() -> None:
    first = generate_test_bsns(500, seed=7)
    assert first == generate_test_bsns(500, seed=7)
    assert first != generate_test_bsns(500, seed=8)
    assert len(set(first)) == 500
    assert all(len(b) == 9 and eleven_test(b) and is_valid_bsn(b) for b in first)
    assert generate_test_bsns(0, seed=1) == []
    with pytest.raises(ValueError):
        generate_test_bsns(-1, seed=1)


@pytest.mark.parametrize("kvk", ["12345678", "69599084", " 6959 9084 ", "00000001"])
def test_it_accepts_eight_digit_kvk_numbers(kvk: str) -> None:
    assert is_valid_kvk(kvk)
    assert kvk_error(kvk) is None


@pytest.mark.parametrize(
    ("kvk", "message"),
    [
        ("1234567", "Het KvK-nummer moet uit 8 cijfers bestaan."),
        ("123456789", "Het KvK-nummer moet uit 8 cijfers bestaan."),
        ("", "Het KvK-nummer moet uit 8 cijfers bestaan."),
        ("1234567a", "Het KvK-nummer mag alleen cijfers bevatten."),
        ("00000000", "Dit is geen geldig KvK-nummer."),
    ],
)
def test_it_rejects_invalid_kvk_numbers_with_a_dutch_message(kvk: str, message: str) -> None:
    assert not is_valid_kvk(kvk)
    assert kvk_error(kvk) == message


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1234 ab", "1234AB"),
        ("1234AB", "1234AB"),
        (" 9999zz ", "9999ZZ"),
        ("0123 AB", None),
        ("1234 SA", None),
        ("1234 sd", None),
        ("1234SS", None),
        ("123 AB", None),
        ("1234 A", None),
        ("1234  AB", None),
        ("", None),
        (None, None),
    ],
)
def test_it_normalizes_dutch_postcodes(raw: str | None, expected: str | None) -> None:
    assert normalize_postcode(raw) == expected


# --- Names -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("full", "expected"),
    [
        ("Jan van den Berg", PersonName("Jan", "van den", "Berg")),
        ("Berg, van den, Jan", PersonName("Jan", "van den", "Berg")),
        ("Berg, Jan van den", PersonName("Jan", "van den", "Berg")),
        ("Berg, van den", PersonName("", "van den", "Berg")),
        ("van den Berg", PersonName("", "van den", "Berg")),
        ("Van der Meer", PersonName("", "van der", "Meer")),
        ("Jan Van Den Berg", PersonName("Jan", "van den", "Berg")),
        ("J. de Vries", PersonName("J.", "de", "Vries")),
        ("Kees in 't Veld", PersonName("Kees", "in 't", "Veld")),
        ("Els ter Horst", PersonName("Els", "ter", "Horst")),
        ("Ahmed El Amrani", PersonName("Ahmed", "", "El Amrani")),
        ("Ahmed el Amrani", PersonName("Ahmed", "el", "Amrani")),
        ("El Amrani, Ahmed", PersonName("Ahmed", "", "El Amrani")),
        ("Jan Peter  Smit", PersonName("Jan Peter", "", "Smit")),
        ("Smit", PersonName("", "", "Smit")),
        ("", PersonName("", "", "")),
    ],
)
def test_it_splits_names_into_given_names_prefix_and_surname(full: str, expected: PersonName) -> None:
    assert split_name(full) == expected


def test_it_displays_formats_and_sorts_a_name() -> None:
    name = PersonName("Jan Pieter", "van den", "Berg")
    assert name.display() == "Jan Pieter van den Berg"
    assert name.formal() == "Berg, J.P. van den"
    assert name.sort_key() == "berg van den jan pieter"
    assert PersonName("", "van den", "Berg").display() == "Van den Berg"
    assert PersonName("J.", "de", "Vries").formal() == "Vries, J. de"
    assert PersonName("Kees", "", "Bakker").formal() == "Bakker, K."


def test_it_sorts_names_on_the_surname_without_prefix() -> None:
    names = [
        "Jan van den Berg",
        "Anna de Vries",
        "Kees Bakker",
        "Piet Berg",
        "Els ter Horst",
        "Ahmed El Amrani",
    ]
    ordered = sorted((split_name(n) for n in names), key=PersonName.sort_key)
    assert [n.display() for n in ordered] == [
        "Kees Bakker",
        "Piet Berg",
        "Jan van den Berg",
        "Ahmed El Amrani",
        "Els ter Horst",
        "Anna de Vries",
    ]


@pytest.mark.parametrize(
    ("surname", "prefix", "key"),
    [
        ("Berg", "van den", "berg"),
        ("van den Berg", "", "berg"),
        ("Berg, van den", "", "berg"),
        ("Berg van den", "", "berg"),
        ("Bérg", "", "berg"),
        ("Meijer", "", "meyer"),
        ("El Amrani", "", "amrani"),
        ("Smit-Jansen", "", "smitjansen"),
    ],
)
def test_it_keys_the_surname_without_prefix_accents_or_ij(surname: str, prefix: str, key: str) -> None:
    assert surname_key(surname, prefix) == key


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Jansen", "Janssen"),
        ("Vries", "Vriess"),
        ("Bakker", "Backer"),
        ("Meijer", "Meyer"),
        ("Bosch", "Bos"),
        ("Goedhart", "Goedhardt"),
        ("Philips", "Filips"),
        ("Zwart", "Swart"),
        ("Bergh", "Berg"),
    ],
)
def test_it_gives_similar_sounding_surnames_one_phonetic_key(one: str, other: str) -> None:
    assert phonetic_key(one) == phonetic_key(other)


def test_it_keeps_different_surnames_apart_phonetically() -> None:
    assert phonetic_key("Jansen") != phonetic_key("Jansma")
    assert phonetic_key("Bakker") != phonetic_key("Berg")


# --- Blocking keys ---------------------------------------------------------------------------------------


def test_it_builds_blocking_keys_for_every_known_field() -> None:
    keys = blocking_keys(
        surname="Berg",
        prefix="van den",
        birth_date=date(1985, 3, 7),
        bsn="111222333",
        postcode="1234 ab",
        house_number=12,
    )
    assert keys == ["bsn:111222333", "dob:1985-03-07", "dobswap:1985-03-07", "sx:brg", "pc:1234AB-12"]


def test_it_shares_the_swap_key_between_a_date_and_its_swap() -> None:
    one = blocking_keys(surname="A", birth_date=date(1985, 3, 7))
    other = blocking_keys(surname="B", birth_date=date(1985, 7, 3))
    assert set(one) & set(other) == {"dobswap:1985-03-07"}


def test_it_leaves_out_keys_it_cannot_trust() -> None:
    keys = blocking_keys(
        surname="", birth_date=date(1985, 3, 25), bsn="123456789", postcode="1234 SS", house_number=1
    )
    assert keys == ["dob:1985-03-25"]


# --- Matching --------------------------------------------------------------------------------------------

BSN_PIET, BSN_OTHER, BSN_ANNA = generate_test_bsns(3, seed=2024)

# The pool: the people each case looks for, plus decoys that share a surname, a date of birth, an address or
# a look-alike name with someone in the table.
POOL: dict[str, Identity] = {
    "jan-jansen": Identity(given_names="Jan", surname="Jansen", birth_date=date(1970, 1, 15)),
    "anna-de-vries": Identity(given_names="Anna", prefix="de", surname="Vries", birth_date=date(1990, 5, 20)),
    "kees-bakker": Identity(given_names="Kees", surname="Bakker", birth_date=date(1962, 11, 2)),
    "jan-van-den-berg": Identity(
        given_names="Jan", prefix="van den", surname="Berg", birth_date=date(1955, 8, 30)
    ),
    "sanne-visser": Identity(given_names="Sanne", surname="Visser", birth_date=date(1985, 7, 3)),
    "piet-smit": Identity(bsn=BSN_PIET, given_names="Pieter", surname="Smit", birth_date=date(1978, 4, 9)),
    "fatima-el-amrani": Identity(
        given_names="Fatima",
        prefix="el",
        surname="Amrani",
        birth_date=date(1993, 2, 11),
        postcode="3511AB",
        house_number=8,
    ),
    "mohamed-meijer": Identity(given_names="Mohamed", surname="Meijer", birth_date=date(1981, 9, 12)),
    "anna-mulder": Identity(bsn=BSN_ANNA, given_names="Anna", surname="Mulder", birth_date=date(1988, 6, 6)),
    "anna-mulder-twin": Identity(given_names="Anna", surname="Mulder", birth_date=date(1988, 6, 6)),
    # decoys
    "jan-jansma": Identity(given_names="Jan", surname="Jansma", birth_date=date(1970, 1, 16)),
    "jan-jansen-sr": Identity(given_names="Jan", surname="Jansen", birth_date=date(1941, 3, 3)),
    "klaas-jansen": Identity(given_names="Klaas", surname="Jansen", birth_date=date(1972, 10, 1)),
    "anna-de-vos": Identity(given_names="Anna", prefix="de", surname="Vos", birth_date=date(1990, 5, 21)),
    "eva-de-vries": Identity(given_names="Eva", prefix="de", surname="Vries", birth_date=date(1959, 12, 24)),
    "henk-de-boer": Identity(given_names="Henk", prefix="de", surname="Boer", birth_date=date(1990, 5, 20)),
    "kees-bakkers": Identity(given_names="Kees", surname="Bakkers", birth_date=date(1966, 11, 2)),
    "karin-bakker": Identity(given_names="Karin", surname="Bakker", birth_date=date(1964, 1, 2)),
    "jan-bergman": Identity(given_names="Jan", surname="Bergman", birth_date=date(1955, 8, 31)),
    "joop-van-der-berg": Identity(
        given_names="Joop", prefix="van der", surname="Berg", birth_date=date(1950, 8, 30)
    ),
    "sanne-vis": Identity(given_names="Sanne", surname="Vis", birth_date=date(1985, 3, 8)),
    "tom-visser": Identity(given_names="Tom", surname="Visser", birth_date=date(1983, 7, 3)),
    "ruud-klein": Identity(given_names="Ruud", surname="Klein", birth_date=date(1985, 3, 7)),
    "piet-smits": Identity(given_names="Piet", surname="Smits", birth_date=date(1978, 4, 19)),
    "yusuf-el-amrani": Identity(
        given_names="Yusuf",
        prefix="el",
        surname="Amrani",
        birth_date=date(1960, 7, 1),
        postcode="3511AB",
        house_number=8,
    ),
    "buurman": Identity(
        given_names="Gerrit",
        surname="Hendriks",
        birth_date=date(1950, 1, 1),
        postcode="3511AB",
        house_number=10,
    ),
    "mo-meier": Identity(given_names="Mo", surname="Maier", birth_date=date(1991, 9, 12)),
    "lisa-mulders": Identity(given_names="Lisa", surname="Mulders", birth_date=date(1988, 6, 16)),
}

MATCH_CASES = [
    pytest.param(
        Identity(given_names="Jan", surname="Janssen", birth_date=date(1970, 1, 15)),
        "jan-jansen",
        ("naam lijkt op", "zelfde geboortedatum"),
        id="misspelled-jansen",
    ),
    pytest.param(
        Identity(given_names="Anna", prefix="de", surname="Vriess", birth_date=date(1990, 5, 20)),
        "anna-de-vries",
        ("naam lijkt op", "zelfde geboortedatum"),
        id="misspelled-de-vries",
    ),
    pytest.param(
        Identity(given_names="Kees", surname="Backer", birth_date=date(1962, 11, 2)),
        "kees-bakker",
        ("naam lijkt op", "zelfde geboortedatum"),
        id="misspelled-bakker",
    ),
    pytest.param(
        Identity(given_names="Jan", surname="Berg, van den", birth_date=date(1955, 8, 30)),
        "jan-van-den-berg",
        ("zelfde naam", "zelfde geboortedatum"),
        id="swapped-prefix-in-surname",
    ),
    pytest.param(
        Identity(given_names="Jan", surname="van den Berg", birth_date=date(1955, 8, 30)),
        "jan-van-den-berg",
        ("zelfde naam", "zelfde geboortedatum"),
        id="prefix-in-surname-field",
    ),
    pytest.param(
        Identity(given_names="Sanne", surname="Visser", birth_date=date(1985, 3, 7)),
        "sanne-visser",
        ("zelfde naam", "geboortedatum met dag en maand omgewisseld"),
        id="swapped-day-month",
    ),
    pytest.param(
        Identity(bsn=BSN_PIET, given_names="P.", surname="Smidt"),
        "piet-smit",
        ("zelfde BSN", "naam lijkt op"),
        id="same-bsn-other-spelling",
    ),
    pytest.param(
        Identity(given_names="Fatima", surname="El Amrani", birth_date=date(1993, 2, 11)),
        "fatima-el-amrani",
        ("zelfde naam", "zelfde geboortedatum"),
        id="article-in-surname",
    ),
    pytest.param(
        Identity(given_names="Mohammed", surname="Meyer", birth_date=date(1981, 9, 12)),
        "mohamed-meijer",
        ("naam lijkt op", "zelfde geboortedatum"),
        id="ij-and-double-m",
    ),
    pytest.param(
        Identity(
            bsn=generate_test_bsns(4, seed=2024)[3],
            given_names="Anna",
            surname="Mulder",
            birth_date=date(1988, 6, 6),
        ),
        "anna-mulder-twin",
        ("zelfde naam", "zelfde geboortedatum"),
        id="different-bsn-same-name-not-top",
    ),
    pytest.param(
        Identity(postcode="3511 ab", house_number=8, surname="Amrani", given_names="F."),
        "fatima-el-amrani",
        ("naam lijkt op", "zelfde adres"),
        id="address-and-initial",
    ),
    pytest.param(
        Identity(given_names="J.", surname="Jansen", birth_date=date(1970, 1, 15)),
        "jan-jansen",
        ("naam lijkt op", "zelfde geboortedatum"),
        id="initial-only",
    ),
    pytest.param(
        Identity(given_names="Kees", surname="Backer", birth_date=date(1962, 2, 11)),
        "kees-bakker",
        ("naam lijkt op", "geboortedatum met dag en maand omgewisseld"),
        id="misspelled-and-swapped-date",
    ),
]


def pool() -> list[tuple[object, Identity]]:
    return list(POOL.items())


@pytest.mark.parametrize(("query", "expected_id", "reasons"), MATCH_CASES)
def test_it_ranks_the_right_person_first(query: Identity, expected_id: str, reasons: tuple[str, ...]) -> None:
    results = rank_candidates(query, pool())
    assert results, "no candidate above the minimum"
    assert results[0].candidate_id == expected_id
    assert results[0].reasons == reasons
    assert all(r.score < results[0].score for r in results[1:])


@pytest.mark.parametrize(("query", "expected_id", "reasons"), MATCH_CASES)
def test_it_shares_a_blocking_key_with_the_right_person(
    query: Identity, expected_id: str, reasons: tuple[str, ...]
) -> None:
    assert set(query.blocking_keys()) & set(POOL[expected_id].blocking_keys())


@pytest.mark.parametrize(("query", "expected_id", "reasons"), MATCH_CASES)
def test_it_finds_the_same_first_candidate_through_the_blocking_index(
    query: Identity, expected_id: str, reasons: tuple[str, ...]
) -> None:
    index = CandidateIndex()
    for candidate_id, identity in pool():
        index.add(candidate_id, identity)
    assert len(index.candidates(query)) < len(POOL)
    assert index.search(query)[0].candidate_id == expected_id


def test_it_ranks_swapped_prefix_first() -> None:
    query = Identity(given_names="Jan", surname="Berg, van den", birth_date=date(1955, 8, 30))
    expected = MatchResult("jan-van-den-berg", 100.0, ("zelfde naam", "zelfde geboortedatum"))
    assert rank_candidates(query, pool())[0] == expected


def test_it_scores_the_same_bsn_as_a_certain_match() -> None:
    score, reasons = score_match(Identity(bsn=BSN_PIET), POOL["piet-smit"])
    assert (score, reasons) == (100.0, ("zelfde BSN",))


def test_it_sinks_a_look_alike_with_another_bsn() -> None:
    query = Identity(bsn=BSN_OTHER, given_names="Anna", surname="Mulder", birth_date=date(1988, 6, 6))
    score, reasons = score_match(query, POOL["anna-mulder"])
    assert score < 50
    assert reasons[0] == "ander BSN"
    assert "anna-mulder" not in [r.candidate_id for r in rank_candidates(query, pool())]


def test_it_ignores_an_invalid_bsn_instead_of_trusting_it() -> None:
    query = Identity(bsn="123456789", given_names="Anna", surname="Mulder", birth_date=date(1988, 6, 6))
    score, reasons = score_match(query, POOL["anna-mulder"])
    assert score == 100.0
    assert reasons == ("zelfde naam", "zelfde geboortedatum")


@pytest.mark.parametrize(
    "candidate_id", ["ruud-klein", "henk-de-boer", "buurman", "tom-visser", "jan-jansen-sr", "klaas-jansen"]
)
def test_it_scores_obvious_non_matches_below_fifty(candidate_id: str) -> None:
    queries = [
        Identity(given_names="Sanne", surname="Visser", birth_date=date(1985, 3, 7)),
        Identity(given_names="Anna", prefix="de", surname="Vries", birth_date=date(1990, 5, 20)),
        Identity(
            given_names="Fatima",
            surname="El Amrani",
            birth_date=date(1993, 2, 11),
            postcode="3511AB",
            house_number=8,
        ),
        Identity(given_names="Jan", surname="Jansen", birth_date=date(1970, 1, 15)),
    ]
    for query in queries:
        candidate = POOL[candidate_id]
        if surname_key(query.surname, query.prefix) == surname_key(candidate.surname, candidate.prefix):
            continue  # same surname: a relative, not an obvious non-match
        assert score_match(query, candidate)[0] < 50, (query, candidate_id)


def test_it_finds_everyone_at_an_address() -> None:
    results = rank_candidates(Identity(postcode="3511ab", house_number=8), pool())
    assert [r.candidate_id for r in results] == ["fatima-el-amrani", "yusuf-el-amrani"]
    assert all(r.reasons == ("zelfde adres",) for r in results)


def test_it_respects_minimum_and_limit() -> None:
    query = Identity(given_names="Jan", surname="Jansen")
    assert len(rank_candidates(query, pool(), minimum=0, limit=3)) == 3
    assert rank_candidates(query, pool(), minimum=101) == []
    assert rank_candidates(Identity(), pool()) == []
