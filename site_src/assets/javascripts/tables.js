/* Tables inside .sortable-tables sort by column (tablesort), set up again after every
   instant navigation. The tables keep no class of their own so that Material styles them. */
document$.subscribe(function () {
  document.querySelectorAll(".sortable-tables table").forEach(function (table) {
    new Tablesort(table);
  });
});
