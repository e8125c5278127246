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
    document.querySelectorAll(".md-typeset table:not([class]):not([tabindex])").forEach(function (table) {
      var box = table.closest(".md-typeset__scrollwrap") || table;
      if (box.scrollWidth > box.clientWidth) table.tabIndex = 0;
    });
  }
  aimlpay.onPage(focusWide);
  window.addEventListener("resize", focusWide);
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
