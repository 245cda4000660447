"""Perturbation robustness report: how often an event the pipeline extracts from a sentence
survives a small meaning-preserving rewrite of that sentence.

Seeds are single-sentence events from ../shared/eval/{dev,train} that the pipeline gets right
(matched to gold) in their article and again when the sentence is run alone; each is rewritten
by every perturbation that applies (case, modifier, country swap, person swap, date change,
reordering, leading adverbial: see benchmarks/perturb.py) and the variants are run as
one-sentence articles. Prints the pass rate per kind and language.

    python benchmarks/perturbations.py [--per-lang 60] [--seed 20240601] [--kinds date,country]
                                       [--show-failures N] [--show-variants N]
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.perturb import (  # noqa: E402 - importable once the repository root is on sys.path
    PERTURBATIONS,
    SHARED,
    format_rates,
    pass_rates,
    run_suite,
    shared_available,
)


def _fmt_got(got) -> str:
    if not got:
        return "no event"
    return "; ".join(f"{t} {list(c)} {d or '-'}" for t, c, d in got)


def main(argv=None) -> int:
    """Run the suite and print pass rates (and, on request, sample variants and failures); exit 2
    when the gold sets are missing."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--per-lang", type=int, default=60, help="seed events per language (default 60)")
    ap.add_argument("--seed", type=int, default=20240601, help="random seed of the seed sample")
    ap.add_argument("--kinds", default=",".join(PERTURBATIONS), help="comma-separated perturbation kinds")
    ap.add_argument("--show-failures", type=int, default=0, metavar="N", help="print up to N failures per kind")
    ap.add_argument("--show-variants", type=int, default=0, metavar="N", help="print N variants per kind (to read)")
    ap.add_argument("--shared", default=str(SHARED), help="the shared/ folder (default ../shared)")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    if not shared_available(shared):
        print(f"{shared}/eval/{{dev,train}} not found: nothing to measure", file=sys.stderr)
        return 2
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    unknown = set(kinds) - set(PERTURBATIONS)
    if unknown:
        ap.error(f"unknown kinds: {', '.join(sorted(unknown))}; known: {', '.join(PERTURBATIONS)}")
    t0 = time.perf_counter()
    seeds, outcomes = run_suite(shared=shared, per_lang=args.per_lang, seed=args.seed, kinds=kinds)
    took = time.perf_counter() - t0
    n_en = sum(s.lang == "en" for s in seeds)
    print(f"{len(seeds)} seed events (en {n_en}, vi {len(seeds) - n_en}), {len(outcomes)} variants, {took:.1f} s\n")
    print(format_rates(pass_rates(outcomes)))
    for k in kinds:
        mine = [o for o in outcomes if o.variant.kind == k]
        if args.show_variants:
            print(f"\n=== {k}: {args.show_variants} variants")
            for o in random.Random(0).sample(mine, min(args.show_variants, len(mine))):
                print(f"- [{o.variant.seed.lang}] {o.variant.note}\n    {o.variant.text}")
        if args.show_failures:
            bad = [o for o in mine if not o.passed]
            shown = f" (first {args.show_failures})" if len(bad) > args.show_failures else ""
            print(f"\n=== {k}: {len(bad)} failures" + shown)
            for o in bad[: args.show_failures]:
                v = o.variant
                want = f"{v.seed.type} {list(v.expected_countries)}" \
                    + (f" date {v.expected_date}" if v.expected_date else "")
                print(f"- [{v.seed.lang} {v.seed.type}] {v.note}")
                print(f"    original : {v.seed.sentence}")
                print(f"    perturbed: {v.text}")
                print(f"    expected : {want}")
                print(f"    got      : {_fmt_got(o.got)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
