"""The actions table of the Cités Unies France sheets (`Actions de coopération
réalisées depuis 2000`): rows rebuilt from the extracted cells."""
from __future__ import annotations

import re

from ..domains import map_domain
from ..text import fold, squash_spaces
from .fields import amounts
from .fields import years as _years


def years_in(text: str) -> list[int]:
    return _years(text).found


def _has_money(text: str) -> bool:
    return bool(amounts(text))


_WHEN_START = re.compile(
    r"^[-–•\s]*(\d|de\b|depuis|entre|en\b|dès|des\b|à partir|a partir|début|fin\b|janvier|février|"
    r"mars|avril|mai\b|juin|juillet|août|septembre|octobre|novembre|décembre|été|printemps|automne|"
    r"hiver|total|t\s*:|programme démarré|chaque|tous les|annuel|idem|gratuit)", re.I)
_HEADER_RE = re.compile(
    r"^(Domaines?|d.intervention|Actions? réalisée?s?|Date de début et|périodicité|Budget|"
    r"Actions de coopération)\b", re.I)


def _is_when(block: list[str]) -> bool:
    lines = [l.strip() for l in block if l.strip()]
    if not lines or max(len(l) for l in lines) > 34:
        return False
    datey = sum(1 for l in lines if years_in(l) or _has_money(l) or re.fullmatch(r"[\d\s.,/()=+-]+", l))
    return bool(_WHEN_START.match(lines[0])) and (datey > 0) or datey * 2 >= len(lines) and datey > 0


def _is_domain_block(block: list[str]) -> bool:
    lines = [l.strip() for l in block if l.strip()]
    if not lines or len(lines) > 9 or max(len(l) for l in lines) > 32:
        return False
    text = " ".join(lines)
    if text.startswith("-") or years_in(text):
        return False
    # a label that maps to no domain is taken for action text
    return bool(map_domain(text))


def _inline_domain(line: str) -> tuple[str, str] | None:
    """`ÉCHANGES Chantiers de jeunes…` or `Santé Petit matériel…`: a domain
    label and the action's first words on one extracted line."""
    s = line.strip()
    m = re.match(r"^((?:[A-ZÉÈÀÂÎÔÛÇ'’]{2,}[/\s-]*)+?)\s+(?=[A-ZÀ-Ý\d-]?[a-zà-ÿ\d(])(.+)$", s)
    if m and sum(c.isalpha() for c in m.group(1)) >= 3 and map_domain(m.group(1)):
        return m.group(1).strip(" -/"), m.group(2)
    words = s.split()
    for n in (1, 2, 3):
        if len(words) <= n:
            break
        label, rest = " ".join(words[:n]), " ".join(words[n:])
        if map_domain(label) and (rest[:1].isupper() or rest[:1] == "-") and len(label) <= 25:
            return label, rest
    return None


def _blocks(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    out: list[list[tuple[int, str]]] = []
    cur: list[tuple[int, str]] = []
    for n, l in lines:
        if l == "" or l.strip() == "":
            if l == "" and cur:
                out.append(cur)
                cur = []
            continue
        cur.append((n, l))
    if cur:
        out.append(cur)
    return out


def _action_rows(body: list[tuple[int, str]]) -> list[dict]:
    """Rebuild the rows of the actions table from its interleaved cells:
    a row is [domain] action… [dates/budget]…; a new row starts at the
    first text cell after a dates/budget cell, or at a domain cell."""
    rows: list[dict] = []
    row: dict | None = None
    after_when = True
    for block in _blocks(body):
        texts = [l for _, l in block]
        first = block[0][0]
        if _is_when(texts):
            if row is None:
                row = {"domain": None, "action": [], "when": [], "lines": []}
                rows.append(row)
            row["when"].extend(texts)
            row["lines"].extend(block)
            after_when = True
            continue
        inline = _inline_domain(texts[0])
        starts_domain = _is_domain_block(texts) and (after_when or (row is not None and not row["action"] and row["domain"] is None))
        new = (row is None or after_when or starts_domain
               or (inline is not None and row["action"] and map_domain(inline[0])))
        if new and not (row is not None and row["domain"] and not row["action"] and not row["when"]):
            row = {"domain": None, "action": [], "when": [], "lines": []}
            rows.append(row)
        row["lines"].extend(block)
        after_when = False
        if row["domain"] is None and not row["action"] and _is_domain_block(texts):
            row["domain"] = squash_spaces(" ".join(t.strip() for t in texts))
            row["domain_line"] = first
            continue
        if row["domain"] is None and not row["action"] and inline:
            row["domain"] = inline[0]
            texts = [inline[1]] + texts[1:]
        row["action"].extend(texts)
    return [r for r in rows if r["action"] or r["domain"]]


def _status(text: str) -> str:
    f = fold(text)
    if re.search(r"en projet|a l.etude|prevu|a venir|envisage", f):
        return "en projet"
    if re.search(r"en cours|depuis|chaque annee|tous les ans|programme demarre", f):
        return "en cours"
    return "réalisé"


def _dehyphen(text: str) -> str:
    return re.sub(r"(\w)- (\w)", lambda m: m.group(1) + m.group(2) if m.group(2).islower() else m.group(0), text)


