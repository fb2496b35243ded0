#!/usr/bin/env python3
"""Checks the bundled gazetteer files before a commit (the Java loader checks less, and only at start).

Usage: enrich/scripts/check_gazetteer.py [gazetteer folder]   (default: enrich/src/main/resources/gazetteer)

Per row: 7 cells (qid, type, name_en, name_ar, variants, source, context), or 3 to 5 in the original files
that predate the source and context columns; a QID Q[1-9][0-9]* unique across all files; a known type; an
English name; variants with a known kind prefix (surname:, nickname:, role:, acronym:), never empty and, in
7-cell rows, never repeating a name; a source on every 7-cell row; context cells that are gazetteer QIDs.
Across entities: no surface name, folded roughly as the matcher folds Arabic and Latin letters, belongs to two
entities, so a mention never has two readings. Exits 1 on any problem.
"""
import re
import sys
import unicodedata
from pathlib import Path

TYPES = {"person", "organization", "location"}
KINDS = {"surname", "nickname", "role", "acronym"}
QID = re.compile(r"Q[1-9][0-9]*")


def fold(name):
    """Folds a surface name roughly as the analyzer does: case, Latin accents, Arabic alef/hamza/taa marbuta/
    alef maqsura and diacritics, punctuation."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower().replace("ı", "i")
    s = re.sub("[\u064B-\u0652\u0640]", "", s)
    s = re.sub("[أإآٱ]", "ا", s).replace("ة", "ه").replace("ى", "ي")
    return " ".join(re.findall(r"\w+", s))


def rows(folder):
    for file in (folder / "index.txt").read_text(encoding="utf-8").split():
        header = True
        for number, line in enumerate((folder / file).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if header:
                header = False
                continue
            yield f"{file}:{number}", [c.strip() for c in line.split("\t")]


def main():
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "enrich/src/main/resources/gazetteer")
    listed = set((folder / "index.txt").read_text(encoding="utf-8").split())
    problems = [f"{f.name}: not listed in index.txt" for f in folder.glob("*.tsv") if f.name not in listed]
    seen, owners, contexts = {}, {}, []
    for where, cells in rows(folder):
        strict = len(cells) == 7
        if not strict and not 3 <= len(cells) <= 5:
            problems.append(f"{where}: {len(cells)} cells, want 7 (or 3 to 5 in the original files)")
            continue
        cells += [""] * (5 - len(cells))
        qid, type_, name_en, name_ar, variants = cells[:5]
        if not QID.fullmatch(qid):
            problems.append(f"{where}: bad QID '{qid}'")
        if qid in seen:
            problems.append(f"{where}: {qid} already at {seen[qid]}")
        seen[qid] = where
        if type_ not in TYPES:
            problems.append(f"{where}: bad type '{type_}'")
        if not name_en:
            problems.append(f"{where}: no English name")
        names = [n for n in (name_en, name_ar) if n]
        for variant in variants.split("|") if variants else []:
            kind, _, bare = variant.partition(":") if ":" in variant.split(" ")[0] else ("", "", variant)
            if kind and kind not in KINDS:
                problems.append(f"{where}: unknown variant kind '{kind}'")
            if not bare.strip():
                problems.append(f"{where}: empty variant")
            elif strict and fold(bare) in map(fold, names):
                problems.append(f"{where}: variant '{variant}' repeats a name")
            else:
                names.append(bare)
        if strict:
            if not cells[5]:
                problems.append(f"{where}: no source")
            contexts += [(where, c) for c in cells[6].split("|") if c]
        for name in names:
            key = fold(name)
            owner = owners.setdefault(key, (qid, where))
            if owner[0] != qid:
                problems.append(f"{where}: '{name}' also names {owner[0]} ({owner[1]})")
    problems += [f"{where}: context {c} is not a gazetteer QID" for where, c in contexts if c not in seen]
    for problem in problems:
        print(problem)
    print(f"{len(seen)} entities, {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
