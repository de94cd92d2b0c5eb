// Progressive enhancement of the search and map pages. Without JavaScript the
// page is a plain GET form with links; with it, results update as you type
// (debounced), facet, sort, paging and map links load in place, the address bar
// always holds the whole state (so it can be shared and the back button works:
// a typed query gets its own history entry, which later keystrokes replace until
// it is confirmed with Enter or settles), a link or form used in the results
// applies to the text in the box even before that text has been searched, and
// collectivity and place names (then domains, picked as their filter, and the
// sheets' words) are suggested from /api/suggest in an ARIA combobox (arrows,
// Enter, Escape; each suggestion is picked as the `query` the server gives it).
// After an in-place update the result count
// and the notices are announced in a polite live region, and the focus stays on
// the control that was used (or moves to the results). On a phone
// the filters open from a "Filtres" button above the results and close after a
// change, bringing the results back into view. Long facet lists get a box that
// filters their values; the map names the place under the pointer. The facet lists
// unfolded are part of the place, kept in each history entry with the scroll.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  var input = document.getElementById("q");
  var zone = document.getElementById("results-zone");
  var state = document.getElementById("form-state");
  var listbox = document.getElementById("q-suggestions");
  var suggestStatus = document.getElementById("suggest-status");
  var live = document.getElementById("live");
  if (!form || !input || !zone || !window.fetch || !window.URLSearchParams) return;
  document.documentElement.classList.add("js");

  var DEBOUNCE_MS = 300;
  // a typed query left this long (its results shown) is settled: the next typing makes a new entry
  var SETTLE_MS = 2000;
  var timer = null, suggestTimer = null, pending = null, lastUrl = location.pathname + location.search;
  var wantedUrl = lastUrl;  // the URL of the latest load asked for (shown, or on its way)
  // The current history entry was made by typing and is not settled: more typing replaces it. The
  // first typed load after a settled entry pushes, so Back returns to the results (and filters) before.
  var typedEntry = false, settleTimer = null;

  function settled() { clearTimeout(settleTimer); typedEntry = false; }
  // the typed entry settles once left alone, but not while its completions are being read: a pick
  // after reading them made the half-typed word (« eau kou ») an entry of its own, Back's first stop
  function settleLater() {
    clearTimeout(settleTimer);
    if (!listOpen()) settleTimer = setTimeout(settled, SETTLE_MS);
  }
  function listOpen() { return !!listbox && !listbox.hidden; }

  // The query of the results shown (the text of the box may be ahead of it while typing).
  function shownQuery() { return new URL(lastUrl, location.href).searchParams.get("q") || ""; }

  // The URL for the current text, keeping every other parameter (filters, sort).
  function urlFor(q) {
    var params = new URLSearchParams(location.search);
    if (q.trim()) params.set("q", q); else params.delete("q");
    params.delete("page");
    var qs = params.toString();
    return location.pathname + (qs ? "?" + qs : "");
  }

  var phone = window.matchMedia ? window.matchMedia("(max-width: 820px)") : { matches: false };

  function setFilters(open) {
    document.body.classList.toggle("filters-open", open);
    var toggle = document.getElementById("filters-toggle");
    if (toggle) toggle.setAttribute("aria-expanded", open ? "true" : "false");
  }

  function showResults() {
    var results = document.getElementById("resultats");
    if (!results) return;
    results.scrollIntoView({ block: "start" });
    results.focus({ preventScroll: true });
  }

  function cssString(s) { return '"' + String(s).replace(/["\\]/g, "\\$&") + '"'; }

  // Where the focus was, as a selector that finds the same control in the new results.
  function focusKey(el) {
    if (!el || !zone.contains(el)) return null;
    var toggle = el.closest(".toggle");
    var facet = el.closest("section.facet");
    if (toggle && facet) {
      return 'section.facet[data-facet=' + cssString(facet.getAttribute("data-facet")) + '] a.toggle[data-value=' +
        cssString(toggle.getAttribute("data-value")) + ']';
    }
    if (el.id) return "#" + (window.CSS && CSS.escape ? CSS.escape(el.id) : el.id);
    if (el.closest("#year-range")) return "#year_from";
    if (el.closest(".active-filters")) return ".active-filters a";
    var mark = el.closest(".mark");
    if (mark) return '.mark[data-label^=' + cssString(mark.getAttribute("aria-label")) + ']';
    return "";
  }

  // Back on the same control when it is still there (a ticked value, the sort
  // menu…), else on the results, whose label reads the new count.
  function restoreFocus(key) {
    if (key === null) return;
    var el = key ? zone.querySelector(key) : null;
    if (el) {
      var closed = el.closest("details:not([open])");
      if (closed) closed.open = true;
    }
    if (!el || !el.getClientRects().length) el = document.getElementById("resultats");
    if (el) el.focus({ preventScroll: true });
  }

  // The polite live region reads the count and the notices of the new results
  // (while typing, once the typing has paused a little longer, so as not to
  // read a count per word).
  var announceTimer = null, heldBack = false;
  var filterTimer = null;  // the count of a filter list's values left, read once the typing in its box pauses

  // A word being typed while its completions are offered: results that say nothing has the
  // half-typed word (no result, or « kou » among the query's unknown words while Koulikoro is
  // offered) are not read; they are once the list closes without a pick (Escape, or no completion
  // for the word typed on). The server says both as data (#announce's data-total, data-unknown-words).
  function halfTyped(source) {
    if (source.getAttribute("data-total") === "0") return true;
    var unknown = JSON.parse(source.getAttribute("data-unknown-words") || "[]");
    return unknown.indexOf(input.value.trim().split(/\s+/).pop()) >= 0;
  }
  function announce(typing) {
    var source = document.getElementById("announce");
    if (!live || !source) return;
    var text = source.textContent.replace(/\s+/g, " ").trim();
    heldBack = typing && listOpen() && halfTyped(source);
    if (heldBack) return;
    clearTimeout(announceTimer);
    clearTimeout(filterTimer);  // the count of a filter list's values, typed before, is of the list replaced
    live.textContent = "";
    announceTimer = setTimeout(function () { live.textContent = text; }, typing ? 700 : 60);
  }

  // How a load goes into the history: "push" (a link, a filter, the sort: its own entry), "type"
  // (typing: the typed entry, replaced while it is not settled), "confirm" (Enter, a picked suggestion:
  // the typed entry if there is one, else a new one; settled), "pop" (Back and Forward: none).
  function record(url, how) {
    if (how === "pop") return;  // (the entry is there, its lists checked by keepUnfolded)
    var same = url === location.pathname + location.search;  // never two entries alike in a row
    var st = { unfolded: unfoldedLists() };  // the entry is written once, with its lists (read1 r50, #4)
    if (how === "push") {
      if (same) history.replaceState(st, "", url); else history.pushState(st, "", url);
      settled();
    } else if (how === "type") {
      if (typedEntry || same) history.replaceState(st, "", url);
      else { history.pushState(st, "", url); typedEntry = true; }
      settleLater();
    } else if (how === "confirm") {
      if (typedEntry || same) history.replaceState(st, "", url); else history.pushState(st, "", url);
      settled();
    }
  }

  // An answer with no results (the 429 of a rate limit, a server's error page): its message in place
  // of the results (it was dropped, and the click did nothing); a page with no message: loaded in full
  function showError(doc, url) {
    var message = doc.querySelector("main .error-message") || doc.querySelector("main h1");  // (its code is not said)
    if (!message || !message.textContent.trim()) { location.assign(url); return; }
    var p = document.createElement("p");
    p.className = "error";
    p.setAttribute("role", "alert");
    p.textContent = message.textContent.replace(/\s+/g, " ").trim();
    zone.removeAttribute("aria-busy");  // no longer loading: the alert below is read out, not held back
    zone.replaceChildren(p);
    wantedUrl = null;  // the results shown are none of the URLs: the next load, even of the same, goes ahead
  }

  // The connection failed (a phone out of coverage, the server gone): a tick, a page or a typed search did
  // nothing, without a word. The results shown stay, under a message read out at once, with a link that
  // tries again; the focus goes to that link, except while typing (the message is under the box).
  function showFailure(url, how) {
    zone.removeAttribute("aria-busy");  // (as showError)
    var box = document.getElementById("load-failed");
    if (!box) {
      box = document.createElement("p");
      box.id = "load-failed";
      box.className = "error";
      box.setAttribute("role", "alert");
      zone.insertBefore(box, zone.firstChild);
    }
    var retry = document.createElement("a");
    retry.href = url;
    retry.textContent = "Réessayer";
    box.replaceChildren("Les résultats n'ont pas pu être chargés\u202f: la connexion au serveur a échoué. ", retry);
    if (how !== "type") retry.focus();
  }

  function load(url, how, after, place) {
    // Enter on the results already shown (typed, then searched as typed) only settles their entry
    if (how === "confirm" && url === lastUrl && url === wantedUrl) { settled(); return; }
    // nothing to do when these results are shown or on their way; but a URL shown
    // while another is on its way must be loaded again (typing "ab", then back to "a");
    // a confirmed query on its way is loaded again, to be recorded as confirmed
    if (url === wantedUrl && how !== "pop" && how !== "confirm") return;
    wantedUrl = url;
    if (pending) pending.abort();
    var mine = pending = window.AbortController ? new AbortController() : null;
    document.body.classList.add("loading");
    zone.setAttribute("aria-busy", "true");  // (the page's dimming was the only sign: QA12)
    fetch(url, { signal: pending ? pending.signal : undefined, headers: { "Accept": "text/html" } })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.getElementById("results-zone");
        if (!fresh) { showError(doc, url); return; }
        var key = focusKey(document.activeElement);
        if (how !== "pop") remember();  // the place left, before the new results change the page's height
        var unfolded = how === "pop" ? place && place.unfolded : sameSearch(url) ? unfoldedLists() : [];
        zone.innerHTML = fresh.innerHTML;
        if (Array.isArray(unfolded)) unfold(unfolded, how === "pop");
        var freshState = doc.getElementById("form-state");
        if (state && freshState) state.innerHTML = freshState.innerHTML;
        document.title = doc.title;
        lastUrl = url;
        record(url, how);
        if (how === "pop") keepUnfolded();  // (the lists the entry kept, where some could not be shown)
        if (how === "pop") { var fq = doc.getElementById("q"); if (fq) input.value = fq.value; }
        bindSort();
        setFilters(false);
        restoreFocus(key);
        if (how === "pop" && place && place.inFilters) showResults();
        else if (how === "pop" && place && typeof place.scrollY === "number") window.scrollTo(0, place.scrollY);
        announce(how === "type");
        if (after) after();
      })
      .catch(function (err) {  // aborted (a newer load is on its way), or the connection failed: said
        if (err && err.name === "AbortError") return;
        wantedUrl = lastUrl;
        if (pending === mine) showFailure(url, how);
      })
      .then(function () {  // still "loading" while a newer load is on its way
        if (pending === mine) {
          pending = null;
          document.body.classList.remove("loading");
          zone.removeAttribute("aria-busy");
        }
      });
  }

  // Typing: one entry for the typed query, replaced keystroke after keystroke (the back button does
  // not replay every keystroke, and goes back to the results before the typing).
  input.addEventListener("input", function () {
    clearTimeout(timer);
    clearTimeout(settleTimer);  // still typing: the typed entry is not settled
    timer = setTimeout(function () { load(urlFor(input.value), "type"); }, DEBOUNCE_MS);
    suggest();
  });

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    clearTimeout(timer);
    load(urlFor(input.value), "confirm");
  });

  // A link of the results that keeps their query (a facet, a chip, a page) applies to the text in
  // the box when it was typed since (its debounced search may not have gone out): ticking a facet
  // right after typing searched the old words and put them back in the box. Its page is then the first.
  function withTypedQuery(target) {
    var shown = shownQuery();
    if ((target.searchParams.get("q") || "") !== shown || input.value === shown) return false;
    if (input.value.trim()) target.searchParams.set("q", input.value); else target.searchParams.delete("q");
    target.searchParams.delete("page");
    return true;
  }

  // Links inside the results (facets, filters, paging, did-you-mean, map) load in place.
  zone.addEventListener("click", function (ev) {
    if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    var a = ev.target.closest ? ev.target.closest("a[href]") : null;
    if (!a) return;
    if (a.id === "filters-toggle") {  // phones: the filters open above the results
      ev.preventDefault();
      var open = !document.body.classList.contains("filters-open");
      setFilters(open);
      if (open) {
        var panel = document.getElementById("filtres");
        var heading = document.getElementById("h-filtres");
        if (panel) panel.scrollIntoView({ block: "start" });
        if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus({ preventScroll: true }); }
      }
      return;
    }
    if (a.id === "filters-done") { ev.preventDefault(); setFilters(false); showResults(); return; }
    var href = a.getAttribute("href") || a.getAttribute("xlink:href");
    if (!href || href.charAt(0) === "#") return;
    var target = new URL(href, location.href);
    if (target.origin !== location.origin || target.pathname !== location.pathname) return;
    ev.preventDefault();
    clearTimeout(timer);  // the typed text goes with the link (withTypedQuery), not after it
    closeList();
    if (!withTypedQuery(target)) {  // a link to another query (did you mean…): the box shows it
      var q = target.searchParams.get("q");
      if (q !== null && q !== input.value) input.value = q;
    }
    // after a change made in the filters on a phone, come back to the results
    // (and after a change of page, at any size: the new page starts at its top)
    var back = a.closest(".pager") || (phone.matches && a.closest("#filtres, .active-filters"));
    load(target.pathname + target.search, "push", back ? showResults : null);
  });

  // Forms inside the results (the year range) load in place too; empty fields are left out.
  zone.addEventListener("submit", function (ev) {
    var f = ev.target;
    if (!f.classList || !f.classList.contains("inplace")) return;
    ev.preventDefault();
    clearTimeout(timer);
    var params = new URLSearchParams();
    if (input.value.trim()) params.set("q", input.value);  // the text in the box, as the sort menu does
    new FormData(f).forEach(function (v, k) { if (k !== "q" && String(v).trim() !== "") params.append(k, v); });
    var qs = params.toString();
    load(location.pathname + (qs ? "?" + qs : ""), "push", phone.matches ? showResults : null);
  });

  // A box above a long facet list keeps the values whose label holds each word typed, in any
  // order (accents, case, hyphens and apostrophes ignored; `st`, `ste` for Saint, Sainte), opening
  // the "other values" part when needed: `saint denis`, `ile de france`, `eau assain` and `dev eco`
  // found nothing, the whole text typed being looked for as one piece (UX r56).
  function fold(s) {
    return " " + s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, " ").trim() + " ";
  }
  function holds(label, word) {
    return label.indexOf(word) >= 0 || (word === "st" && label.indexOf(" saint ") >= 0)
      || (word === "ste" && label.indexOf(" sainte ") >= 0);
  }
  zone.addEventListener("input", function (ev) {
    var box = ev.target;
    if (!box.classList || !box.classList.contains("facet-filter-input")) return;
    var section = box.closest("section.facet");
    var key = fold(box.value).trim(), words = key ? key.split(" ") : [];
    var shown = 0, values = section.querySelectorAll("ul.values > li");
    values.forEach(function (li) {
      var label = li.querySelector(".label"), text = label ? fold(label.textContent) : "";
      var keep = !key || (label && words.every(function (w) { return holds(text, w); }));
      li.hidden = !keep;
      if (keep) shown += 1;
    });
    var more = section.querySelector("details.more");
    if (more && key) more.open = true;
    var none = section.querySelector(".facet-none");
    if (none) none.hidden = shown > 0;
    // what is left is read out too (a screen reader heard nothing of the list it was narrowing)
    clearTimeout(filterTimer);
    filterTimer = setTimeout(function () {
      if (!live) return;
      live.textContent = !key ? "" : shown === 0 ? "Aucune valeur ne correspond."
        : (shown === 1 ? "1 valeur" : shown + " valeurs") + " sur " + values.length + ".";
    }, 500);
  });

  // The map names the place under the pointer (or focused) in its caption.
  function mapInfo(ev) {
    var mark = ev.target.closest ? ev.target.closest(".mark") : null;
    var info = document.getElementById("map-info");
    if (mark && info) info.textContent = mark.getAttribute("data-label");
  }
  zone.addEventListener("mouseover", mapInfo);
  zone.addEventListener("focusin", mapInfo);

  // Facet values are links with role="checkbox": let Space tick them as it would a checkbox.
  zone.addEventListener("keydown", function (ev) {
    if ((ev.key === " " || ev.key === "Spacebar") && ev.target.getAttribute && ev.target.getAttribute("role") === "checkbox") {
      ev.preventDefault();
      ev.target.click();
    }
  });

  function bindSort() {
    var sortForm = document.getElementById("sort-form");
    var select = document.getElementById("sort");
    if (!sortForm || !select) return;
    // The arrows on the closed menu change its value at each press: the order is applied when it is
    // chosen (Enter, or leaving the menu), not at each option looked at, which ran a search and added
    // a history entry each; a click in the open menu applies at once.
    // (an arrow's change comes within its keydown: `arrowed` tells it from a pick's, whatever the
    // pointer did before)
    var applied = select.value, pending = false, arrowed = false;
    function apply() {
      pending = false;
      if (select.value === applied) return;
      applied = select.value;
      clearTimeout(timer);
      var params = new URLSearchParams(new FormData(sortForm));
      params.set("q", input.value);
      if (!input.value.trim()) params.delete("q");
      load(location.pathname + "?" + params.toString(), "push");
    }
    select.addEventListener("keydown", function (ev) {
      if (/^(Arrow)?(Up|Down|Left|Right)$|^(Home|End|PageUp|PageDown)$/.test(ev.key) && !ev.altKey) {
        arrowed = true;
        setTimeout(function () { arrowed = false; }, 0);
      } else if (ev.key === "Enter") { ev.preventDefault(); apply(); }
    });
    select.addEventListener("change", function () { if (arrowed) pending = true; else apply(); });
    select.addEventListener("blur", function () { if (pending) apply(); });
    sortForm.addEventListener("submit", function (ev) { ev.preventDefault(); apply(); });
  }
  bindSort();
  setFilters(false);  // the phone's "Filtres" button says whether the panel is open

  // Back and Forward come back to the place left on the page, not only to its address: the browser
  // puts the scroll back before the entry's results are loaded, so on the results being left, often
  // shorter (a page 2 of short records), and the place was cut to their height (the pager of page 1
  // came back 4 000 px above it). Each entry keeps its place in its state, put back once its results are in.
  // A place in the phone's filters (closed by the change, and again by the load) is no place in the
  // results: the entry's results are shown from their top, as after the change.
  var placeTimer = null;
  function remember() {
    clearTimeout(placeTimer);
    try {
      var st = history.state && typeof history.state === "object" ? history.state : {};
      var inFilters = phone.matches && document.body.classList.contains("filters-open");
      if (st.scrollY === window.scrollY && !!st.inFilters === inFilters) return;
      history.replaceState(Object.assign({}, st, { scrollY: window.scrollY, inFilters: inFilters }), "");
    } catch (e) { /* a browser that limits the calls: the place is only not kept */ }
  }
  window.addEventListener("scroll", function () {
    clearTimeout(placeTimer);
    if (!pending) placeTimer = setTimeout(remember, 250);  // (while a load is on its way, the page is not yet its own)
  }, { passive: true });

  // The facet lists unfolded (« 12 autres valeurs », « Liste des années », the chart's table) are part of
  // the place too: the results zone, facets included, is replaced in place, and they came back folded on
  // every page (QA19, r49). Each entry keeps the lists its page shows open (`unfolded`), written when one
  // is opened or closed. A page, a tick or a sort of the same search carries them into its entry; another
  // query starts folded; Back, Forward and a reload show the entry's lists as they were left.
  var LISTS = "section.facet[data-facet] details";
  function listKey(det) {
    var section = det.closest("section.facet");
    return section.getAttribute("data-facet") + "|" + Array.prototype.indexOf.call(section.querySelectorAll("details"), det);
  }
  function unfoldedLists() {
    return Array.prototype.filter.call(zone.querySelectorAll(LISTS), function (det) { return det.open; }).map(listKey);
  }
  // `exact`: the lists not named are folded (an entry shown again), else left as the server sends them
  // (a year ticked opens the list of years)
  function unfold(keys, exact) {
    zone.querySelectorAll(LISTS).forEach(function (det) {
      var open = keys.indexOf(listKey(det)) >= 0;
      if (open || exact) det.open = open;
    });
  }
  function sameSearch(url) {
    return (new URL(url, location.href).searchParams.get("q") || "").trim() === shownQuery().trim();
  }
  function keepUnfolded() {
    if (lastUrl !== location.pathname + location.search) return;  // gone Back: the entry's page is on its way
    try {
      var st = history.state && typeof history.state === "object" ? history.state : {};
      var lists = unfoldedLists();
      // (the toggles that unfold() and a load queue find the entry already right: no write)
      if (Array.isArray(st.unfolded) && st.unfolded.join("\n") === lists.join("\n")) return;
      history.replaceState(Object.assign({}, st, { unfolded: lists }), "");
    } catch (e) { /* (as remember) */ }
  }
  zone.addEventListener("toggle", function (ev) { if (ev.target.matches(LISTS)) keepUnfolded(); }, true);
  if (history.state && Array.isArray(history.state.unfolded)) unfold(history.state.unfolded, true);  // a reload

  window.addEventListener("popstate", function (ev) {
    clearTimeout(timer);  // a typed search still to go out would replace the entry gone back to
    clearTimeout(placeTimer);
    settled();
    load(location.pathname + location.search, "pop", null, ev.state && typeof ev.state === "object" ? ev.state : null);
  });

  // Autocomplete on the word being typed, as an ARIA combobox: the options are
  // the whole query with that word replaced by a name, so picking one keeps the
  // other words. Down and Up move through them (the focus stays in the box,
  // aria-activedescendant says which is current), Enter picks, Escape closes.
  var options = [], active = -1;
  if (listbox) {
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", listbox.id);
    input.setAttribute("aria-expanded", "false");
  }

  function setActive(i) {
    active = i;
    clearTimeout(settleTimer);  // reading the completions is no pause in the typing
    options.forEach(function (o, j) {
      o.el.setAttribute("aria-selected", j === i ? "true" : "false");
      o.el.classList.toggle("active", j === i);
    });
    if (i >= 0) {
      input.setAttribute("aria-activedescendant", options[i].el.id);
      options[i].el.scrollIntoView({ block: "nearest" });
    } else input.removeAttribute("aria-activedescendant");
  }

  function closeList() {
    if (!listbox) return;
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
    setActive(-1);
    if (suggestStatus) suggestStatus.textContent = "";  // it said « N suggestions : flèches… » after closing (QA12)
    if (typedEntry) settleLater();
    if (heldBack) announce(true);
  }

  function openList() {
    if (!listbox || !options.length) return;
    listbox.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function pick(i) {
    var value = options[i].value;
    heldBack = false;  // the picked name's results are read instead
    closeList();
    options = [];
    if (listbox) listbox.innerHTML = "";
    input.value = value;
    clearTimeout(timer);
    clearTimeout(suggestTimer);
    load(urlFor(value), "confirm");
  }

  function showOptions(list) {
    listbox.innerHTML = "";
    options = list;
    list.forEach(function (o, i) {
      var li = document.createElement("li");
      li.id = "q-option-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      var name = document.createElement("span");
      name.className = "name";
      name.textContent = o.name;
      var what = document.createElement("span");
      what.className = "what";
      what.textContent = o.what;
      li.appendChild(name);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(what);
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); });  // keep the focus in the box
      li.addEventListener("click", function () { pick(i); });
      o.el = li;
      listbox.appendChild(li);
    });
    active = -1;
    if (list.length) openList(); else closeList();
    if (suggestStatus) {
      suggestStatus.textContent = list.length
        ? (list.length === 1 ? "1 suggestion" : list.length + " suggestions") + " : flèches haut et bas pour choisir, Entrée pour valider."
        : "";
    }
  }

  // The words typed last, sent to /api/suggest (at most 6, after a filter or a quote): the
  // server says how many of them each suggestion replaces (`replaces`).
  var SUGGESTED_WORDS = 6;
  function typedTail(words) {
    var tail = [];
    for (var i = words.length - 1; i >= 0 && tail.length < SUGGESTED_WORDS; i--) {
      if (/[:"()]/.test(words[i]) || !words[i]) break;
      tail.unshift(words[i]);
    }
    return tail;
  }

  function suggest() {
    if (!listbox) return;
    clearTimeout(suggestTimer);
    var words = input.value.split(/\s+/);
    var last = words[words.length - 1];
    // a prefix's value being typed (`pays:ma`, `region:"District de B`, `(pays:ma`, or a value in a prefix's
    // open group, `domaine:(Santé OR cu`): the clause is sent whole, with its group's prefix, and the server
    // offers that prefix's values (search_app/views.py, _prefix_values). The box keeps its own copy of the
    // server's OPEN_CLAUSE: it must know before any request what to send (the clause, not the last words)
    // and, on a pick, which characters the server's `query` replaces (the clause, or the value in the group:
    // the parenthesis and what precedes stay)
    var clause = input.value.match(/(?:^|[\s(])(?:((-?)([^\s:"()]+):(?:"([^"]*)|([^\s"()]*)))|(-?)([^\s:"()]+):\((?:[^()"]|"[^"]*")*?(?:(?<=\()|(?<=\s))("([^"]*)|((?:(?!(?:OR|OU)\s)[^\s"():]+\s+)*[^\s"():]*)))$/);
    var replacedText = clause ? (clause[1] !== undefined ? clause[1] : clause[8]) : "";
    var tail = clause ? clause[0].replace(/^\s+/, "").split(/\s+/) : typedTail(words);
    // inside an open quote the words are a phrase being typed: a pick would break it
    var openQuote = (input.value.match(/"/g) || []).length % 2 === 1;
    var begun = last.length >= 2 || (last.length === 1 && tail.length > 1);
    if (!clause && (!begun || !tail.length || tail[tail.length - 1] !== last || openQuote)) { showOptions([]); return; }
    suggestTimer = setTimeout(function () {
      var typed = input.value;
      fetch("/api/suggest?q=" + encodeURIComponent(tail.join(" ")))
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (data) {
          if (input.value !== typed || document.activeElement !== input) return;  // typed on meanwhile
          var seen = {}, list = [];
          (data.suggestions || []).forEach(function (s) {
            // what picking puts in the box, and in place of how many typed words, is the server's
            // to say (engine/autocomplete.py): a domain's filter (domaine:"Santé"), a collectivity's
            // prefix (collectivité:"…"), a place's name
            var replaced = Math.min(Math.max(s.replaces || 1, 1), tail.length);
            var value = clause ? typed.slice(0, typed.length - replacedText.length) + (s.query || s.name)
                               : words.slice(0, words.length - replaced).concat([s.query || s.name]).join(" ");
            if (seen[value]) return;
            seen[value] = true;
            list.push({ value: value, name: s.name,
                        what: (s.kind === "domaine" || s.kind === "lieu" || s.kind === "mot" ? s.kind : "collectivité")
                              + (s.country ? ", " + s.country : "") });
          });
          showOptions(list);
        })
        .catch(function () {});
    }, 120);
  }

  input.addEventListener("keydown", function (ev) {
    if (!listbox) return;
    var open = !listbox.hidden;
    if (ev.key === "ArrowDown" || ev.key === "Down") {
      if (!options.length) return;
      ev.preventDefault();
      if (!open) { openList(); setActive(0); } else setActive(active + 1 < options.length ? active + 1 : -1);
    } else if (ev.key === "ArrowUp" || ev.key === "Up") {
      if (!open) return;
      ev.preventDefault();
      setActive(active > 0 ? active - 1 : (active === 0 ? -1 : options.length - 1));
    } else if (ev.key === "Enter") {
      if (open && active >= 0) { ev.preventDefault(); pick(active); } else closeList();
    } else if (ev.key === "Escape" || ev.key === "Esc") {
      if (open) { ev.preventDefault(); closeList(); }  // a second Escape clears the box, as usual
    } else if (ev.key === "Tab") {
      closeList();
    }
  });
  // Leaving the box closes the list (a little later, so that a click on an option counts).
  var blurTimer = null;
  input.addEventListener("blur", function () { blurTimer = setTimeout(closeList, 150); });
  input.addEventListener("focus", function () { clearTimeout(blurTimer); });
})();
