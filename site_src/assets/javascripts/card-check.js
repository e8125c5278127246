/* A salary card with a place or a posted range in its address (embed/<role>/<level>/?where=
 * …&posted=150000-190000&pay=base): the card shows the check instead of its figures, in the
 * words and picture of the role page (posting-check.js). Loaded by the card's inline script
 * only when the address asks for it; text only, nothing from the address becomes HTML. */
(function () {
  "use strict";
  var C = window.aimlpayCheck, d = document, body = d.body;
  var box = d.querySelector(".body"), more = d.querySelector(".more");
  var q = new URLSearchParams(location.search);
  function clip(s) { s = String(s); return s.length > 40 ? s.slice(0, 40) + "…" : s; }
  function say(text) {
    var p = C.el(d, "p", "msg", text);
    box.insertBefore(p, box.firstChild);
  }
  if (!C || !body.getAttribute("data-check")) return;
  var page;
  Promise.all([C.load(body.getAttribute("data-places"), body.getAttribute("data-soc")),
               fetch(body.getAttribute("data-check"), { credentials: "same-origin" }).then(function (r) {
                 if (!r.ok) throw new Error(r.status);
                 return r.json();
               })]).then(function (got) {
    var data = got[0];
    page = got[1];
    var slug = q.get("where") || "united-states";
    if (!data.names.bySlug[slug]) { say("No place “" + clip(slug) + "”: national figures."); slug = "united-states"; }
    var place = C.placeOf(data, slug), posted = q.get("posted");
    var pay = q.get("pay") || "base", per = q.get("per") || "year";
    var link = more.getAttribute("href").split("#");
    var keep = new URLSearchParams();
    ["where", "posted", "pay", "per"].forEach(function (k) { if (q.get(k)) keep.set(k, q.get(k).slice(0, 80)); });
    more.href = link[0] + "?" + keep + (link[1] ? "#" + link[1] : "");
    if (posted == null) {
      box.insertBefore(C.el(d, "p", "posted", place.name + ": official median " +
        (place.p[2] == null ? "not released" : C.money(place.p[2])) + " (" + place.occupation + ", all levels, " + place.source + ")"), box.firstChild);
      return;
    }
    if (pay !== "base" && pay !== "total") { say("Pay “" + clip(pay) + "” is neither base nor total."); return; }
    if (per !== "year" && per !== "hour") { say("“" + clip(per) + "” is neither year nor hour."); return; }
    var parsed = C.parse(posted, per);
    if (parsed.error) { say("Posted range not read: " + parsed.error); return; }
    var rep = C.report(parsed, pay, body.getAttribute("data-level"), place, page, "");
    var ends = C.yearly(parsed);
    box.textContent = "";
    box.appendChild(C.el(d, "p", "posted", "Posted " + C.money(ends[0]) + (ends[1] !== ends[0] ? "–" + C.money(ends[1]) : "") +
      " " + rep.payWords + " a year · " + place.name));
    box.appendChild(C.picture(d, ends, { name: "Official", p: place.p }, rep.figures.slice(0, 2)));
    var ul = C.el(d, "ul", "check");
    rep.sentences.slice(0, -1).forEach(function (parts) {
      ul.appendChild(C.el(d, "li", "", parts.filter(function (p) { return typeof p === "string"; }).join("") +
        parts.filter(function (p) { return typeof p !== "string"; }).map(function (p) { return "(" + p.cite.who + ")"; }).join("")));
    });
    box.appendChild(ul);
  }, function () { say("The place data did not load."); });
})();
