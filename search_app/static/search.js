// Progressive enhancement of the search and map pages. Without JavaScript the
// page is a plain GET form with links; with it, results update as you type
// (debounced), facet, sort, paging and map links load in place, the address bar
// always holds the whole state (so it can be shared and the back button works),
// and collectivity and place names are suggested from /api/suggest. On a phone
// the filters open from a "Filtres" button above the results and close after a
// change, bringing the results back into view. Long facet lists get a box that
// filters their values; the map names the place under the pointer.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  var input = document.getElementById("q");
  var zone = document.getElementById("results-zone");
  var state = document.getElementById("form-state");
  var list = document.getElementById("names");
  var live = document.getElementById("live");
  if (!form || !input || !zone || !window.fetch || !window.URLSearchParams) return;
  document.documentElement.classList.add("js");

  var DEBOUNCE_MS = 300;
  var timer = null, suggestTimer = null, pending = null, lastUrl = location.pathname + location.search;

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

  function load(url, how, after) {
    if (url === lastUrl && how !== "pop") return;
    if (pending) pending.abort();
    pending = window.AbortController ? new AbortController() : null;
    document.body.classList.add("loading");
    fetch(url, { signal: pending ? pending.signal : undefined, headers: { "Accept": "text/html" } })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.getElementById("results-zone");
        if (!fresh) return;
        zone.innerHTML = fresh.innerHTML;
        var freshState = doc.getElementById("form-state");
        if (state && freshState) state.innerHTML = freshState.innerHTML;
        document.title = doc.title;
        lastUrl = url;
        if (how === "push") history.pushState(null, "", url);
        else if (how === "replace") history.replaceState(null, "", url);
        if (how === "pop") { var fq = doc.getElementById("q"); if (fq) input.value = fq.value; }
        var total = document.getElementById("resume");
        if (live && total) live.textContent = total.textContent.replace(/\s+/g, " ").trim();
        bindSort();
        setFilters(false);
        if (after) after();
      })
      .catch(function () { /* aborted or offline: links and the form still work */ })
      .then(function () { document.body.classList.remove("loading"); });
  }

  // Typing: replace (not push) so the back button does not replay every keystroke.
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { load(urlFor(input.value), "replace"); }, DEBOUNCE_MS);
    suggest();
  });

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    clearTimeout(timer);
    load(urlFor(input.value), "push");
  });

  // Links inside the results (facets, filters, paging, did-you-mean, map) load in place.
  zone.addEventListener("click", function (ev) {
    if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    var a = ev.target.closest ? ev.target.closest("a[href]") : null;
    if (!a) return;
    if (a.id === "filters-toggle") {  // phones: the filters open above the results
      ev.preventDefault();
      var open = !document.body.classList.contains("filters-open");
      setFilters(open);
      if (open) { var panel = document.getElementById("filtres"); if (panel) panel.scrollIntoView({ block: "start" }); }
      return;
    }
    if (a.id === "filters-done") { ev.preventDefault(); setFilters(false); showResults(); return; }
    var href = a.getAttribute("href") || a.getAttribute("xlink:href");
    if (!href || href.charAt(0) === "#") return;
    var target = new URL(href, location.href);
    if (target.origin !== location.origin || target.pathname !== location.pathname) return;
    ev.preventDefault();
    var q = target.searchParams.get("q");
    if (q !== null && q !== input.value) input.value = q;
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
    var params = new URLSearchParams();
    new FormData(f).forEach(function (v, k) { if (String(v).trim() !== "") params.append(k, v); });
    var qs = params.toString();
    load(location.pathname + (qs ? "?" + qs : ""), "push", phone.matches ? showResults : null);
  });

  // A box above a long facet list keeps the values whose label holds what is typed
  // (accents and case ignored), opening the "other values" part when needed.
  function fold(s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  zone.addEventListener("input", function (ev) {
    var box = ev.target;
    if (!box.classList || !box.classList.contains("facet-filter-input")) return;
    var section = box.closest("section.facet");
    var key = fold(box.value.trim());
    var shown = 0;
    section.querySelectorAll("ul.values > li").forEach(function (li) {
      var label = li.querySelector(".label");
      var keep = !key || (label && fold(label.textContent).indexOf(key) >= 0);
      li.hidden = !keep;
      if (keep) shown += 1;
    });
    var more = section.querySelector("details.more");
    if (more && key) more.open = true;
    var none = section.querySelector(".facet-none");
    if (none) none.hidden = shown > 0;
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
    select.addEventListener("change", function () {
      var params = new URLSearchParams(new FormData(sortForm));
      params.set("q", input.value);
      if (!input.value.trim()) params.delete("q");
      load(location.pathname + "?" + params.toString(), "push");
    });
    sortForm.addEventListener("submit", function (ev) { ev.preventDefault(); select.dispatchEvent(new Event("change")); });
  }
  bindSort();

  window.addEventListener("popstate", function () { load(location.pathname + location.search, "pop"); });

  // Autocomplete on the word being typed: the options are the whole query with
  // that word replaced by a name, so picking one keeps the other words.
  function suggest() {
    if (!list) return;
    clearTimeout(suggestTimer);
    var words = input.value.split(/\s+/);
    var last = words[words.length - 1];
    if (last.length < 2 || last.indexOf(":") >= 0) { list.innerHTML = ""; return; }
    suggestTimer = setTimeout(function () {
      fetch("/api/suggest?q=" + encodeURIComponent(last))
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (data) {
          list.innerHTML = "";
          var seen = {};
          (data.suggestions || []).forEach(function (s) {
            words[words.length - 1] = s.name;
            var value = words.join(" ");
            if (seen[value]) return;
            seen[value] = true;
            var opt = document.createElement("option");
            opt.value = value;
            opt.label = s.name + " — " + (s.kind === "lieu" ? "lieu" : "collectivité") + (s.country ? ", " + s.country : "");
            list.appendChild(opt);
          });
        })
        .catch(function () {});
    }, 120);
  }
})();
