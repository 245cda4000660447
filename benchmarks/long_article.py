"""Does time grow linearly with one article's length? Seconds and peak memory for one long article.

Builds one Vietnamese and one English article of 0.25, 0.5, 1, 2 and 4 MB (UTF-8) from
hand-written news sentences with varied people, countries and dates, several sentences to a
line as a crawled page has them, and runs the whole pipeline on it (``Pipeline.run``, the
default ``max_chars``) in a fresh process per size, so each peak (``ru_maxrss``) is that size's
own. Linear means the seconds per MB stay flat from the smallest to the largest size.

    python -m benchmarks.long_article [--sizes 0.25 0.5 1 2 4] [--langs vi en] [--single-line] [--profile]
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.memory_flat import COUNTRIES, MONTHS, NAMES  # one set of made-up fillers for both

VI = ["Sáng {d}/{m}, tại Hà Nội, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng {cvi} {fname}.",
      "Chủ tịch nước Lương Cường tiếp Đại sứ {cvi} {fname} nhân dịp chào từ biệt ngày {d}/{m}.",
      "Tổng Bí thư Tô Lâm điện đàm với Tổng thống {cvi} {fname} chiều {d}/{m}.",
      "Hai bên nhất trí tăng cường hợp tác trong các lĩnh vực kinh tế, thương mại, giáo dục và quốc phòng.",
      "Bộ trưởng Ngoại giao Bùi Thanh Sơn cho biết {cvi} là đối tác quan trọng hàng đầu của Việt Nam.",
      "Giá vàng trong nước hôm nay tăng nhẹ so với phiên trước, trong khi trời Hà Nội có mưa rào."]
EN = ["Prime Minister Pham Minh Chinh held talks with {cen} Prime Minister {fname} in Hanoi on {mon} {d}.",
      "Party General Secretary To Lam received {cen} Ambassador {fname} on {mon} {d}.",
      "President Luong Cuong will pay a state visit to {country} from {mon} {d}-{d2}, at the invitation of "
      "President {fname}.",
      "The two sides agreed to strengthen cooperation in trade, investment, education and defence.",
      "Foreign Minister Bui Thanh Son said {country} was one of Vietnam's most important partners.",
      "Gold prices edged up slightly in early trading, while heavy rain is forecast for the capital."]


def long_text(lang: str, mb: float, seed: int = 7, single_line: bool = False) -> str:
    """About ``mb`` megabytes of UTF-8 news text, 3-6 sentences to a line (or all on one line)."""
    rng = random.Random(seed)
    target = int(mb * 1_000_000)
    lines, size = [], 0
    while size < target:
        sentences = []
        for _ in range(rng.randint(3, 6)):
            cvi, cen, country = rng.choice(COUNTRIES)
            d, m = rng.randint(1, 26), rng.randint(1, 12)
            sentences.append(rng.choice(VI if lang == "vi" else EN).format(
                cvi=cvi, cen=cen, country=country, fname=rng.choice(NAMES), d=d, d2=d + 2, m=m, mon=MONTHS[m - 1]))
        line = " ".join(sentences)
        lines.append(line)
        size += len(line.encode("utf-8")) + 1
    return (" " if single_line else "\n").join(lines)


def measure(lang: str, mb: float, profile: bool = False, single_line: bool = False) -> dict:
    """Run one article through the pipeline in this process; seconds and peak resident memory."""
    from pipeline.doc import Article
    from pipeline.runner import Pipeline

    pipe = Pipeline()
    pipe.backend(lang)  # model loading is not the article's time
    list(pipe.run([Article("warm-up", long_text(lang, 0.002), lang, "2025-06-01")]))
    text = long_text(lang, mb, single_line=single_line)
    art = Article(f"long-{lang}", text, lang, "2025-06-01")
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    t0 = time.perf_counter()
    (result,) = list(pipe.run([art]))
    seconds = time.perf_counter() - t0
    if profiler is not None:
        import pstats

        profiler.disable()
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(35)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB
    return {"lang": lang, "mb": mb, "chars": len(text), "seconds": round(seconds, 2),
            "seconds_per_mb": round(seconds / mb, 2), "peak_mb": round(peak_mb), "events": len(result.events),
            "error": result.error}


def main() -> None:
    """Run one long article of each size and language, and print seconds and peak memory per size."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=float, nargs="+", default=[0.25, 0.5, 1, 2, 4])
    ap.add_argument("--langs", nargs="+", default=["vi", "en"])
    ap.add_argument("--profile", action="store_true", help="print a cProfile of each run to stderr")
    ap.add_argument("--single-line", action="store_true", help="the whole article on one line (a crawl that lost "
                                                                  "its line breaks)")
    ap.add_argument("--one", nargs=2, metavar=("LANG", "MB"), help=argparse.SUPPRESS)  # a child run
    args = ap.parse_args()
    if args.one:
        print(json.dumps(measure(args.one[0], float(args.one[1]), args.profile, args.single_line)))
        return
    root = Path(__file__).resolve().parents[1]
    print(f"{'lang':>4} {'MB':>5} {'chars':>9} {'seconds':>8} {'s/MB':>6} {'peak MB':>8} {'events':>7}")
    for lang in args.langs:
        for mb in args.sizes:
            cmd = [sys.executable, "-m", "benchmarks.long_article", "--one", lang, str(mb)]
            cmd += ["--profile"] * args.profile + ["--single-line"] * args.single_line
            out = subprocess.run(cmd, cwd=root, text=True, check=True, stdout=subprocess.PIPE,
                                 stderr=None if args.profile else subprocess.PIPE)
            r = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"{lang:>4} {mb:>5} {r['chars']:>9} {r['seconds']:>8.1f} {r['seconds_per_mb']:>6.1f} "
                  f"{r['peak_mb']:>8} {r['events']:>7}" + (f"  error: {r['error']}" if r["error"] else ""),
                  flush=True)


if __name__ == "__main__":
    main()
