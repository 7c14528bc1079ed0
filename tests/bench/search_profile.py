#!/usr/bin/env python3
"""search_profile.py: where a computed /api/search spends its time, from two scrapes of
vnsearchd's /metrics taken around a load run, and the mean latency the client measured.

Usage: search_profile.py METRICS_BEFORE METRICS_AFTER CLIENT_MEAN_MS
Prints one line per phase (vnsearch_search_phase_seconds_total) in ms per search and as a share
of the client's mean, and the rest: HTTP (reading the request, writing the answer, the network
on loopback) and what no phase names.
"""
import re
import sys

PHASES = [
    ("query", "parse, limits, analysis of the words, building the Xapian query"),
    ("spelling", "accents restored and typos corrected, the suggestion"),
    ("ranking", "matching and ranking the page of hits (proximity boosts included)"),
    ("facets", "counting passes: exact total, the three facets"),
    ("stored", "reading and parsing the hits' stored articles"),
    ("analysis", "analysing the hits' titles and bodies"),
    ("snippets", "choosing and marking the snippets, filling the hits"),
    ("json", "the answer as JSON"),
]


def read_metrics(path):
    values = {}
    with open(path, encoding="utf-8") as metrics:
        for line in metrics:
            match = re.match(r"^(\w+)(\{[^}]*\})? (\S+)$", line.strip())
            if match and not line.startswith("#"):
                values[match.group(1) + (match.group(2) or "")] = float(match.group(3))
    return values


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    before, after = read_metrics(sys.argv[1]), read_metrics(sys.argv[2])
    client_mean_ms = float(sys.argv[3])
    searches = (after.get("vnsearch_searches_computed_total", 0)
                - before.get("vnsearch_searches_computed_total", 0))
    if searches <= 0:
        sys.exit("search_profile.py: no computed search between the two scrapes")
    print(f"  where a computed search spends its time ({searches:.0f} searches, "
          f"client mean {client_mean_ms:.2f} ms):")
    accounted = 0.0
    for phase, meaning in PHASES:
        key = f'vnsearch_search_phase_seconds_total{{phase="{phase}"}}'
        ms = (after.get(key, 0) - before.get(key, 0)) / searches * 1000
        accounted += ms
        print(f"    {phase:<9} {ms:6.3f} ms  {100 * ms / client_mean_ms:5.1f}%  {meaning}")
    rest = client_mean_ms - accounted
    print(f"    {'http':<9} {rest:6.3f} ms  {100 * rest / client_mean_ms:5.1f}%  "
          "the rest: the request read and routed, the answer sent, loopback")


if __name__ == "__main__":
    main()
