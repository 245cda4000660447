"""Benchmarks and robustness suites, run by hand (``python -m benchmarks.<name>``); some tests reuse them."""
