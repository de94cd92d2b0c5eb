"""What the commands print for a person at a terminal: the index build's summary, and the
results of a search (with --explain, how each score was made), in French like the pages."""
from __future__ import annotations

import sys
import textwrap

from indexer.action_ids import IdWarning
from indexer.facet_registry import registry
from search_app.formatting import datetime, duration_ms, field_label, number, plural, year_span

TITLE_WIDTH = 90  # an action's title under its result, at most


def print_build_summary(result, show_warnings: bool = False, out=None) -> None:
    """Per document: its sheets, entries only listed (« Simple mention »), sheets merged into
    another document's, partnerships, actions and warnings; then where the domains came from,
    the planned years, and the first warnings (all of them with --warnings)."""
    out = out or sys.stdout
    corpus = result.corpus
    documents = plural(result.documents, "document indexé", "documents indexés")
    print(f"Index construit en {number(result.seconds, 2)} s : {plural(len(corpus.partnerships), 'partenariat')}, "
          f"{plural(len(corpus.actions), 'action')} ({documents}) -> {result.generation}", file=out)
    counts = result.counts()["by_source"]
    header = f"  {'document':<45} {'fiches':>6} {'listés':>6} {'fusion.':>7} {'partn.':>6} {'actions':>7} {'avert.':>6}"
    print(header, file=out)
    for r in corpus.reports:
        if not r.ok:
            print(f"  {r.document:<45} ERREUR : {r.error}", file=out)
            print(f"      {kept_line(r.kept)}", file=out)
            for w in r.warnings:
                print(f"      {w}", file=out)
            continue
        s = r.stats
        c = counts.get(r.document, {})
        print(f"  {r.document:<45} {s.get('sheets', 0):>6} {s.get('listed', 0):>6} {s.get('merged', 0):>7} "
              f"{c.get('partnerships', 0):>6} {c.get('actions', 0):>7} {len(r.warnings):>6}", file=out)
        sources = {k[len("domains: "):]: v for k, v in s.items() if k.startswith("domains: ")}
        if sources:
            print("      domaines donnés par : " + ", ".join(f"{k} {v}" for k, v in sources.items()), file=out)
        if r.planned:
            print(f"      années prévues (après la date du document, hors du filtre « Année ») : "
                  f"{len(r.planned)}", file=out)
            for line in r.planned if show_warnings else []:
                print(f"        {line}", file=out)
        shown = r.warnings if show_warnings else first_warnings(r.warnings)
        for w in shown:
            print(f"      avertissement : {w}", file=out)
        if len(r.warnings) > len(shown):
            rest = plural(len(r.warnings) - len(shown), "autre avertissement")
            print(f"      … {rest} (--warnings les affiche)", file=out)
    unread = [r for r in corpus.reports if not r.ok]
    if unread:
        which = plural(len(unread), "document n'a pu être lu", "documents n'ont pu être lus")
        # what the index holds of them: an earlier build's records, or none (no earlier index had them)
        kept = [r.document for r in unread if r.kept and (r.kept.get("partnerships") or r.kept.get("actions"))]
        if not kept:
            holds = "l'index n'a aucune de " + ("ses" if len(unread) == 1 else "leurs") + " fiches"
        elif len(kept) == len(unread):
            holds = ("ses" if len(unread) == 1 else "leurs") + " fiches sont celles d'une construction antérieure"
        else:
            holds = f"l'index garde les fiches d'une construction antérieure pour {', '.join(kept)}"
        print(f"Index incomplet : {which} ({', '.join(r.document for r in unread)}) ; {holds}, "
              "et les pages le disent.", file=out)


def first_warnings(warnings: list[str]) -> list[str]:
    """The warnings shown without --warnings: every one of the action ids' ledger (each names an id
    that is new, retired or given back, whose links change: a retirement hidden behind « … 1 autre
    avertissement » turned links into 410s unseen, QA r44, audit 9, defect 7), and the first three
    others, in the document's order."""
    others = [w for w in warnings if not isinstance(w, IdWarning)][:3]
    return [w for w in warnings if isinstance(w, IdWarning) or w in others]


