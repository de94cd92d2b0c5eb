"""URLs that hold the whole search state: each facet value's toggle link,
page links, and the JSON/HTML/CSV twins of a search (Datasette style)."""
from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote_plus

from werkzeug.datastructures import MultiDict

from indexer.facet_registry import registry

from .params import is_buster

PAIR_CACHE = 8192  # encoded pairs kept: every facet value of a 10x index, and the recent queries


@lru_cache(maxsize=PAIR_CACHE)
def _pair(key: str, value: str) -> str:
    """`key=value` exactly as urlencode writes it. Remembered because the same
    pairs recur on every answer (a search lists about a hundred facet values,
    the same ones request after request): quoting them afresh was most of the
    cost of building an answer's links."""
    return quote_plus(key) + "=" + quote_plus(value)


def kept(name: str) -> bool:
    """Whether a link carries a parameter on: not a cache buster (params.is_buster), which the API
    lets through and which was copied into every link, so a client following them sent the same
    buster on each."""
    return not is_buster(name)


def _encode(args: MultiDict) -> str:
    return "&".join(_pair(str(k), str(v)) for k, vs in args.lists() if kept(str(k)) for v in vs if v != "")


def url_with(path: str, args: MultiDict, **changes) -> str:
    """`path?args` with parameters replaced (None removes them); page resets unless given."""
    new = MultiDict(args)
    if "page" not in changes:
        new.pop("page", None)
    for k, v in changes.items():
        new.pop(k, None)
        if v is None:
            continue
        if isinstance(v, (list, tuple)):
            for x in v:
                new.add(k, str(x))
        else:
            new.add(k, str(v))
    qs = _encode(new)
    return f"{path}?{qs}" if qs else path


def not_filters() -> tuple[str, ...]:
    """What a listing is shown with, not what it is narrowed by: the words, the order, the page
    size and the kind of record listed (partnerships or actions, whose count the link gives)."""
    kind = registry().kind
    return ("q", "sort", "per_page") + ((kind.name,) if kind is not None else ())


def without_filters(path: str, args: MultiDict) -> str:
    """The same search with no filter (an empty listing's « Sans les filtres, la recherche donne … »,
    the API's `links.without_filters`, « Retirer tous les filtres »). The two links had two rules:
    one dropped the sort and the page size, the other the kind of record listed."""
    return url_with(path, MultiDict([(k, v) for k in not_filters() for v in args.getlist(k)]))


def as_read(args: MultiDict, filters: dict[str, list]) -> MultiDict:
    """`args` with each filter's values as the search read them (`status=réalisé` as `Réalisé`,
    `year=+2005` as `2005`), for the links that compare them with the facets' values: a chip of
    a filter given in another accepted spelling added the value again instead of removing it."""
    read: MultiDict = MultiDict()
    for name, values in args.lists():
        for v in ([str(x) for x in filters[name]] if name in filters else values):
            read.add(name, v)
    return read


def toggle_url(path: str, args: MultiDict, facet: str, value) -> str:
    """The URL with `value` added to (or removed from) the selection of `facet`."""
    new = MultiDict(args)
    new.pop("page", None)
    current = new.getlist(facet)
    sval = str(value)
    new.pop(facet, None)
    f = registry().get(facet)
    if f is not None and f.exclusive:  # one value at a time (the kind of record listed)
        kept = [] if sval in current else [sval]
    else:
        kept = [v for v in current if v != sval] if sval in current else current + [sval]
    for v in kept:
        new.add(facet, v)
    qs = _encode(new)
    return f"{path}?{qs}" if qs else path


def add_facet_links(facets: dict, path: str, args: MultiDict) -> dict:
    """Each value's toggle_url (as `toggle_url` makes it): the request's
    parameters are encoded once, not once per value (a search lists about a
    hundred values; encoding them all was a third of an API answer)."""
    pairs = [(k, _pair(str(k), str(v))) for k, vs in args.lists() if k != "page" and kept(str(k))
             for v in vs if v != ""]
    for facet, items in facets.items():
        current = args.getlist(facet)
        base = "&".join(p for k, p in pairs if k != facet)  # the toggled facet goes last, as toggle_url adds it
        f = registry().get(facet)
        exclusive = f is not None and f.exclusive
        encoded = {v: _pair(facet, v) for v in current if v != ""}
        selected = "&".join(encoded[v] for v in current if v != "")
        for item in items:
            sval = str(item["value"])
            if exclusive:
                tail = "" if sval in current or sval == "" else _pair(facet, sval)
            elif sval in current:
                tail = "&".join(encoded[v] for v in current if v != sval and v != "")
            elif sval == "":
                tail = selected
            else:
                tail = (selected + "&" if selected else "") + _pair(facet, sval)
            qs = f"{base}&{tail}" if base and tail else base or tail
            item["toggle_url"] = f"{path}?{qs}" if qs else path
    return facets
