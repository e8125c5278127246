/* Collapsed sections (<details>).
 * A link to one (roles/x/#compare, #staff-principal) opens it, on first load, after instant
 * navigation and when only the hash changes. */
(function () {
  "use strict";
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (!el) return;
    var opened = false;
    for (var d = el.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) {
      if (!d.open) { d.open = true; opened = true; }
    }
    if (opened) el.scrollIntoView();
  }
  aimlpay.onPage(openTarget);
  window.addEventListener("hashchange", openTarget);
})();

/* A printed page shows every collapsed section, which close again afterwards. (Material's
 * bundle opens them for printing too, but it loads only on the reader's first move: a page
 * printed straight from the browser's menu would print without them.) */
(function () {
  "use strict";
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("details"), function (d) {
      return !d.open;
    });
    opened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();

/* Addresses to copy (a level's link, the embed snippet) are made absolute from wherever the
 * page is served, when the build did not know the site's address (no SITE_URL). Text only:
 * nothing from the address is ever written as HTML. */
(function () {
  "use strict";
  aimlpay.onPage(function () {
    document.querySelectorAll("[data-absolute]").forEach(function (el) {
      var target = el.querySelector(".embed-src") || el;
      target.textContent = new URL(el.getAttribute("data-absolute"), location.href).href;
    });
  });
})();

/* A role page's Where control and posting check: their scripts load on the pages that have
 * them (the place data itself loads when the reader first uses the control). */
(function () {
  "use strict";
  var here = document.currentScript && document.currentScript.src;
  var loaded = false;
  function add() {
    var s = document.createElement("script");
    s.src = new URL("place-page.js", here).href;     // posting-check.js + place.js (build.py)
    document.head.appendChild(s);
  }
  aimlpay.onPage(function () {
    if (loaded || !here || !document.querySelector("[data-place]")) return;
    loaded = true;
    // After the page's load event: a script added before it would hold the event back,
    // and with it whatever waits for the page to be loaded.
    if (document.readyState === "complete") add();
    else window.addEventListener("load", add, { once: true });
  });
})();
