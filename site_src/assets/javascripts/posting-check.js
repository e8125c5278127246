/* What a place and a posted pay range mean against the figures: shared by role pages
 * (place.js) and salary cards (card-check.js). Reading a posted range, finding a place by
 * name, filling in the place chain's label, placing a number among official percentiles and
 * a source's figure, and drawing that as a picture. Every text goes in with textContent:
 * nothing from the address or a field is ever parsed as HTML. */
(function () {
  "use strict";
  var HOURS = 2080;            // BLS's full-time year: an hourly rate times 2,080 hours
  var MOST = 10000000;         // a posted yearly figure above $10 million is refused
  var PCT = ["10th percentile", "25th percentile", "median", "75th percentile", "90th percentile"];
  var cache = {};

  function money(n) { return "$" + Math.round(n).toLocaleString("en-US"); }
  function count(n) { return n == null ? "not released" : Math.round(n).toLocaleString("en-US"); }

  /* "$150k–$190k", "150,000 - 190,000 USD", "150000-190000", "$75/hr", "150k to 190k".
   * Returns {low, high, per, note} in that unit, or {error}: a message for beside the field. */
  function parse(text, per) {
    var s = String(text == null ? "" : text).trim().toLowerCase();
    if (!s) return { error: "Enter the posted range, for example 150,000–190,000." };
    if (s.length > 60) return { error: "That is longer than a pay range: enter its two figures, for example 150,000–190,000." };
    var note = "";
    if (/(\/|per|an|a)\s*(hr|hour)\b|hourly|\/h\b/.test(s)) {
      if (per !== "hour") note = "Read as an hourly rate: the text says per hour.";
      per = "hour";
    }
    if (/^[-−]\s*\$?\s*\d/.test(s) || /(to|[-–—−])\s*[-−]\s*\$?\s*\d/.test(s)) {
      return { error: "A posted pay figure cannot be negative." };
    }
    s = s.replace(/\b(usd|us\$|dollars?|per\s+(year|annum|hour)|a\s+(year|hour)|an\s+hour|annually|yearly|hourly)\b|\/\s*(yr|year|hr|hour|h)\b/g, " ")
         .replace(/(\d),(?=\d{3}(\D|$))/g, "$1");
    var nums = [];
    var rest = s.replace(/(\d+(?:\.\d+)?)\s*([km])?(?![a-z])/g, function (_, n, unit) {
      nums.push(parseFloat(n) * (unit === "k" ? 1e3 : unit === "m" ? 1e6 : 1));
      return " ";
    });
    var left = rest.replace(/\bto\b|[\s$–—~\-−]/g, "");
    if (left) return { error: "Could not read “" + left.slice(0, 20) + "”: enter figures such as 150,000–190,000 or $150k–$190k." };
    if (!nums.length) return { error: "No figure found: enter the posted range, for example 150,000–190,000." };
    if (nums.length > 2) return { error: "Enter two figures, the low and the high end of the range (or one)." };
    var low = nums[0], high = nums[nums.length - 1];
    if (low === 0 || high === 0) return { error: "A posted figure of zero is not pay." };
    if (low > high) return { error: "The low end (" + money(low) + ") is above the high end (" + money(high) + "): enter the low end first." };
    if (per === "hour" && high > 1000) return { error: money(high) + " an hour is more than this check places: is it a yearly figure? Choose per year." };
    if (per !== "hour" && high > MOST) return { error: "Above $10 million a year: not a pay range this check can place." };
    if (per !== "hour" && low < 1000) return { error: money(low) + " a year is too little for a salary: for thousands write 150k, or choose per hour." };
    return { low: low, high: high, per: per === "hour" ? "hour" : "year", note: note };
  }

  function yearly(p) { return p.per === "hour" ? [p.low * HOURS, p.high * HOURS] : [p.low, p.high]; }

  /* Where a yearly figure sits among the released percentiles (null where not released). */
  function amongPercentiles(v, p) {
    var known = [];
    for (var i = 0; i < 5; i++) if (p[i] != null) known.push([PCT[i], p[i]]);
    if (!known.length) return "not placed: BLS released no percentiles there";
    var k = known;
    function at(x) { return "the official " + x[0] + " (" + money(x[1]) + ")"; }
    if (v < k[0][1]) return "below " + at(k[0]);
    for (i = 0; i < k.length; i++) if (v === k[i][1]) return "at " + at(k[i]);
    for (i = 0; i + 1 < k.length; i++) {
      if (v > k[i][1] && v < k[i + 1][1]) {
        return "between the official " + k[i][0] + " (" + money(k[i][1]) + ") and " + k[i + 1][0] + " (" + money(k[i + 1][1]) + ")";
      }
    }
    return "above " + at(k[k.length - 1]);
  }

  /* Where a yearly figure sits against one source figure, as that figure is stated. */
  function against(v, f) {
    if (f.stat === "range") {
      if (v < f.low) return "below";
      if (v > f.high && !f.open) return "above";
      return "within";
    }
    if (f.stat === "up_to") return v > f.value ? "above" : "at or below";
    if (f.stat === "at_least" || f.stat === "more_than") return v < f.value ? "below" : "at or above";
    return v < f.value ? "below" : v > f.value ? "above" : "at";
  }

  /* The words for a figure: "Hakia 2026: senior Machine Learning Engineer base salary range,
   * $175,000–$275,000"; bare: without its place and number. */
  function figureWords(f, words, bare) {
    var stat = { range: "range", average: "average", median: "median", up_to: "upper bound",
                 at_least: "lower bound", more_than: "lower bound", approx: "approximate figure" }[f.stat] || "figure";
    return f.who + ": " + (f.level ? f.level.toLowerCase() : "all-levels") + " " + (f.role ? f.role + " " : "") +
      (words[f.pay] || f.pay) + " " + stat + (bare ? "" : (f.place && f.place !== "United States" ? " for " + f.place : "") + ", " + f.text);
  }

  /* The chain's step for an area: the files list every area in one order (areas.json's),
   * the occupation's steps as one digit per area. */
  function stepOf(occ, names, slug) { return occ.steps[+occ.step.charAt(names.bySlug[slug].i)]; }

  /* The place chain's label: the same sentence the build writes on location pages. */
  function label(occ, names, slug) {
    var a = names.bySlug[slug], step = stepOf(occ, names, slug);
    var state = a[2] === "m" && a[3] >= 0 ? names.list[a[3]][1] : "";
    var vals = { occ: occ.occupation, area: a[1], shown: names.bySlug[shownSlug(occ, names, slug)][1],
                 or_state: state ? " or in " + state : "", rel: occ.related || "", why: occ.why || "",
                 nor_rel: occ.related ? ", nor for " + occ.related + " there" : "" };
    return occ.labels[step].replace(/\{(\w+)\}/g, function (_, k) { return vals[k]; }).trim();
  }

  /* The area whose figures the row shows: the area, its state, or the nation. */
  function shownSlug(occ, names, slug) {
    var step = stepOf(occ, names, slug);
    if (step === "state") return names.list[names.bySlug[slug][3]][0];
    if (step === "national") return names.list[0][0];
    return slug;
  }

  function shownSoc(occ, names, slug) {
    return stepOf(occ, names, slug) === "related" ? occ.related_soc : occ.soc;
  }

  /* Areas whose name, or a name readers use for them, matches what was typed: every word
   * typed starts a word of the name. A name typed in full comes first, then states, metros
   * and the nation by name; nonmetropolitan areas last. */
  function norm(s) {
    return String(s).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, " ").trim();
  }
  function find(names, typed, most) {
    var q = norm(typed).slice(0, 60);
    if (!q) return [];
    var words = q.split(" "), found = [];
    names.list.forEach(function (a, i) {
      var best = 0;
      // Each name normalised once per page, not on every key pressed.
      a.norm = a.norm || [a[1]].concat(a[5] || []).map(function (n) { return [norm(n), norm(n).split(" ")]; });
      a.norm.forEach(function (n, j) {
        var nn = n[0], toks = n[1];
        if (nn === q) best = Math.max(best, j ? 4 : 3);
        else if (words.every(function (w) { return toks.some(function (t) { return t.indexOf(w) === 0; }); })) {
          best = Math.max(best, nn.indexOf(q) === 0 ? 2 : 1);
        }
      });
      if (best) found.push([-best, /nonmetropolitan/i.test(a[1]) ? 1 : 0, i]);
    });
    found.sort(function (x, y) { return x[0] - y[0] || x[1] - y[1] || x[2] - y[2]; });
    return found.slice(0, most || 8).map(function (x) { return names.list[x[2]]; });
  }

  function json(url) {
    if (!cache[url]) {
      cache[url] = fetch(url, { credentials: "same-origin" }).then(function (r) {
        if (!r.ok) throw new Error(r.status + " " + url);
        return r.json();
      });
    }
    return cache[url];
  }

  /* The area names and the occupation's chain, once per page. */
  function load(base, soc) {
    return Promise.all([json(base + "areas.json"), json(base + soc + ".json")]).then(function (r) {
      var names = r[0], occ = r[1];
      if (occ.step.length !== names.areas.length) throw new Error("place files of two builds");
      if (!names.bySlug) {
        names.list = names.areas;
        names.bySlug = {};
        names.list.forEach(function (a, i) { a.i = i; names.bySlug[a[0]] = a; });
      }
      return { names: names, occ: occ };
    });
  }

  function el(doc, tag, cls, text) {
    var e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  /* The picture: one line per figure on a shared dollar scale, the posted range as a band
   * across them. Decorative: the sentences beside it say the same in words. */
  function picture(doc, posted, official, figures) {
    var values = [posted[0], posted[1]];
    official.p.forEach(function (v) { if (v != null) values.push(v); });
    figures.forEach(function (f) {
      [f.low, f.high, f.value].forEach(function (v) { if (v != null) values.push(v); });
    });
    var lo = Math.min.apply(null, values) * 0.92, hi = Math.max.apply(null, values) * 1.04;
    function x(v) { return ((v - lo) / (hi - lo) * 100).toFixed(2) + "%"; }
    var box = el(doc, "div", "pic");
    box.setAttribute("aria-hidden", "true");
    var over = el(doc, "div", "pic__over"), band = el(doc, "div", "pic__posted");
    band.style.left = x(posted[0]);
    band.style.width = "calc(" + x(posted[1]) + " - " + x(posted[0]) + " + 2px)";
    over.appendChild(band);
    box.appendChild(over);
    function row(name, parts) {
      var r = el(doc, "div", "pic__row");
      r.appendChild(el(doc, "span", "pic__name", name));
      var track = el(doc, "span", "pic__track");
      parts.forEach(function (p) {
        var m = el(doc, "span", "pic__" + p[0]);
        m.style.left = x(p[1]);
        if (p[2] != null) m.style.width = "calc(" + x(p[2]) + " - " + x(p[1]) + ")";
        track.appendChild(m);
      });
      r.appendChild(track);
      box.appendChild(r);
    }
    var p = official.p;
    if (p[0] != null && p[4] != null) {
      row(official.name, [["whisker", p[0], p[4]]].concat(
        p[1] != null && p[3] != null ? [["box", p[1], p[3]]] : [],
        p[2] != null ? [["tick", p[2]]] : []));
    }
    figures.forEach(function (f) {
      row(f.who + " · " + (f.place || f.pay.replace("_salary", "").replace("_comp", "")), f.stat === "range" ? [["bar", f.low, f.open ? hi : f.high]] : [["dot", f.value]]);
    });
    var scale = el(doc, "div", "pic__scale");
    scale.appendChild(el(doc, "span", "", money(lo / 0.92)));
    scale.appendChild(el(doc, "span", "", money(hi / 1.04)));
    box.appendChild(scale);
    var wrap = el(doc, "div", "pic__wrap");
    wrap.appendChild(el(doc, "p", "pic__key", "Shaded: the posted range. Grey: official 10th–90th percentile, box 25th–75th, line the median. Orange: each source's figure."));
    wrap.appendChild(box);
    return wrap;
  }

  /* What the place chosen shows: its name, the figures' area and occupation, the chain's
   * label and the percentiles [p10, p25, median, p75, p90], employment. */
  function placeOf(d, slug) {
    var names = d.names, occ = d.occ;
    if (!names.bySlug[slug]) slug = names.list[0][0];
    var shown = shownSlug(occ, names, slug), v = occ.est[names.bySlug[shown].i];
    var soc = shownSoc(occ, names, slug);
    return { slug: slug, name: names.bySlug[slug][1], code: names.bySlug[slug][4],
             shownSlug: shown, shownName: names.bySlug[shown][1], shownCode: names.bySlug[shown][4],
             soc: soc, occupation: soc === occ.soc ? occ.occupation : occ.related,
             step: stepOf(occ, names, slug), label: label(occ, names, slug),
             p: v.slice(0, 5), employment: v[5], topCoded: v[6], source: occ.source };
  }

  var PAY_OF = { base: ["base_salary", "salary"], total: ["total_comp", "salary"] };

  /* The check, as sentences (each a list of text and links): where each end of the posted
   * range sits among the official percentiles for the place, then against each source's
   * figure for the level (or the role as a whole) and for the place, each cited. */
  function report(posted, pay, levelId, place, page, sources) {
    var ends = yearly(posted), out = [];
    var one = ends[0] === ends[1];
    var payWords = pay === "total" ? "total compensation" : "base salary";
    function ends2(fn) {
      return one ? "The posted figure, " + money(ends[0]) + ", is " + fn(ends[0])
        : "The low end, " + money(ends[0]) + ", is " + fn(ends[0]) + "; the high end, " + money(ends[1]) + ", is " + fn(ends[1]);
    }
    out.push([ends2(function (v) { return amongPercentiles(v, place.p); }) + " for " +
      place.occupation + " in " + place.shownName + " (" + place.source + ", all experience levels, wages only)." +
      (place.step === "here" ? "" : " " + place.label)]);
    var level = page.levels.filter(function (l) { return l.id === levelId; })[0];
    var ids = level ? level.figures : page.all;
    var local = (page.local[place.slug] || []).concat(
      place.slug !== place.shownSlug && place.step === "state" ? page.local[place.shownSlug] || [] : []);
    var levelName = level ? level.name : null;
    local = local.filter(function (id) {
      return !levelName || page.figures[id].level === levelName || !page.figures[id].level;
    });
    if (level && !level.own) {
      out.push(["No source gives " + page.role + " pay at the level chosen (" + level.name +
        "): compared instead are its own figures for other or unstated levels and a related role's, each named."]);
    }
    var compared = [], skipped = [];
    ids.concat(local).forEach(function (id) {
      var f = page.figures[id];
      if (compared.indexOf(f) >= 0) return;
      (PAY_OF[pay].indexOf(f.pay) >= 0 ? compared : skipped).push(f);
    });
    compared.forEach(function (f) {
      var words = figureWords(f, page.pay_words);
      var lo = against(ends[0], f), hi = against(ends[1], f);
      var where = one ? "the posted figure is " + lo + " it"
        : lo === hi ? "both ends are " + lo + " it"
        : "the low end is " + lo + " it, the high end " + hi + " it";
      var whose = f.role && f.role !== page.role ? " (borrowed from " + f.role + ")" : "";
      out.push([capital(words) + whose + ": " + where + ". ", { cite: f, href: sources + "#" + f.source }]);
    });
    if (!compared.length) {
      out.push(["No source states " + page.role + " " + payWords + (levelName ? " at " + levelName.toLowerCase() + " level" : "") + (skipped.length ? "; the figures given are of another pay type, not compared: " + skipped.map(function (f) { return figureWords(f, page.pay_words); }).join("; ") + "." : ".")]);
    } else if (skipped.length) {
      out.push(["Not compared, another pay type: " + skipped.map(function (f) { return figureWords(f, page.pay_words); }).join("; ") + "."]);
    }
    out.push(["Official percentiles are for all experience levels of the occupation together; a guide's figure that names no place is compared as stated, not as a figure for this place. Where a number sits is all this says: not whether the pay is fair."]);
    return { sentences: out, figures: compared, payWords: payWords };
  }

  function capital(s) { return s.charAt(0).toUpperCase() + s.slice(1); }

  /* Sentences as DOM: text, and a figure's citation as a link to its source's entry. */
  function sentences(doc, list) {
    var ul = el(doc, "ul", "check__sentences");
    list.forEach(function (parts) {
      var li = el(doc, "li");
      parts.forEach(function (p) {
        if (typeof p === "string") { li.appendChild(doc.createTextNode(p)); return; }
        var a = el(doc, "a", "check__cite", p.cite.who);
        a.href = p.href;
        li.appendChild(a);
        li.appendChild(doc.createTextNode(", section “" + p.cite.section + "”" +
          (p.cite.by ? ", credited to " + p.cite.by : "")));
      });
      ul.appendChild(li);
    });
    return ul;
  }

  window.aimlpayCheck = {
    HOURS: HOURS, money: money, count: count, parse: parse, yearly: yearly,
    amongPercentiles: amongPercentiles, against: against, figureWords: figureWords,
    label: label, shownSlug: shownSlug, shownSoc: shownSoc, find: find, load: load,
    el: el, picture: picture, placeOf: placeOf, report: report, sentences: sentences
  };
})();
