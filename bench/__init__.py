"""Benchmarks: `make bench` prints figures. They are measurements, not pass/fail tests."""
