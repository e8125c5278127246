/* A role page's Where control, place comparison and posting check (role.md.j2 has the
 * markup, posting-check.js the rules and words). The address holds what the reader chose:
 *   ?where=<area>&compare=<area>,<area>&posted=150000-190000&pay=base&per=hour#<level>
 * so a shared link opens the page as it was; Back steps through the places chosen. Place
 * data loads on first use. Nothing from the address or a field is written as HTML. */
(function () {
  "use strict";
  var C = window.aimlpayCheck;
  var NATION = "united-states";
  var live = null;                         // the page's controller, for Back and Forward
  var here = document.currentScript && document.currentScript.src;
  var scripts = {};

  function loadScript(name) {
    if (!scripts[name]) {
      scripts[name] = new Promise(function (done, fail) {
        var s = document.createElement("script");
        s.src = new URL(name, here).href;
        s.onload = done;
        s.onerror = fail;
        document.head.appendChild(s);
      });
    }
    return scripts[name];
  }

  function reveal() { document.documentElement.classList.remove("check-pending"); }

  function setup() {
    var root = document.querySelector("[data-place]");
    if (!root || root.getAttribute("data-ready")) return;
    root.setAttribute("data-ready", "1");
    var page = JSON.parse(root.getAttribute("data-page"));
    var $ = function (sel, within) { return (within || document).querySelector(sel); };
    var input = $(".place__input", root), list = $(".place__options", root);
    var clear = $(".place__clear", root), result = $(".place__result", root);
    var compareBox = $(".place__compare", root), check = $("#check");
    var form = $("form", check), posted = $("#posted"), msg = $(".check__msg", check);
    var out = $(".check__result", check), levelSelect = $("#check-level");
    var sources = root.getAttribute("data-sources"), locations = root.getAttribute("data-locations");
    var data = null, current = NATION, options = [], active = -1, compare = [], checked = null;
    $(".place__control", root).hidden = false;
    $(".place__nojs", root).hidden = true;
    check.hidden = false;

    function ready() {
      return data ? Promise.resolve(data) : C.load(root.getAttribute("data-data"),
        root.getAttribute("data-soc")).then(function (d) { data = d; return d; });
    }
    function el(tag, cls, text) { return C.el(document, tag, cls, text); }
    function clip(s) { s = String(s); return s.length > 40 ? s.slice(0, 40) + "…" : s; }
    function radio(name) { var r = $("input[name=" + name + "]:checked", form); return r ? r.value : ""; }
    function setRadio(name, value) {
      var r = $("input[name=" + name + "][value=" + value + "]", form);
      if (r) r.checked = true;
      return !!r;
    }
    function levelFromHash() {
      var id = decodeURIComponent(location.hash.slice(1));
      return page.levels.some(function (l) { return l.id === id; }) ? id : "";
    }

    /* -- the address ------------------------------------------------------------------- */
    function write(push) {
      var q = new URLSearchParams();
      if (current !== NATION) q.set("where", current);
      if (compare.length) q.set("compare", compare.join(","));
      if (checked) {
        q.set("posted", checked.low + (checked.high !== checked.low ? "-" + checked.high : ""));
        q.set("pay", checked.pay);
        if (checked.per === "hour") q.set("per", "hour");
      }
      var level = checked ? levelSelect.value : levelFromHash();
      var url = location.pathname + (q.toString() ? "?" + q : "") + (level ? "#" + level : location.hash);
      if (url !== location.pathname + location.search + location.hash) {
        history[push ? "pushState" : "replaceState"](history.state, "", url);
      }
    }

    /* Read the address and show what it asks for; anything unknown changes only a message. */
    function apply() {
      var q = new URLSearchParams(location.search), notes = [];
      var where = q.get("where"), cmp = q.get("compare"), p = q.get("posted");
      levelSelect.value = levelFromHash();
      if (p == null) { checked = null; out.textContent = ""; msg.textContent = ""; reveal(); }
      if (!cmp) compare = [];
      if (!where && !cmp && p == null) { show(NATION, []); return; }
      ready().then(function (d) {
        var slug = where || NATION;
        if (!d.names.bySlug[slug]) { notes.push("No place “" + clip(slug) + "” in the list: showing the United States."); slug = NATION; }
        compare = (cmp || "").split(",").filter(function (s) { return d.names.bySlug[s]; }).slice(0, 3);
        if (cmp && !compare.length) notes.push("No place to compare in “" + clip(cmp) + "”.");
        show(slug, notes);
        if (p != null) {
          var pay = q.get("pay") || "base", per = q.get("per") || "year";
          posted.value = p.slice(0, 60);
          if (!setRadio("pay", pay)) { say("Pay “" + clip(pay) + "” is neither base nor total: choose one."); return; }
          if (!setRadio("per", per)) { say("“" + clip(per) + "” is neither year nor hour: choose one."); return; }
          run(false, true);
        }
      }, failed);
    }
    function failed() {
      result.textContent = "The place data did not load; the figures shown are national.";
      reveal();
    }

    /* -- Where ------------------------------------------------------------------------- */
    function suggest() {
      ready().then(function (d) {
        options = input.value.trim() ? C.find(d.names, input.value, 8) : [];
        active = -1;
        list.textContent = "";
        options.forEach(function (a, i) {
          var li = el("li", "place__option", a[1]);
          li.id = "where-opt-" + i;
          li.setAttribute("role", "option");
          li.setAttribute("aria-selected", "false");
          li.appendChild(el("span", "place__kind", /nonmetropolitan/i.test(a[1]) ? "" : { s: " state", m: " metro area", n: "" }[a[2]]));
          li.addEventListener("mousedown", function (e) { e.preventDefault(); });
          li.addEventListener("click", function () { pick(a[0]); });
          list.appendChild(li);
        });
        if (input.value.trim() && !options.length) {
          var none = el("li", "place__option place__option--none", "No state or metro area by that name");
          none.setAttribute("role", "option");
          none.setAttribute("aria-disabled", "true");
          list.appendChild(none);
        }
        open(!!input.value.trim());
      }, failed);
    }
    function open(yes) {
      list.hidden = !yes;
      input.setAttribute("aria-expanded", yes ? "true" : "false");
      if (!yes) input.removeAttribute("aria-activedescendant");
    }
    function move(by) {
      if (!options.length) return;
      active = (active + by + options.length) % options.length;
      Array.prototype.forEach.call(list.children, function (li, i) {
        li.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", "where-opt-" + active);
      list.children[active].scrollIntoView({ block: "nearest" });
    }
    function pick(slug) {
      open(false);
      input.value = data && data.names.bySlug[slug] && slug !== NATION ? data.names.bySlug[slug][1] : "";
      // The list closes at once; the page's rows change in the next task, so the reader's
      // key or tap is answered before that work (interaction to next paint).
      setTimeout(function () {
        show(slug, []);
        write(true);
        if (checked) run(false, false);
      }, 0);
    }
    input.addEventListener("focus", function () { ready().catch(failed); });
    input.addEventListener("input", suggest);
    input.addEventListener("blur", function () { open(false); });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { e.preventDefault(); if (list.hidden) suggest(); else move(1); }
      else if (e.key === "ArrowUp") { e.preventDefault(); move(-1); }
      else if (e.key === "Enter") {
        e.preventDefault();
        if (options.length) pick(options[Math.max(active, 0)][0]);
      } else if (e.key === "Escape") open(false);
    });
    clear.addEventListener("click", function () { pick(NATION); input.focus(); });

    /* -- what the place shows ------------------------------------------------------------ */
    function show(slug, notes) {
      current = slug;
      result.textContent = "";
      notes.forEach(function (n) { result.appendChild(el("p", "place__note", n)); });
      clear.hidden = slug === NATION;
      if (!data) { officialRow(null); $(".check__place").textContent = "United States"; return; }
      var p = C.placeOf(data, slug);
      input.value = slug === NATION ? "" : p.name;
      $(".check__place").textContent = p.name;
      officialRow(p);
      if (slug !== NATION) placePanel(p);
      compareTable();
    }

    /* The official row of the table, and a line in each level's row, for the place. */
    function officialRow(p) {
      var row = $("#official-percentiles");
      if (!row || !p) return;
      $(".glance__where", row).textContent = p.name;
      $(".glance__occupation", row).textContent = p.occupation + (p.shownSlug !== p.slug ? ", " + p.shownName : "");
      var chain = $(".glance__chain", row);
      chain.textContent = p.step === "here" ? "" : p.label;
      chain.hidden = p.step === "here";
      var values = p.p.concat([p.employment]);
      Array.prototype.forEach.call(row.querySelectorAll(".oews"), function (span, i) {
        var v = values[i];
        span.textContent = v == null ? "not released" : i < 5 ? C.money(v) : C.count(v);
        span.setAttribute("data-area", p.shownCode);
        span.setAttribute("data-soc", p.soc);
      });
      Array.prototype.forEach.call(document.querySelectorAll(".glance__row:not(.glance__row--official) > td"), function (td) {
        var line = $(".glance__place", td);
        if (line) line.remove();
        if (p.slug === NATION) return;
        line = el("p", "glance__place", p.name + ": official median " + (p.p[2] == null ? "not released" : C.money(p.p[2])) +
          " (" + p.occupation + (p.shownSlug !== p.slug ? " in " + p.shownName : "") + ", all levels, wages only)");
        td.appendChild(line);
      });
    }

    function localFor(p) {
      var ids = (page.local[p.slug] || []).slice();
      var st = data.names.bySlug[p.slug][3];           // a metro's state: its figures too
      if (st >= 0) {
        (page.local[data.names.list[st][0]] || []).forEach(function (id) { if (ids.indexOf(id) < 0) ids.push(id); });
      }
      return ids.map(function (id) { return page.figures[id]; });
    }

    function placePanel(p) {
      var head = el("p", "place__head");
      head.appendChild(el("strong", "", p.name));
      head.appendChild(document.createTextNode(": official median "));
      head.appendChild(el("span", "place__median", p.p[2] == null ? "not released" : C.money(p.p[2])));
      head.appendChild(document.createTextNode(" a year · 10th–90th percentile " +
        (p.p[0] == null ? "not released" : C.money(p.p[0])) + "–" + (p.p[4] == null ? "not released" : C.money(p.p[4])) +
        " · employment " + C.count(p.employment)));
      result.appendChild(head);
      var what = el("p", "place__what", p.occupation + " in " + p.shownName + ", all experience levels, wages only (no equity or bonuses) · ");
      var src = el("a", "", p.source);
      src.href = sources + "#bls-oews";
      what.appendChild(src);
      what.appendChild(document.createTextNode(" · "));
      var area = el("a", "", "every official wage in " + p.name);
      area.href = locations + p.slug + "/#roles";
      what.appendChild(area);
      result.appendChild(what);
      if (p.step !== "here") result.appendChild(el("p", "place__chain", p.label));
      var figs = localFor(p);
      if (figs.length) {
        result.appendChild(el("p", "place__guides", "What the guides state for this place (not official; each as its source states it):"));
        var ul = C.sentences(document, figs.map(function (f) {
          return [C.figureWords(f, page.pay_words) + (f.role !== page.role ? " (borrowed from " + f.role + ")" : "") + " · ",
                  { cite: f, href: sources + "#" + f.source }];
        }));
        ul.className = "place__figures";
        result.appendChild(ul);
      } else {
        result.appendChild(el("p", "place__guides", "The guides state no figures for " + page.role + " or a related role in " + p.name + "."));
      }
      if (compare.indexOf(p.slug) < 0 && compare.length < 3) {
        var add = el("button", "place__add", "Compare " + p.name + " with other places");
        add.type = "button";
        add.addEventListener("click", function () { compare.push(p.slug); compareTable(); write(true); });
        result.appendChild(add);
      }
    }

    /* -- compare: its script loads when a comparison is first asked for ----------------- */
    function compareTable() {
      compareBox.textContent = "";
      compareBox.hidden = !compare.length || !data;
      if (compareBox.hidden) return;
      loadScript("place-compare.js").then(function () {
        window.aimlpayCompare({
          box: compareBox, page: page, localFor: localFor,
          places: compare.map(function (s) { return C.placeOf(data, s); }),
          remove: function (i) { compare.splice(i, 1); compareTable(); write(true); }
        });
      }, failed);
    }

    /* -- the posting check -------------------------------------------------------------- */
    function say(text) {
      msg.textContent = text;
      posted.setAttribute("aria-invalid", "true");
      out.textContent = "";
      check.open = true;
      reveal();
    }
    function run(push, arrived) {
      var parsed = C.parse(posted.value, radio("per"));
      if (parsed.error) { checked = null; say(parsed.error); if (push) write(true); return; }
      posted.removeAttribute("aria-invalid");
      msg.textContent = parsed.note;
      if (parsed.per === "hour") setRadio("per", "hour");
      ready().then(function (d) {
        var pay = radio("pay"), level = levelSelect.value;
        var place = C.placeOf(d, current);
        var rep = C.report(parsed, pay, level, place, page, sources);
        var ends = C.yearly(parsed);
        out.textContent = "";
        var lead = el("p", "check__lead", "Posted: " + C.money(ends[0]) + (ends[1] !== ends[0] ? "–" + C.money(ends[1]) : "") +
          " " + rep.payWords + " a year" + (parsed.per === "hour" ? " (" + C.money(parsed.low) + (parsed.high !== parsed.low ? "–" + C.money(parsed.high) : "") +
          " an hour × 2,080 hours)" : "") + " · " + (level ? levelSelect.options[levelSelect.selectedIndex].text : "level not stated") + " · " + place.name);
        out.appendChild(lead);
        out.appendChild(C.picture(document, ends, { name: "Official, " + place.shownName, p: place.p }, rep.figures));
        out.appendChild(C.sentences(document, rep.sentences));
        checked = { low: parsed.low, high: parsed.high, pay: pay, per: parsed.per };
        check.open = true;
        write(push);
        if (arrived) {
          aimlpay.scrolledAt = performance.now();
          check.scrollIntoView({ block: "start" });
        }
        reveal();
      }, failed);
    }
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      out.setAttribute("aria-busy", "true");
      setTimeout(function () { out.removeAttribute("aria-busy"); run(true, false); }, 0);
    });

    live = { root: root, apply: apply };
    apply();
  }

  // Back and Forward between places of one page; after instant navigation to another page
  // the controller is gone with its page (Material shows that page itself).
  window.addEventListener("popstate", function () {
    if (live && live.root.isConnected) live.apply();
  });
  aimlpay.onPage(setup);
})();
