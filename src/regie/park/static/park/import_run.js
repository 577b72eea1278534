/* The status page of a lot import refreshes itself while the import runs: it fetches the same page and swaps
   in its progress part. No inline script (CSP); without JavaScript the page has a "Vernieuwen" link. */
(function () {
  "use strict";
  var INTERVAL = 2000;
  var MAX_FAILURES = 5;

  function start() {
    var region = document.getElementById("import-run");
    if (!region || typeof window.fetch !== "function" || typeof window.DOMParser !== "function") { return; }
    var url = region.getAttribute("data-refresh-url");
    var failures = 0;

    function refresh() {
      if (region.getAttribute("data-finished") === "true") { return; }
      fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" } })
        .then(function (response) {
          if (!response.ok) { throw new Error(String(response.status)); }
          return response.text();
        })
        .then(function (html) {
          var page = new DOMParser().parseFromString(html, "text/html");
          var fresh = page.getElementById("import-run");
          var status = page.getElementById("import-status");
          if (!fresh) { throw new Error("geen voortgang"); }
          failures = 0;
          region.innerHTML = fresh.innerHTML;
          region.setAttribute("data-finished", fresh.getAttribute("data-finished"));
          var live = document.getElementById("import-status");
          if (status && live && live.textContent !== status.textContent) { live.textContent = status.textContent; }
          window.setTimeout(refresh, INTERVAL);
        })
        .catch(function () {
          failures += 1;  /* the "Vernieuwen" link stays for when the server cannot be reached */
          if (failures < MAX_FAILURES) { window.setTimeout(refresh, INTERVAL * (failures + 1)); }
        });
    }
    window.setTimeout(refresh, INTERVAL);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
