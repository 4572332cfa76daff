#!/usr/bin/env python3
"""Rebuild the ANT samples the agreements gold was annotated on.

Usage:
  python3 extractors/agreements/testdata/build_ant_sample.py select  > extractors/agreements/testdata/ant_sample_ids.txt
  python3 extractors/agreements/testdata/build_ant_sample.py heldout > extractors/agreements/testdata/ant_heldout_ids.txt
  python3 extractors/agreements/testdata/build_ant_sample.py heldout2 > extractors/agreements/testdata/ant_heldout2_ids.txt
  python3 extractors/agreements/testdata/build_ant_sample.py dev2 > extractors/agreements/testdata/ant_dev2_ids.txt
  python3 extractors/agreements/testdata/build_ant_sample.py dev3 > extractors/agreements/testdata/ant_dev3_ids.txt
  python3 extractors/agreements/testdata/build_ant_sample.py dev4 > extractors/agreements/testdata/ant_dev4_ids.txt
  python3 extractors/agreements/testdata/build_ant_sample.py dev5|heldout3|dev6|dev7|dev8 > extractors/agreements/testdata/ant_<mode>_ids.txt
  python3 extractors/agreements/testdata/build_ant_sample.py rebuild [IDS] > /tmp/ant_agreements.jsonl

`select` draws the development sample (seed 5, 110 articles) from the ANT
multi-source corpus: articles whose body contains one of the keywords اتفاق،
اتفاقية، معاهدة، مذكرة تفاهم، إعلان, whose body is 300-3500 characters long (to
keep hand annotation feasible), first occurrence of each distinct body only.

`heldout` draws the held-out test sample (seed 17, 60 articles) from the same
pool after removing every id of ant_sample_ids.txt. It was drawn and annotated
(testdata/gold/agreements-ant-heldout.jsonl) before any rule was tuned on it;
it must never be used for tuning.

`heldout2` draws a second held-out test sample (seed 31, 80 articles) from the
same pool after removing every id of ant_sample_ids.txt and ant_heldout_ids.txt.
It was annotated blind (testdata/gold/agreements-ant-heldout2.jsonl), without
looking at the extractor's output on it; it must never be used for tuning.

`dev2` draws a second development (tuning) sample (seed 43, 100 articles)
from the same pool after removing every id of the three samples above. It was
annotated blind like heldout2 (testdata/gold/agreements-ant-dev2.jsonl) and
then used for tuning, to widen what the rules are developed on.

`dev3` draws a third development sample (seed 59, 100 articles) from the
same pool after removing every id of the four samples above, annotated blind
the same way (testdata/gold/agreements-ant-dev3.jsonl).

`dev4` draws a fourth development sample (seed 71, 100 articles) from the
same pool after removing every id of the five samples above, annotated blind
the same way (testdata/gold/agreements-ant-dev4.jsonl).

`dev5` (seed 83, 100), `heldout3` (seed 97, 100, never tuned on), `dev6`
(seed 101, 150), `dev7` (seed 107, 150) and `dev8` (seed 113, 150) follow the same pattern: each
excludes every earlier sample.

`rebuild` writes a sample as pipeline input (JSON Lines with id, title, text,
published), in the order of the id list: ant_sample_ids.txt by default, or the
id file given (e.g. ant_heldout_ids.txt, ant_heldout2_ids.txt).
The corpus text itself is never committed.
"""
import json, lzma, os, random, re, sys
from email.utils import parsedate_to_datetime

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.environ.get("KHABAR_SHARED", os.path.join(HERE, "..", "..", "..", "..", "shared"))
PATH = os.path.join(CORPUS, "corpora", "ant-multisource-v2.1", "ant_multisource_v2.1.jsonl.xz")
KEYWORDS = re.compile("اتفاق|معاهدة|مذكرة تفاهم|مذكرات تفاهم|إعلان")
# Each sample: the mode that draws it, its random seed and size, and the id
# files of the earlier samples it excludes (every later sample excludes all
# earlier ones, so no article is in two samples).
SAMPLES = [
    ("select", 5, 110, []),                                   # development sample
    ("heldout", 17, 60, ["ant_sample_ids.txt"]),              # held-out test sample
    ("heldout2", 31, 80, ["ant_sample_ids.txt", "ant_heldout_ids.txt"]),  # second held-out
    ("dev2", 43, 100, ["ant_sample_ids.txt", "ant_heldout_ids.txt", "ant_heldout2_ids.txt"]),
    ("dev3", 59, 100, ["ant_sample_ids.txt", "ant_heldout_ids.txt", "ant_heldout2_ids.txt", "ant_dev2_ids.txt"]),
    ("dev4", 71, 100, ["ant_sample_ids.txt", "ant_heldout_ids.txt", "ant_heldout2_ids.txt", "ant_dev2_ids.txt",
                       "ant_dev3_ids.txt"]),
    ("dev5", 83, 100, ["ant_sample_ids.txt", "ant_heldout_ids.txt", "ant_heldout2_ids.txt", "ant_dev2_ids.txt",
                       "ant_dev3_ids.txt", "ant_dev4_ids.txt"]),
    ("heldout3", 97, 100, ["ant_sample_ids.txt", "ant_heldout_ids.txt", "ant_heldout2_ids.txt", "ant_dev2_ids.txt",
                           "ant_dev3_ids.txt", "ant_dev4_ids.txt", "ant_dev5_ids.txt"]),
    ("dev6", 101, 150, ["ant_sample_ids.txt", "ant_heldout_ids.txt", "ant_heldout2_ids.txt", "ant_dev2_ids.txt",
                        "ant_dev3_ids.txt", "ant_dev4_ids.txt", "ant_dev5_ids.txt", "ant_heldout3_ids.txt"]),
    ("dev7", 107, 150, ["ant_sample_ids.txt", "ant_heldout_ids.txt", "ant_heldout2_ids.txt", "ant_dev2_ids.txt",
                        "ant_dev3_ids.txt", "ant_dev4_ids.txt", "ant_dev5_ids.txt", "ant_heldout3_ids.txt",
                        "ant_dev6_ids.txt"]),
    ("dev8", 113, 150, ["ant_sample_ids.txt", "ant_heldout_ids.txt", "ant_heldout2_ids.txt", "ant_dev2_ids.txt",
                        "ant_dev3_ids.txt", "ant_dev4_ids.txt", "ant_dev5_ids.txt", "ant_heldout3_ids.txt",
                        "ant_dev6_ids.txt", "ant_dev7_ids.txt"]),
]

