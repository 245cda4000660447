"""Does memory stay flat as the input grows? Peak memory of a batch run at several input sizes.

Writes N short synthetic articles (one or two sentences each, half Vietnamese,
half English, from hand-written templates with varied people, countries and
dates) to a JSONL file, runs ``pipeline.batch.run_batch`` with all cores, and
samples the resident memory of the whole process tree. Flat means the peak at
100k articles is close to the peak at 10k.

    python benchmarks/memory_flat.py [--sizes 10000 100000]
"""
from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from benchmarks.throughput import TreeMemory

VI = ["Sáng {d}/{m}, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng {cvi} {fname}.",
      "Chủ tịch nước Lương Cường tiếp Đại sứ {cvi} {fname} nhân dịp chào từ biệt ngày {d}/{m}.",
      "Tổng Bí thư Tô Lâm điện đàm với Tổng thống {cvi} {fname} chiều {d}/{m}. Hai bên nhất trí tăng cường hợp tác."]
EN = ["Prime Minister Pham Minh Chinh held talks with {cen} Prime Minister {fname} in Hanoi on {mon} {d}.",
      "Party General Secretary To Lam received {cen} Ambassador {fname} on {mon} {d}.",
      "President Luong Cuong will pay a state visit to {country} from {mon} {d}-{d2}, at the invitation of "
      "President {fname}."]
COUNTRIES = [("Campuchia", "Cambodian", "Cambodia"), ("Lào", "Lao", "Laos"), ("Nhật Bản", "Japanese", "Japan"),
             ("Ấn Độ", "Indian", "India"), ("Indonesia", "Indonesian", "Indonesia"),
             ("Singapore", "Singaporean", "Singapore"), ("Thái Lan", "Thai", "Thailand")]
NAMES = ["Alan Brook", "Maria Santos", "Kenji Ota", "Ravi Mehta", "Siti Rahma", "Tan Wei Ming", "Somchai Dee"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def write_articles(path: Path, n: int, seed: int = 3) -> None:
    """Write ``n`` short synthetic articles as JSONL, so the input size is the only thing that changes."""
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            cvi, cen, country = rng.choice(COUNTRIES)
            d, m = rng.randint(1, 26), rng.randint(1, 12)
            fields = dict(cvi=cvi, cen=cen, country=country, fname=rng.choice(NAMES), d=d, d2=d + 2, m=m,
                          mon=MONTHS[m - 1])
            vi = i % 2 == 0
            text = rng.choice(VI if vi else EN).format(**fields)
            f.write(json.dumps({"id": f"a{i:06d}", "text": text, "lang": "vi" if vi else "en",
                                "published": f"2025-{m:02d}-{d:02d}"}, ensure_ascii=False) + "\n")


def main() -> None:
    """Run batch extraction at each input size and print the peak memory, which should not grow with it."""
    from pipeline.batch import run_batch

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    ap.add_argument("--workers", type=int, default=None)
    args = ap.parse_args()
    print(f"{'articles':>9} {'seconds':>9} {'articles/s':>11} {'events':>8} {'peak tree PSS':>14}")
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as d:
            src = Path(d) / "articles.jsonl"
            write_articles(src, n)
            mem = TreeMemory(interval=0.5)
            mem.start()
            t0 = time.perf_counter()
            stats = run_batch(src, Path(d) / "out", workers=args.workers, progress=False, formats=("jsonl",))
            secs = time.perf_counter() - t0
            mem.stop_flag = True
            mem.join()
        print(f"{n:>9} {secs:>9.1f} {n / secs:>11.1f} {stats.events:>8} {mem.peak / 1024:>11,.0f} MB", flush=True)


if __name__ == "__main__":
    main()
