"""Distant change verbs ("reduce A, B and C by 40%"), deadlines that must beat the publication year, and
money or past acts that are not targets. Example sentences are written for these tests."""

from __future__ import annotations

import pytest

from planwatch.extract import extract_text


def _tuples(text: str) -> list[tuple]:
    d = extract_text(text)
    for t in d.targets:
        assert text[t.start : t.end] == t.quote
    return [(t.comparator, t.value, t.unit, t.deadline, t.measure) for t in d.targets]


# --- reduction / increase verbs governing a distant "by N%" ------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The strategy aims to reduce the use and risk of chemical weed killers, the loss of soil nutrients "
            "and the sale of veterinary antibiotics by 40% by 2032.",
            [("at_least", -40.0, "%", 2032, "change_from_base")],
        ),
        (
            "The strategy aims to reduce the use and risk of chemical weed killers, the loss of soil nutrients "
            "and the sale of veterinary antibiotics by more than 40% by 2032.",
            [("more_than", -40.0, "%", 2032, "change_from_base")],
        ),
        (
            "The plan will lower the energy used in public buildings, street lighting, water pumping and waste "
            "treatment by 18% by 2030.",
            [("at_least", -18.0, "%", 2030, "change_from_base")],
        ),
        (
            "Members will increase the area of organic farmland, the number of hedgerows and the length of "
            "river buffer strips by 25% by 2030.",
            [("at_least", 25.0, "%", 2030, "change_from_base")],
        ),
    ],
)
def test_distant_change_verb_governs_by_percent(text, expected):
    assert _tuples(text) == expected


def test_each_pair_in_a_reduction_clause_is_its_own_target():
    text = "The region will cut fertiliser use by 15%, nitrogen run-off by 25% and pesticide risk by 50% by 2031."
    assert [(c, v, dl) for c, v, _, dl, _ in _tuples(text)] == [
        ("at_least", -15.0, 2031),
        ("at_least", -25.0, 2031),
        ("at_least", -50.0, 2031),
    ]


def test_reduction_with_an_inserted_base_year():
    d = extract_text(
        "Cities should decrease, compared with 2015, traffic noise, road deaths and the number of polluting "
        "vehicles by 20% by 2030."
    )
    (t,) = d.targets
    assert (t.value, t.measure, t.base_year, t.deadline) == (-20.0, "change_from_base", 2015, 2030)


def test_reduction_verb_heads_bulleted_items_and_the_year_is_inherited():
    text = (
        "By 2031, the network should achieve the following:\n"
        "- lowering by 35% the share of journeys made by private car;\n"
        "- cutting by 10% the average waiting time at bus stops;\n"
        "- increasing by 60% the number of secure bike parking spaces."
    )
    d = extract_text(text)
    assert [(t.value, t.deadline, t.measure, t.base_year) for t in d.targets] == [
        (-35.0, 2031, "change_from_base", None),
        (-10.0, 2031, "change_from_base", None),
        (60.0, 2031, "change_from_base", None),
    ]


def test_growth_verbs_and_roughly_double():
    assert _tuples("The tourism sector should grow by 9% by 2029.") == [
        ("at_least", 9.0, "%", 2029, "change_from_base")
    ]
    (t,) = extract_text("The programme should roughly double the number of rural health visitors by 2033.").targets
    assert (t.value, t.measure, t.deadline, t.base_year) == (100.0, "change_from_base", 2033, None)


def test_by_n_percent_of_a_group_is_not_a_change():
    # "by 40% of …" names a share of voters, not the size of a change
    d = extract_text("The reform, which must be approved by 60% of member states, would cut red tape.")
    assert all(t.measure != "change_from_base" for t in d.targets)


# --- deadlines ---------------------------------------------------------------------------------------------


def test_stated_deadline_beats_the_year_of_a_past_act():
    text = (
        "Vienna, 4 June 2024\n\n"
        "In 2024, the assembly agreed, after a long debate, that districts will plant 80,000 street trees, "
        "with planting completed by 2028."
    )
    assert _tuples(text) == [("at_least", 80000.0, "count", 2028, "level")]


def test_in_year_later_in_the_sentence_beats_the_publication_year():
    text = "Vienna, 4 June 2024\n\nThe assembly agreed in 2024 that 80,000 street trees will be planted, in 2031 at the latest."
    assert [t.deadline for t in extract_text(text).targets] == [2031]


def test_relative_horizon_counts_from_the_document_year():
    text = (
        "Vienna, 4 June 2024\n\n"
        "In 2024, the districts agreed to plant 80,000 street trees, a goal to be met over the next 20 years."
    )
    assert [t.deadline for t in extract_text(text).targets] == [2044]
    # without a document date the relative horizon cannot be placed
    no_date = "The districts aim to plant 80,000 street trees over the next 20 years."
    assert [t.deadline for t in extract_text(no_date).targets] in ([], [None])


def test_publication_year_not_inherited_from_an_unrelated_past_sentence():
    text = "Oslo, 2 February 2025\n\nIn 2025 the agency launched a plan.\n\nThe agency will train 3,000 installers."
    assert all(t.deadline != 2025 for t in extract_text(text).targets)
    # "this year" does give the publication year
    this_year = "Oslo, 2 February 2025\n\nThis year, the agency will train 3,000 installers."
    assert [t.deadline for t in extract_text(this_year).targets] == [2025]


def test_past_act_year_alone_is_not_a_deadline():
    text = "In 2023 the ministers agreed that member states will build 900 new rest areas."
    assert all(t.deadline != 2023 for t in extract_text(text).targets)


def test_clause_without_year_inherits_from_the_list_intro():
    text = "By 2029, the agency should:\n- fit 12,000 homes with heat pumps;\n- cut landfill by 20%."
    assert [(t.value, t.deadline) for t in extract_text(text).targets] == [(12000.0, 2029), (-20.0, 2029)]


def test_coordinated_second_quantity_keeps_target_status():
    text = "Paris, 3 March 2024\n\nToday the ministry proposed that regions install 6,000 chargers by 2027, and 900 hydrogen pumps in 2030."
    assert [(t.value, t.deadline) for t in extract_text(text).targets] == [(6000.0, 2027), (900.0, 2030)]


def test_to_be_reached_frames_a_target():
    text = "The 2024 accord sets a 38% share of heat from renewables, to be reached in 2032."
    assert _tuples(text) == [("at_least", 38.0, "%", 2032, "share")]


# --- money and past acts -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The new tram line, supported by 1.7 billion of regional funds, will open by 2029.",
        "By 2030 the scheme, financed by 2 billion from the recovery facility, will modernise ports.",
        "An investment of €900 million will upgrade the water network by 2028.",
    ],
)
def test_money_that_funds_something_is_not_a_target(text):
    assert extract_text(text).targets == []


def test_money_framed_as_a_goal_stays_a_target():
    d = extract_text("The plan aims to attract 40 billion in private capital by 2030.")
    assert [t.value for t in d.targets] == [40e9]


@pytest.mark.parametrize(
    "text",
    [
        "By 2030 we aim to store 8 Mt of CO2 a year. The Solent and Tyne clusters have been confirmed.",
        "By 2030 we aim to store 8 Mt of CO2 a year. Two clusters have been confirmed as the first sites.",
    ],
)
def test_confirmed_clusters_are_not_targets(text):
    assert [t.value for t in extract_text(text).targets] == [8.0]
