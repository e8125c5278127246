/* A link to a section collapsed in <details> (roles/x/#compare, #staff-principal) opens it,
 * on first load, after instant navigation and when only the hash changes. */
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