def kept_line(kept: dict | None) -> str:
    """What the index keeps of a document it could not read: `gardées de l'index précédent :
    78 partenariats, 0 action, lues le 6 décembre 2026 à 10 h 37 (UTC)`."""
    if not kept:
        return "aucune fiche de ce document dans l'index (l'index précédent n'en avait pas)"
    when = f", lues le {datetime(kept['read_at'])}" if kept.get("read_at") else ""
    return (f"fiches gardées de l'index précédent : {plural(kept['partnerships'], 'partenariat')}, "
            f"{plural(kept['actions'], 'action')}{when}")


def _strip_marks(html: str) -> str:
    import html as h
    import re

    return h.unescape(re.sub(r"</?mark>", "*", html or ""))


VIA_LABELS = {"word": "mot", "phrase": "expression", "words": "mots", "family": "famille",
              "synonym": "synonyme", "narrower": "terme plus précis", "typo": "orthographe proche",
              "year": "année de début", "active": "année d'activité", "place": "lieu", "truncated": "début de mot"}


def _num(x: float) -> str:
    """A score the French way, at most two decimals."""
    return number(x, 2, trimmed=True)


def _explain_document(e: dict, indent: str = "  ") -> list[str]:
    parts = (f"mots {_num(e['words_score'] / e['coordination'] if e['coordination'] else 0)}"
             f" × coordination {_num(e['coordination'])} (couverture {_num(e['coverage'])})"
             f" + proximité {_num(e['proximity'])} + nom {_num(e['name'])}")
    if "abroad" in e:  # the query calls the collectivity French, this one's "French" side is abroad
        parts = f"({parts}) × {_num(e['abroad'])} (partie « française » à l'étranger)"
    if "off_domain" in e:  # a fill (or the fallback in the place): lacks the topic and is not filed under its domain
        parts = f"({parts}) × {_num(e['off_domain'])} (complément hors du domaine du sujet)"
    lines = [f"{indent}{parts} = {_num(e['score'])}"]
    for w in e["words"]:
        light = ", mot d'action : pèse peu" if w.get("light") else ""
        cap = f", lieu plafonné à {_num(w['place_cap'])}" if "place_cap" in w else ""  # place + topic query
        formal = ", accord de l'année : compté présent" if w.get("formalised") else ""
        head = f"{indent}  « {w['text']} » (rareté {_num(w['weight'])}{light}{cap}{formal}) : {_num(w['score'])}"
        if not w["matches"]:
            lines.append(head + ("" if formal else ", absent"))
            continue
        lines.append(head)
        for m in w["matches"]:
            fields = ", ".join(f"{field_label(f)} {_num(v)}" for f, v in m.get("fields", {}).items())
            grade = f" × {_num(m['grade'])}" if m["grade"] != 1.0 else ""
            factor = f", rareté ramenée × {_num(m['factor'])}" if m["factor"] != 1.0 else ""
            of = f" de l'orthographe proche « {m['corrects']} »" if m.get("corrects") else ""  # typo × its grade
            lines.append(f"{indent}    {VIA_LABELS.get(m['via'], m['via'])} « {m['text']} »{of}{grade}{factor} : "
                         f"{_num(m['score'])}" + (f" ({fields})" if fields else ""))
    return lines


def explain_lines(e: dict) -> list[str]:
    """The --explain view of one result (French, like the rest of the output)."""
    lines = [f"score {_num(e['score'])} :"]
    if e.get("own"):
        lines.append("  le document lui-même :")
        lines += _explain_document(e["own"], "    ")
    else:
        why = "listé pour le lieu qui l'englobe" if "surrounds" in e else "trouvé par ses actions"
        lines.append(f"  le document lui-même : rien ({why})")
    a = e.get("action")
    if a:
        other = f" × {_num(a['other_year'])} (d'une autre année)" if "other_year" in a else ""
        lines.append(f"  + meilleure action {a['id']} : {_num(a['score'])} × part {_num(a['share'])}{other}"
                     f" = {_num(a['added'])}")
        if a.get("own"):
            lines += _explain_document(a["own"], "    ")
    lent = e.get("partnership")
    if lent:  # an action listing: a share of its partnership's own score
        lines.append(f"  + son partenariat {lent['id']} : {_num(lent['score'])} × part {_num(lent['share'])}"
                     f" = {_num(lent['added'])}")
    if "outside_domain" in e:  # a domain filter, and none of the partnership's actions in it has the words
        lines.append(f"  × {_num(e['outside_domain'])} (aucune de ses actions du domaine choisi n'a ces mots)")
    if "surrounds" in e:  # listed after the place the query names, as its partner encloses it
        lines.append(f"  score fixé sous les résultats du lieu demandé : le partenaire est {e['surrounds']},"
                     " qui l'englobe")
    return lines