def records():
    with lzma.open(PATH, "rt", encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)

def published(t):
    try:
        return parsedate_to_datetime(t).date().isoformat()
    except Exception:
        return None

def read_ids(name):
    path = name if os.path.isabs(name) or os.path.exists(name) else os.path.join(HERE, name)
    return [l.strip() for l in open(path, encoding="utf-8") if l.strip()]

def pool():
    seen, out = set(), []
    for r in records():
        body = r.get("text") or ""
        if body in seen:
            continue
        seen.add(body)
        if 300 <= len(body) <= 3500 and KEYWORDS.search(body):
            out.append(r["id"])
    return out

def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "rebuild"
    for name, seed, n, excluded in SAMPLES:
        if mode != name:
            continue
        used = set()
        for f in excluded:
            used |= set(read_ids(f))
        rest = [i for i in pool() if i not in used]
        for i in sorted(random.Random(seed).sample(rest, n)):
            print(i)
        return
    ids = read_ids(sys.argv[2] if len(sys.argv) > 2 else "ant_sample_ids.txt")
    want = set(ids)
    got = {}
    for r in records():
        if r["id"] in want and r["id"] not in got:
            got[r["id"]] = r
    for i in ids:
        r = got[i]
        out = {"id": i, "title": r.get("title"), "text": r.get("text") or ""}
        p = published(r.get("time") or "")
        if p:
            out["published"] = p
        print(json.dumps(out, ensure_ascii=False))

main()
