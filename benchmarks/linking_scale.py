"""How linking time grows with the number of event records (issue: close to linear, not quadratic).

Generates synthetic reports: real-world events (visits, meetings, agreements
between Việt Nam and ~60 partner countries, people drawn from a pool, dates
over five years), each reported by 1-4 articles in vi or en, some reports
undated or dated a day off, then times ``link_clusters`` at 1k, 10k and 100k
records and prints seconds, microseconds per record, and the growth ratio.

    python benchmarks/linking_scale.py [--sizes 1000 10000 100000]
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import time

from pipeline.doc import Event, Participant
from pipeline.stages.linking import link_clusters

PARTNERS = ["AZE", "CHN", "JPN", "KHM", "LAO", "IDN", "IND", "RUS", "SGP", "THA", "USA", "KOR", "MYS", "PHL",
            "AUS", "FRA", "DEU", "GBR", "CUB", "MNG", "BRA", "CAN", "JOR", "SAU", "ARM", "COL", "KAZ", "MAR",
            "ITA", "ESP", "NLD", "BEL", "CHE", "AUT", "POL", "CZE", "HUN", "TUR", "EGY", "ZAF", "NGA", "KEN",
            "ARG", "CHL", "MEX", "PER", "NZL", "BGD", "PAK", "LKA", "NPL", "MMR", "BRN", "TLS", "UZB", "BLR",
            "UKR", "ISR", "ARE", "QAT"]


def synthetic(n_records: int, seed: int = 7) -> list[Event]:
    """Reports of ``n_records // 2`` made-up real-world events, reproducible from ``seed``, shaped like the
    records linking sees (shared people, nearby dates, both languages)."""
    rng = random.Random(seed)
    vn_people = [f"Nguyễn Văn {i}" for i in range(40)]
    foreign = {c: [f"{c} Leader {i}" for i in range(8)] for c in PARTNERS}
    start = dt.date(2020, 1, 1)
    out: list[Event] = []
    k = 0
    while len(out) < n_records:
        k += 1
        c = rng.choice(PARTNERS)
        typ = rng.choice(["visit", "meeting", "meeting", "agreement"])
        day = start + dt.timedelta(days=rng.randrange(5 * 365))
        a, b = rng.choice(vn_people), rng.choice(foreign[c])
        for r in range(rng.randint(1, 4)):
            d = day + dt.timedelta(days=rng.choice([0, 0, 0, 1]))
            undated = rng.random() < 0.15
            parts = ([Participant(a, a, "visitor", None, "VNM"), Participant(b, b, "host", None, c)]
                     if typ == "visit" else [Participant(a, a, "participant", None, "VNM"),
                                              Participant(b, b, "participant", None, c)])
            out.append(Event(doc_id=f"doc{k}-{r}", lang=rng.choice(["vi", "en"]), type=typ,
                             subtype="talks" if typ == "meeting" else "mou" if typ == "agreement" else "official",
                             status="occurred", trigger="t", evidence="e", char_start=0, char_end=1,
                             date_start=None if undated else d.isoformat(),
                             date_end=None if undated else d.isoformat(), location_country=c,
                             countries=sorted({"VNM", c}), participants=parts, event_id=f"doc{k}-{r}:e"))
            if len(out) >= n_records:
                break
    return out


def main() -> None:
    """Time linking at each ``--sizes`` and print how the cost per record grows."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    args = ap.parse_args()
    print(f"{'records':>9} {'seconds':>9} {'µs/record':>10} {'clusters':>9} {'growth vs previous':>20}")
    prev = None
    for n in args.sizes:
        events = synthetic(n)
        t0 = time.perf_counter()
        link_clusters(events)
        secs = time.perf_counter() - t0
        per = secs / n * 1e6
        growth = "" if prev is None else f"x{secs / prev[1]:.1f} time for x{n / prev[0]:.0f} records"
        print(f"{n:>9} {secs:>9.2f} {per:>10.1f} {len({e.cluster_id for e in events}):>9} {growth:>20}")
        prev = (n, secs)


if __name__ == "__main__":
    main()
