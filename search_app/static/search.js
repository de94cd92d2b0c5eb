// Progressive enhancement of the search page: results update as you type
// (debounced), the URL keeps the whole state, and names are suggested.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  var input = document.getElementById("q");
  var zone = document.getElementById("results-zone");
  var list = document.getElementById("names");
  if (!form || !input || !zone) return;
  var timer = null, suggestTimer = null, pending = null;

  function urlFor(q) {
    var params = new URLSearchParams(window.location.search);
    params.set("q", q);
    params.delete("page");
    return window.location.pathname + "?" + params.toString();
  }

  function refresh(url, push) {
    if (pending) pending.abort();
    pending = new AbortController();
    fetch(url, { signal: pending.signal, headers: { "Accept": "text/html" } })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.getElementById("results-zone");
        if (fresh) {
          zone.innerHTML = fresh.innerHTML;
          document.title = doc.title;
          if (push) window.history.replaceState(null, "", url);
        }
      })
      .catch(function () { /* aborted or offline: the plain form still works */ });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { refresh(urlFor(input.value), true); }, 250);
    clearTimeout(suggestTimer);
    var words = input.value.split(/\s+/);
    var last = words[words.length - 1];
    if (list && last.length >= 2) {
      suggestTimer = setTimeout(function () {
        fetch("/api/suggest?q=" + encodeURIComponent(last))
          .then(function (r) { return r.json(); })
          .then(function (data) {
            list.innerHTML = "";
            (data.suggestions || []).forEach(function (s) {
              var opt = document.createElement("option");
              words[words.length - 1] = s.name;
              opt.value = words.join(" ");
              list.appendChild(opt);
            });
          })
          .catch(function () {});
      }, 150);
    }
  });

  window.addEventListener("popstate", function () { refresh(window.location.href, false); });
})();
