#!/usr/bin/env python3
"""Labelling aid for the PII evaluation (docs/triage-pii.md): picks the sample and lists candidate spans.

Deliberately independent of the Java detector: a broad scanner that over-generates (every digit group run with
at least four digits, every @, every road name + number, every 동/호 number, every plate-like and code-like token,
every name cue), so that a person adjudicates each candidate by reading its context. It never writes complaint
text into the repository: it prints to the terminal (or a file you keep outside the repository).

usage: pii_candidates.py --data ../shared/data [--sample-only] [--full KEY ...]
  --sample-only   print the sample keys (file, id, field) only
  --full KEY      print the whole text of one sampled record (file:id:field) with character offsets
"""
import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

FILES = [  # (file, how many records, fields)
    ("incheon_junggu_complaints_train.jsonl", 250, ("title", "content")),
    ("bluehouse_petitions_train.jsonl", 70, ("title", "content")),
]

CANDIDATES = [
    ("digits", re.compile(r"[+(]?[0-9０-９](?:[0-9０-９]|[-.,) (－．]{1,3}(?=[0-9０-９]))*")),
    ("at", re.compile(r"\S*[@＠]\S*")),
    ("road", re.compile(r"[가-힣0-9]+(?:로|길)\s?[0-9]+(?:-[0-9]+)?")),
    ("unit", re.compile(r"[0-9]+\s?(?:동|호|번지|층)")),
    ("plate", re.compile(r"[0-9]{2,3}\s?[가-힣]\s?[0-9]{4}")),
    ("code", re.compile(r"\b[A-Za-z]{1,2}[0-9]{3,}[A-Za-z0-9]*")),
    ("cue", re.compile(r"성명|이름|성함|저는|제가|본인|신청인|민원인|작성자|담당|주무관|팀장|과장|계장|주사|소장|반장|국장|동장|"
                       r"[가-힣]씨|님|선생|기사|사장|대표|예금주|계좌|은행|카드|여권|면허|사업자|보험")),
]


def sample(data):
    for name, count, fields in FILES:
        rows = [json.loads(line) for line in open(data / "complaints" / name, encoding="utf-8")]
        rows.sort(key=lambda r: hashlib.sha1(r["id"].encode()).hexdigest())
        for r in rows[:count]:
            for f in fields:
                yield name, r["id"], f, r.get(f) or ""


def digit_count(s):
    return sum(c.isdigit() for c in s)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--sample-only", action="store_true")
    ap.add_argument("--full", nargs="*")
    a = ap.parse_args()
    data = Path(a.data)
    for name, rid, field, text in sample(data):
        key = f"{name}:{rid}:{field}"
        if a.sample_only:
            print(name, rid, field, sep="\t")
            continue
        if a.full is not None:
            if key in a.full:
                print(f"=== {key} ({len(text)} chars)")
                for i in range(0, len(text), 100):
                    print(f"{i:5d} {text[i:i + 100]!r}")
            continue
        for kind, pattern in CANDIDATES:
            for m in pattern.finditer(text):
                if kind == "digits" and digit_count(m.group()) < 4:
                    continue
                s, e = m.start(), m.end()
                ctx = text[max(0, s - 30):s] + "[[" + text[s:e] + "]]" + text[e:e + 20]
                print(key, kind, s, e, ctx.replace("\n", "⏎"), sep="\t")


if __name__ == "__main__":
    sys.exit(main())
