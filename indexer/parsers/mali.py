"""The Mali repertoire (Cités Unies France, 2008).

Besides its sheets (the CUF layout, `cuf.py`), the document names the same
partnerships in three more places: the summary table by domain at the top
(`Tableau récapitulatif des partenariats renseignés par domaines`, the
document's own classification), the comma-separated `non renseignés` list,
and the `Annexe 1` tables by Malian region. Names are spelled differently in
each (`CG Allier`, `Conseil général Allier`, `Conseil Général de l'Allier`),
so entries are matched on loose name keys, and every place a partnership
appears becomes one more source of a single record.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..domains import domains_of_text, map_domain, map_domains
from ..geography import table_origin, unstated_place_note
from ..records import ParseResult, Party
from ..text import fold, squash_spaces
from .cuf import CufReader
from .namekeys import loose, same
from .parties import french_name, french_party, partner_kind
from .sheet import Document, Sheet, warn

LIST_HEAD = "Partenariats de coopération décentralisée non renseignés"
OTHER_HEAD = "Autres types de partenariats"
ANNEX_HEAD = "Annexe 1"
ANNEX_END = "Annexe 2"
SUMMARY_HEAD = "Tableau récapitulatif des partenariats renseignés par domaines"
SUMMARY = "Tableau récapitulatif par domaines"


class CufRepertoireReader(CufReader):
    """A Cités Unies France country repertoire: its sheets (`CufReader`), its
    summary table by domain, its `non renseignés` list and its annex by region.
    Mali's is one instance; another country's is one more registry entry."""

    def read(self, doc: Document, result: ParseResult) -> None:
        L = doc.lines
        at = {name: next((i for i, x in enumerate(L) if test(x.strip())), None) for name, test in (
            ("list", lambda s: s == LIST_HEAD), ("other", lambda s: s == OTHER_HEAD),
            ("annex", lambda s: s.startswith(ANNEX_HEAD + " :")), ("end", lambda s: s.startswith(ANNEX_END + " :")))}
        end = at["end"] if at["end"] is not None else len(L)
        stops = tuple(sorted(x for x in at.values() if x is not None))
        other = at["other"] if at["other"] is not None else end
        self.doc = doc
        self.entries: list[Sheet] = []
        self.merged: set[int] = set()
        for section, a, b in (("sheet", 0, other), ("Autres types de partenariats", other, end)):
            for sheet in self.read_sheets(doc, result, a, b, section, stops):
                self.add_sheet(sheet)
        for name, step in (("list", self.listed), ("annex", self.annex)):
            part = at[name]
            if part is not None:
                try:
                    step(doc, result, part, min([x for x in stops if x > part] + [end]))
                except Exception as exc:  # noqa: BLE001 (never raise: report the part and go on with the others)
                    what = "liste" if name == "list" else "annexe"  # the part, as the warning names it
                    warn(result, part + 1, f"{what} non lue ({type(exc).__name__}: {exc})", L[part])
        self.summary(doc, result)
        for s in self.entries:
            pp = s.partner
            if pp is not None and not pp.region:
                pp.region, sub = self.geo.locate(pp.name, pp.name_raw)
                pp.subdivision = pp.subdivision or (sub if sub and loose(sub)[0] in loose(pp.name) else None)
                if pp.region and loose(pp.region)[0] not in loose(pp.name)[0]:  # not Koulikoro's own name: said
                    s.notes.append(_unstated_partner_place(s, pp))
        result.stats["merged"] = len(self.merged)
        result.stats.setdefault("listed", 0)
        result.stats.setdefault("annex_rows", 0)
        self.finish(doc, result, self.entries)

    # --- matching the parts of the document -------------------------------
    def add_sheet(self, sheet: Sheet) -> None:
        idx = self.match(sheet.aliases[0] + [sheet.french.name], sheet.partner.name if sheet.partner else None)
        if idx is not None and self.entries[idx].detail == "sheet":
            self.merge_sheet(self.entries[idx], sheet)
            self.merged.add(idx)
        else:
            self.entries.append(sheet)

    def merge_sheet(self, r: Sheet, p: Sheet) -> None:
        """A second sheet of the same partnership (Montreuil's PADDY sheet)."""
        r.sources.append(self.doc.source(p.first, p.last, p.section))
        for f in ("history", "objectives", "perspectives", "documents", "original_text"):
            setattr(r, f, "\n\n".join(x for x in (getattr(r, f), getattr(p, f)) if x) or None)
        for f in ("legal_framework", "first_contact", "budget", "partners", "updated"):
            if getattr(r, f) is None:
                setattr(r, f, getattr(p, f))
        r.contacts.extend(p.contacts)
        r.actions.extend(p.actions)
        r.domains_raw.extend(p.domains_raw)
        r.years = sorted(set(r.years) | set(p.years))  # what each sheet's presentation dates

    def match(self, fr: list[str], ml: str | None, section: str | None = None) -> int | None:
        frk = [loose(n, french=True) for n in fr if n]
        mlk = loose(ml) if ml else None
        for idx, s in enumerate(self.entries):
            if section and (s.section == section or any(src.section == section for src in s.sources)):
                continue  # two entries of one list are two partnerships
            fa, ma = _keys(tuple(s.aliases[0] + [s.french.name]), tuple(s.aliases[1]))
            if not any(_same_any(a, fa) for a in frk):
                continue
            if mlk is None and not ma:
                return idx
            if mlk is not None and any(same(mlk, b, 0.75) for b in ma):
                return idx
        return None

    # --- the `non renseignés` list ------------------------------------------
    def listed(self, doc: Document, result: ParseResult, start: int, end: int) -> None:
        L = doc.lines
        joined = ""
        offsets: list[tuple[int, int]] = []  # (char offset, 1-based line)
        for k in range(start + 1, end):
            s = L[k].strip()
            if s:
                offsets.append((len(joined), k + 1))
                joined += s + " "

        def line_at(pos: int) -> int:
            return max((n for off, n in offsets if off <= pos), default=start + 1)

        items: list[tuple[int, int, str]] = []
        pos = 0
        for chunk in re.split(r"(,\s*)", joined):
            if re.fullmatch(r",\s*", chunk or ""):
                pos += len(chunk)
                continue
            c, a = chunk.strip().rstrip("."), pos
            pos += len(chunk)
            if not c:
                continue
            if "/" not in c and items and not re.match(r"^(CG|CR|CA|CC|Conseil)\b", c):
                s0, _, prev = items[-1]
                items[-1] = (s0, pos, prev + ", " + c)
            else:
                items.append((a, pos, c))
        for a, b, c in items:
            fr_raw, _, ml_raw = (x.strip() for x in c.partition("/"))
            self.add_listed(doc, fr_raw, ml_raw, line_at(a), line_at(max(a, b - 2)), "non renseignés", None)
            result.stats["listed"] = result.stats.get("listed", 0) + 1

    def add_listed(self, doc: Document, fr_raw: str, ml_raw: str, first: int, last: int, section: str,
                   region: str | None, dep: str | None = None) -> None:
        fr = french_name(fr_raw)
        ml = self.partner(ml_raw, {}).name if ml_raw else None
        idx = self.match([fr, fr_raw], ml, section)
        if idx is None and not ml:
            # `CG des Hautes Pyrénées` alone: the French party's only sheet
            cands = [k for k, s in enumerate(self.entries)
                     if any(same(loose(fr, True), key) for key in _keys(tuple(s.aliases[0] + [s.french.name]), ())[0])]
            idx = cands[0] if len(cands) == 1 else None
        src = doc.source(first, last, section)
        if idx is not None:
            r = self.entries[idx]
            r.sources.append(src)
            self.merged.add(idx)
            if r.french.subdivision is None and dep:
                r.french.subdivision = dep
            if r.detail == "listed" and _better_written(fr, r.french.name):
                r.french.name = fr  # `Meze/Boni` in the list, `Mèze / Hérault Boni` in the annex
            elif r.french.kind == "commune" and _fuller(fr, r.french.name):
                # the sheet's `Marolles`, the annex's `Marolles en Hurepoix`; its id, the sheet's words
                r.id = r.own_id()
                r.french.name = fr
            self.set_region(r, region, first)
            return
        french = french_party(fr_raw, dep or "")
        french.name = fr
        partner = None
        if ml:
            partner = Party(name=ml, name_raw=ml_raw, kind=partner_kind(ml), country=self.country)
            cercle = self.geo.locate(ml)[1]
            partner.subdivision = cercle if partner.kind == "cercle" or cercle else None
        s = Sheet(french=french, partner=partner, first=first, last=last, section=section,
                  detail="listed", countries=[self.country], aliases=([fr, fr_raw], [ml] if ml else []))
        self.entries.append(s)
        if partner and region:
            self.set_region(s, region, first)

    @staticmethod
    def set_region(r: Sheet, annex_region: str | None, line: int) -> None:
        """The sheet's region wins over the annex's; a disagreement is kept."""
        if not annex_region or r.partner is None:
            return
        if r.partner.region is None:
            r.partner.region = annex_region
        elif r.partner.region != annex_region:
            r.notes.append(f"L'annexe 1 (ligne {line}) classe ce partenariat sous {annex_region} ; "
                           f"la fiche indique {r.partner.region}.")

    # --- Annexe 1 -------------------------------------------------------------
    def annex(self, doc: Document, result: ParseResult, start: int, end: int) -> None:
        L = doc.lines
        region = None
        for k in range(start + 1, end):
            s = squash_spaces(L[k])
            if not s or doc.is_noise(L[k]) or s in ("maliennes",):
                continue
            m = re.match(r"^Tableau \d+\s*:\s*(.*)$", s)
            if m:
                region = self.geo.locate(m.group(1))[0]
                continue
            if re.match(r"^France\s+\S+$", s):  # the tables' header row (`France Mali`)
                continue
            if region is None:
                warn(result, k + 1, "ligne de l'annexe avant tout tableau de région", s)
                continue
            fr_raw, dep, ml_raw = self.split_annex_row(s)
            if not ml_raw:
                warn(result, k + 1, "ligne de l'annexe non séparée en partie française / partie malienne", s)
                continue
            self.add_listed(doc, fr_raw, ml_raw, k + 1, k + 1, "Annexe 1", region, dep)
            result.stats["annex_rows"] = result.stats.get("annex_rows", 0) + 1

    def split_annex_row(self, s: str) -> tuple[str, str | None, str]:
        """`Angers / Maine et Loire Bamako` -> French, département, Malian
        (the département and the Malian name are not separated)."""
        from .. import geography

        france = geography.of("France")
        if "/" in s:
            fr, rest = [x.strip() for x in s.split("/", 1)]
            words = rest.split()
            for n in range(min(4, len(words) - 1), 0, -1):
                cand = " ".join(words[:n])
                place = france.lookup(cand) or france.lookup(cand.rstrip("e"))
                if place and place.level in ("region", "subdivision"):
                    return fr, place.subdivision, " ".join(words[n:])
            if len(words) >= 2:
                return fr, None, " ".join(words[1:])
            return s, None, ""
        words = s.split()
        for n in range(len(words) - 1, 0, -1):  # no slash: a known French party at the start
            fr, ml = " ".join(words[:n]), " ".join(words[n:])
            if self.match([french_name(fr), fr], ml) is not None:
                return fr, None, ml
        m = re.match(r"^(.*?)\s+((?:Région|Cercle) de .*|\S+(?: \(\w+\))?)$", s)
        return (m.group(1), None, m.group(2)) if m else (s, None, "")

    # --- the summary table by domain --------------------------------------------
    def summary(self, doc: Document, result: ParseResult) -> None:
        """`Tableau récapitulatif…`: under each upper-case domain heading (and
        its `-` sub-items), the French collectivities whose sheets it files
        there. Each gets the heading's domains, as the document's own
        classification."""
        L = doc.lines
        head = next((i for i, x in enumerate(L[:2000]) if SUMMARY_HEAD in x), None)
        if head is None:
            return
        end = next((i for i in range(head, len(L)) if "Date de mise à jour" in L[i]), len(L))
        groups: list[tuple[int, str, str]] = []  # (line, heading, names text)
        started = False
        for k in range(head + 1, end):
            s = squash_spaces(L[k])
            m = re.match(r"^((?:[A-ZÉÈÀÂÎÔÛÇ'’/]+\s*)+?)(?=\s[A-ZÀ-Ý][a-zà-ÿ]|\s*$)\s*(.*)$", s)
            if s and m and len(re.sub(r"[^A-Z]", "", m.group(1))) >= 4 and map_domain(m.group(1)):
                groups.append((k + 1, m.group(1).strip(), m.group(2)))
                started = True
            elif not started or not s or s.startswith("-"):
                continue
            elif groups and re.match(r"^[a-zé(]", s) and not groups[-1][2]:
                continue  # a wrapped sub-item
            elif groups:
                n, h, text = groups[-1]
                glue = "" if text.endswith("-") else " "
                groups[-1] = (n, h, (text + glue + s).strip())
        given = 0
        for line, heading, text in groups:
            domains = map_domain(heading)
            for name in (x.strip(" .") for x in re.split(r"[,/]", text)):
                if not name:
                    continue
                keys = loose(french_name(name), True) or loose(name, True)
                hits = [e for e in self.entries if _same_any(keys, _keys(tuple(e.aliases[0] + [e.french.name]), ())[0])]
                hits = [e for e in hits if e.detail == "sheet"] or hits  # La Bresse has no sheet
                if not hits:
                    warn(result, line, "entrée du tableau récapitulatif sans fiche correspondante :", name)
                for sheet in hits:
                    # a name with several sheets (Thionville, AIMF): only what the sheet itself supports
                    keep = domains if len(hits) == 1 else [d for d in domains if d in _supported(sheet)]
                    mine = sheet.classified.setdefault(SUMMARY, [])
                    mine += [d for d in keep if d not in mine]
                    given += 1
        result.stats["summary_entries"] = given


def _unstated_partner_place(s: Sheet, pp: Party) -> str:
    """The note of a partner whose region the table of Mali gave; a listed partner's cercle came from
    it too (`Marena Tringa`: « Yélimané »), unless the partner's own name says it (`Koro`)."""
    region = pp.region or ""
    sub = pp.subdivision if s.detail == "listed" and pp.subdivision else None
    if sub and loose(sub)[0] not in loose(pp.name)[0]:  # (Logo: cercle and region of Kayes, said once)
        said = [sub] if loose(sub) == loose(region) else [sub, region]
        return unstated_place_note(pp.name, "ni le cercle ni la région", said, table_origin("Mali"))
    return unstated_place_note(pp.name, "pas la région", [region], table_origin("Mali"))


def _better_written(name: str, than: str) -> bool:
    """The same name with more of its accents: two mentions of a partnership that only lists it
    keep the writing that has them (`Mèze` over `Meze`)."""
    def plain(x: str) -> str:
        return fold(x).replace("-", " ")

    def accents(x: str) -> int:
        return sum(not c.isascii() for c in x)

    return plain(name) == plain(than) and accents(name) > accents(than)


def _fuller(name: str, than: str) -> bool:
    """A commune's name written in full where a sheet shortens it to its first words (`Marolles en
    Hurepoix`, `Marolles`: several communes bear the short name): the full one says which it is."""
    plain, short = fold(name).replace("-", " "), fold(than).replace("-", " ")
    return plain.startswith(short + " ") and re.fullmatch(r"[a-z' ]+", plain[len(short):]) is not None


@lru_cache(maxsize=4096)
def _keys(french: tuple[str, ...], partner: tuple[str, ...]) -> tuple[list, list]:
    """An entry's loose name keys, French side and partner side (read once)."""
    return [loose(n, french=True) for n in french if n], [loose(n) for n in partner if n]


def _same_any(key: tuple[str, ...], keys: list[tuple[str, ...]]) -> bool:
    """`same(key, k)` for one of `keys`; names sharing no word and no first
    letter are never the same, so most pairs are told apart without a spelling
    comparison."""
    if not key:
        return False
    first = key[0][:1]
    words = frozenset(key)
    for k in keys:  # a plain loop: called ~60,000 times on the Mali document, mostly for no match
        if k and (first == k[0][:1] or not words.isdisjoint(k)) and same(key, k):
            return True
    return False


def _supported(s: Sheet) -> set[str]:
    """Domains a sheet's own labels, actions and objectives speak of."""
    found = set(map_domains(s.domains_raw))
    for a in s.actions:
        found |= set(map_domain(a.domain_raw or "")) | set(domains_of_text(f"{a.title} {a.description or ''}"))
    found |= set(domains_of_text(s.objectives or ""))
    return found


MaliReader = CufRepertoireReader


def _reader() -> CufRepertoireReader:
    from ..registry import get

    return get("mali-repertoire-2008.txt").make_reader()


def parse(text: str, document: str) -> ParseResult:
    return _reader().parse(text, document)


def looks_like(text: str) -> bool:
    return _reader().looks_like(text)
