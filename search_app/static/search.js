// Progressive enhancement of the search page. Without JavaScript the page is a
// plain GET form with links; with it, results update as you type (debounced),
// facet, sort and paging links load in place, the address bar always holds the
// whole state (so it can be shared and the back button works), and collectivity
// and place names are suggested from /api/suggest.
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

  function load(url, how) {
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

  // Links inside the results (facets, filters, paging, did-you-mean) load in place.
  zone.addEventListener("click", function (ev) {
    if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    var a = ev.target.closest ? ev.target.closest("a[href]") : null;
    if (!a) return;
    var href = a.getAttribute("href") || a.getAttribute("xlink:href");
    var target = new URL(href, location.href);
    if (target.origin !== location.origin || target.pathname !== location.pathname) return;
    ev.preventDefault();
    var q = target.searchParams.get("q");
    if (q !== null && q !== input.value) input.value = q;
    load(target.pathname + target.search, "push");
  });

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
