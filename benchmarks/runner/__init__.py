"""The overhead suite's runner: see benchmarks/overhead.py."""