def shorten(text: str, width: int = TITLE_WIDTH) -> str:
    """`text` in at most `width` characters: cut after a whole word, with « … » (an action's
    title was cut mid-word: « … élaboration de solutions pour la »)."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    head = text[: width - 1]
    if text[width - 1] != " " and " " in head:  # in the middle of a word: back to its start
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,;:") + "…"


def count_line(r: dict) -> str:
    """`12 partenariats pour « eau » (3 ms)`, counted as the page counts them (actions when only
    actions are listed; « Aucun résultat » for none); an empty query lists the whole repertoire:
    `297 partenariats (2 ms)`, not `297 résultats pour «  »`."""
    q = r["query"]
    unit = "action" if q.get("type") == "action" else "partenariat"
    words = f" pour « {q['q']} »" if q["q"].strip() else ""
    count = plural(r["total"], unit) if r["total"] else "Aucun résultat"
    return f"{count}{words} ({duration_ms(r['took_ms'])})"


def print_results(r: dict, out=None) -> None:
    out = out or sys.stdout
    q = r["query"]
    print(count_line(r), file=out)
    for n in q["notices"]:
        print(f"  note : {n}", file=out)
    if r.get("suggestion"):
        print(f"  Vouliez-vous dire : {r['suggestion']} ?", file=out)
    first = (r["page"] - 1) * r["per_page"]
    for i, hit in enumerate(r["results"], first + 1):
        where = ", ".join(x for x in [hit.get("region"), ", ".join(hit["countries"])] if x)
        years = year_span(hit["years"]) or "s.d."  # as the page: one year alone, not « 2000–2000 »
        print(f"\n{i:>3}. {hit['title']}  [{where}] {years}  (score {_num(hit['score'])})", file=out)
        if hit["domains"]:
            print(f"     domaines : {', '.join(hit['domains'])}", file=out)
        if hit.get("snippet"):
            for line in textwrap.wrap(_strip_marks(hit["snippet"]), 92):
                print(f"     {line}", file=out)
        for a in hit.get("actions", []):
            print(f"       ↳ {shorten(a['title'])}", file=out)
        print(f"     id : {hit['id']}", file=out)
        if hit.get("explain"):
            for line in explain_lines(hit["explain"]):
                print(f"     {line}", file=out)
    if r.get("completions"):
        print(f"\nPour compléter ({len(r['completions'])}) :", file=out)
        for hit in r["completions"]:
            why = [f"proche de : {hit['similar_to']['title']}"] if hit.get("similar_to") else []
            why += [hit["completes_domain"]] if hit.get("completes_domain") else []
            why += [f"emploie « {hit['completes_term']} »"] if hit.get("completes_term") else []
            print(f"  - {hit['title']}" + (f"  [{' ; '.join(why)}]" if why else ""), file=out)
            for a in hit.get("actions", []):
                print(f"       ↳ {shorten(a['title'])}", file=out)
            print(f"     id : {hit['id']}", file=out)
    facets = r.get("facets") or {}
    for name in ("country", "domain", "region"):  # under the labels the page shows (« Pays : Maroc (6) »)
        vals = [f"{v['value']} ({v['count']})" for v in facets.get(name, [])[:8]]
        if vals:
            print(f"\n{registry()[name].label} : " + ", ".join(vals), file=out)
