"""Speed, measured against peers: `repertoires bench` (benchmarks.run.main).

Never run by the unit tests: it builds indexes, starts servers on loopback
and takes minutes. Results go to docs/benchmarks.md.
"""
