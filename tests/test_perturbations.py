"""Perturbation robustness: events the pipeline gets right in one sentence must survive small,
meaning-preserving rewrites of that sentence (case, an inserted modifier, another country or
person, another date, a moved time phrase, a leading adverbial).

The seed sentences come from ../shared/eval/{dev,train} at run time (never copied here; train2
is held out); the perturbations live in benchmarks/perturb.py, shared with the report script
``python benchmarks/perturbations.py --show-failures 20``. Every variant goes through one
``pipeline.extract`` call on the session's loaded pipeline.

The floors are the pass rates measured when they were set, less a margin of 0.05 (or of one
variant, for a kind with fewer than 20 variants, where one failure moves the rate more than
0.05), so a rule change that breaks robustness fails here while ordinary drift does not. A kind
with fewer than MIN_VARIANTS variants is reported but not asserted.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.perturb import PERTURBATIONS, format_rates, pass_rates, run_suite, shared_available  # noqa: E402

PER_LANG = 60          # seed events per language
SEED = 20240601
MARGIN = 0.05
MIN_VARIANTS = 10
# pass rates measured when the floors were set (benchmarks/perturbations.py, same seed and size)
MEASURED = {
    "all": 0.984,
    "case_initial": 1.0,
    "case_trigger": 1.0,
    "modifier": 0.986,
    "country": 0.99,
    "person": 1.0,
    "person_unknown": 0.935,
    "date": 1.0,
    "reorder": 0.9,
    "lead": 1.0,
}


@pytest.fixture(scope="module")
def suite(shared_dir, pipe):
    if not shared_available(shared_dir):
        pytest.skip("../shared/eval/{dev,train} are not beside the checkout")
    t0 = time.perf_counter()
    seeds, outcomes = run_suite(pipe, shared_dir, per_lang=PER_LANG, seed=SEED)
    rates = pass_rates(outcomes)
    print(f"\n{len(seeds)} seeds, {len(outcomes)} variants, {time.perf_counter() - t0:.1f} s")
    print(format_rates(rates))
    return seeds, outcomes, rates


def test_every_language_has_seeds_and_every_kind_applies(suite):
    seeds, outcomes, _ = suite
    assert {s.lang for s in seeds} == {"en", "vi"}
    assert sum(s.lang == "en" for s in seeds) >= PER_LANG // 2
    assert sum(s.lang == "vi" for s in seeds) >= PER_LANG // 2
    kinds = {o.variant.kind for o in outcomes}
    assert kinds == set(PERTURBATIONS), f"kinds that never applied: {set(PERTURBATIONS) - kinds}"


def test_variants_really_change_the_sentence(suite):
    _, outcomes, _ = suite
    for o in outcomes:
        v = o.variant
        assert v.text.strip() and v.text.strip() != v.seed.sentence.strip()
        if v.kind == "country":
            assert set(v.expected_countries) != set(v.seed.countries)
        if v.kind == "date":
            assert v.expected_date and v.expected_date != v.seed.date_start


def test_overall_pass_rate_stays_above_the_floor(suite):
    _, _, rates = suite
    passed, _, total = rates[("all", "all")]
    assert total > 0
    assert passed / total >= MEASURED["all"] - MARGIN, format_rates(rates)


@pytest.mark.parametrize("kind", list(PERTURBATIONS))
def test_each_kind_stays_above_its_floor(suite, kind):
    _, _, rates = suite
    passed, _, total = rates.get((kind, "all"), (0, 0, 0))
    if total < MIN_VARIANTS:
        pytest.skip(f"only {total} {kind} variants: too few to hold to a floor")
    floor = MEASURED[kind] - max(MARGIN, 1.0 / total)
    assert passed / total >= floor - 1e-9, f"{kind}: {passed}/{total} < {floor:.3f}\n" + format_rates(rates)
