/* Tables inside .sortable-tables sort by column (tablesort), set up again after every
   instant navigation. The tables keep no class of their own so that Material styles them. */
aimlpay.onPage(function () {
  document.querySelectorAll(".sortable-tables table").forEach(function (table) {
    new Tablesort(table);
  });
});

/* A table wider than its column scrolls sideways (on a phone, or zoomed in): it takes the
   keyboard's focus, so that arrow keys scroll it too. Material later wraps each table in a
   scrolling box of its own; the table stays focusable inside it, and the keys scroll the box. */
(function () {
  function focusWide() {
    var tables = document.querySelectorAll(".md-typeset table:not([class]):not([tabindex])");
    // All widths are read before any table changes. A table in a closed section is left
    // until the section opens: measuring it would make the browser lay out hidden content.
    var wide = Array.prototype.filter.call(tables, function (table) {
      if (table.closest("details:not([open])")) return false;
      var box = aimlpay.material.scrollBox(table);
      return box.scrollWidth > box.clientWidth;
    });
    wide.forEach(function (table) { table.tabIndex = 0; });
  }
  // After the next frame, when the page is laid out and reading widths costs nothing (read
  // as the page is parsed, they made the browser lay it all out in one long task).
  function soon() { requestAnimationFrame(function () { setTimeout(focusWide); }); }
  aimlpay.onPage(soon);
  window.addEventListener("resize", soon);
  document.addEventListener("toggle", soon, true);      // a section opened (toggle does not bubble)
})();

/* The locations index: filter states and metro areas by name as you type. A state whose name
   matches shows all its metro areas; otherwise only matching metro areas show, under their
   state. Without JavaScript the whole grouped table shows. */
aimlpay.onPage(function () {
  var input = document.getElementById("location-filter");
  if (!input) return;
  var count = document.getElementById("location-filter-count");
  var groups = document.querySelectorAll("[data-filter-group]");
  var fold = function (s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  };
  function apply() {
    var query = fold(input.value.trim());
    var shown = 0;
    groups.forEach(function (group) {
      var rows = group.querySelectorAll("[data-filter-name]");
      var head = group.querySelector(".location-group__state");
      var headHit = head && head.hasAttribute("data-filter-name") &&
        fold(head.getAttribute("data-filter-name")).indexOf(query) !== -1;
      var any = false;
      rows.forEach(function (row) {
        var hit = !query || headHit || fold(row.getAttribute("data-filter-name")).indexOf(query) !== -1;
        if (row !== head) { row.hidden = !hit; if (hit) { any = true; shown++; } }
      });
      if (head) { head.hidden = !(any || headHit || !query); if (!head.hidden && head.hasAttribute("data-filter-name")) shown++; }
      group.hidden = query && !any && !headHit;
    });
    count.textContent = query ? shown + (shown === 1 ? " place matches" : " places match") : "";
  }
  input.addEventListener("input", apply);
  apply();
});
