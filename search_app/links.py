"""URLs that hold the whole search state: each facet value's toggle link,
page links, and the JSON/HTML/CSV twins of a search (Datasette style)."""
from __future__ import annotations

from urllib.parse import quote_plus, urlencode

from werkzeug.datastructures import MultiDict

from indexer.facet_registry import registry


def _encode(args: MultiDict) -> str:
    items = [(k, v) for k, vs in args.lists() for v in vs if v != ""]
    return urlencode(items)


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
    """Each value's toggle_url (as `toggle_url` makes it): the other parameters
    are encoded once per facet, not once per value (a search lists about a
    hundred values; encoding them all was a third of an API answer)."""
    for facet, items in facets.items():
        rest = MultiDict(args)
        rest.pop("page", None)
        current = rest.getlist(facet)
        rest.pop(facet, None)
        base = _encode(rest)  # the toggled facet goes last, as toggle_url adds it
        f = registry().get(facet)
        exclusive = f is not None and f.exclusive
        key = quote_plus(facet) + "="  # each pair as urlencode writes it
        encoded = {v: key + quote_plus(v) for v in current if v != ""}
        selected = "&".join(encoded[v] for v in current if v != "")
        for item in items:
            sval = str(item["value"])
            if exclusive:
                tail = "" if sval in current or sval == "" else key + quote_plus(sval)
            elif sval in current:
                tail = "&".join(encoded[v] for v in current if v != sval and v != "")
            elif sval == "":
                tail = selected
            else:
                tail = (selected + "&" if selected else "") + key + quote_plus(sval)
            qs = f"{base}&{tail}" if base and tail else base or tail
            item["toggle_url"] = f"{path}?{qs}" if qs else path
    return facets
