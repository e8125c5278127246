/* Places side by side on a role page (loaded by place.js when a comparison is first asked
 * for): official percentiles and employment for up to three places, the guides' figures for
 * each, and a sentence wherever a guide and the official medians rank two places in
 * opposite orders. Text only: nothing is written as HTML. */
(function () {
  "use strict";
  var C = window.aimlpayCheck;
  function el(tag, cls, text) { return C.el(document, tag, cls, text); }

  window.aimlpayCompare = function (ctx) {
    var places = ctx.places, page = ctx.page, localFor = ctx.localFor, compareBox = ctx.box;
    var table = el("table", "compare__table");
    table.appendChild(el("caption", "", "Places side by side: official wages for all levels, and the guides' figures"));
    var tr = el("tr");
    tr.appendChild(el("th", "", "Place"));
    places.forEach(function (p, i) {
      var th = el("th", "", p.name + " ");
      th.scope = "col";
      var rm = el("button", "compare__remove", "Remove");
      rm.type = "button";
      rm.setAttribute("aria-label", "Remove " + p.name + " from the comparison");
      rm.addEventListener("click", function () { ctx.remove(i); });
      th.appendChild(rm);
      tr.appendChild(th);
    });
    table.appendChild(el("thead")).appendChild(tr);
    var body = el("tbody");
    var rows = [["Official figures for", function (p) { return p.occupation + ", " + p.shownName; }]];
    ["10th percentile", "25th percentile", "Median", "75th percentile", "90th percentile"].forEach(function (n, i) {
      rows.push([n, function (p) { return p.p[i] == null ? "not released" : C.money(p.p[i]); }]);
    });
    rows.push(["Employment", function (p) { return C.count(p.employment); }]);
    // Short, one per line: whose, which level, which pay type, the figure, and whose role
    // (the same words as the place panel above, where each is cited in full).
    var pay = { base_salary: "base", total_comp: "total", salary: "salary, base or total not stated" };
    rows.push(["Guides' figures", function (p) {
      var f = localFor(p);
      return f.length ? f.map(function (x) {
        return x.who + ", " + (x.level || "level not stated").toLowerCase() + ", " + (pay[x.pay] || x.pay) +
          (x.place ? ", " + x.place : "") + ": " + x.text + (x.role !== page.role ? " (" + x.role + ")" : "");
      }).join("\n") : "none";
    }]);
    rows.forEach(function (r) {
      var row = el("tr");
      var th = el("th", "", r[0]);
      th.scope = "row";
      row.appendChild(th);
      places.forEach(function (p) { row.appendChild(el("td", "", r[1](p))); });
      body.appendChild(row);
    });
    table.appendChild(body);
    var wrap = el("div", "compare__wrap");
    wrap.appendChild(table);
    compareBox.appendChild(wrap);
    disagreements(places, page, localFor).forEach(function (s) { compareBox.appendChild(el("p", "compare__rank", s)); });
  };

  /* Where a guide and the official medians rank two places in opposite orders, say so. */
  function disagreements(places, page, localFor) {
    var out = [], pairs = 0;
    function order(a, b) {
      if (a.stat === "range") return a.low > b.low && a.high > b.high ? 1 : a.low < b.low && a.high < b.high ? -1 : 0;
      return a.value > b.value ? 1 : a.value < b.value ? -1 : 0;
    }
    for (var i = 0; i < places.length; i++) {
      for (var j = i + 1; j < places.length; j++) {
        var A = places[i], B = places[j];
        if (A.soc !== B.soc || A.p[2] == null || B.p[2] == null || A.p[2] === B.p[2]) continue;
        var off = A.p[2] > B.p[2] ? 1 : -1;
        localFor(A).forEach(function (fa) {
          localFor(B).forEach(function (fb) {
            if (fa === fb || fa.source !== fb.source || fa.pay !== fb.pay || fa.level !== fb.level ||
                fa.stat !== fb.stat || fa.role !== fb.role) return;
            var g = order(fa, fb);
            if (!g) return;
            pairs++;
            if (g === off) return;
            var hi = g > 0 ? [A, fa] : [B, fb], lo = g > 0 ? [B, fb] : [A, fa];
            var ohi = off > 0 ? A : B, olo = off > 0 ? B : A;
            out.push(C.figureWords(hi[1], page.pay_words, true) + " is higher in " + hi[0].name + " (" + hi[1].text + ") than in " + lo[0].name + " (" + lo[1].text +
              "); the official median for " + A.occupation + " is higher in " + ohi.name + " (" + C.money(ohi.p[2]) +
              ") than in " + olo.name + " (" + C.money(olo.p[2]) + "). The guide and the official figures rank these two places differently.");
          });
        });
      }
    }
    if (!out.length && pairs) out.push("Where a guide and the official medians both compare these places, they rank them the same way.");
    if (places.length > 1 && !pairs) out.push("No guide gives comparable figures for these places, so only the official figures rank them.");
    return out;
  }

})();
