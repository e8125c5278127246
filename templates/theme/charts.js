/* Charts: static first, interactive when a reader comes near one.
 *
 * Every chart is on the page as a static drawing (chart.html). This loader, inlined in every
 * page, loads the Vega runtime (served by this site) only when the reader scrolls a chart
 * within NEAR of the viewport, or points at, focuses or touches one. It then draws the same
 * chart, compiled to Vega at build time for this layout and palette, over the static one at
 * the same size.
 * Pages without charts load no chart code at all. Material's instant navigation swaps page
 * content without a reload: charts are set up for every page (aimlpay.onPage), after finalizing
 * the previous page's views. A palette switch or a change of layout redraws what is drawn.
 */
(function () {
  "use strict";
  var NEAR = "400px";
  // The same Vega as the build's renderer (vl-convert), so the drawing matches the static one.
  var RUNTIME = "assets/javascripts/vendor/vega-6.2.0.min.js";
  var runtime = null;           // Promise of the Vega runtime, loaded once per visit
  var charts = [];              // chart elements on the current page
  var observer = null;
  var tip = null;

  // The site's root address, resolved once, now (material.js, 7).
  var ROOT = aimlpay.material.root();
  var scheme = aimlpay.material.scheme;

  function loadRuntime() {
    if (!runtime) {
      runtime = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = ROOT + RUNTIME;
        script.onload = function () { resolve(window.vega); };
        script.onerror = function () { runtime = null; reject(new Error("cannot load " + script.src)); };
        document.head.appendChild(script);
      });
    }
    return runtime;
  }

  // The tooltip: every field of the figure under the pointer, as text.
  function tooltip(handler, event, item, value) {
    if (!tip) {
      tip = document.createElement("div");
      tip.className = "chart-tooltip";
      tip.setAttribute("role", "tooltip");
      document.body.appendChild(tip);
    }
    if (value === null || value === undefined || value === "") {
      tip.hidden = true;
      return;
    }
    var table = document.createElement("table");
    var entries = typeof value === "object" ? Object.entries(value) : [["", value]];
    entries.forEach(function (entry) {
      // An empty field is left out. Vega-Lite's tooltip turns a missing value into the text
      // "null" ("Originally from: null"), which no field of the data ever holds.
      if (entry[1] === null || entry[1] === undefined || entry[1] === "" ||
          entry[1] === "null") return;
      var row = table.insertRow();
      var th = document.createElement("th");
      th.textContent = entry[0];
      row.appendChild(th);
      row.insertCell().textContent = String(entry[1]);
    });
    tip.replaceChildren(table);
    tip.hidden = false;
    var x = event.clientX + 12, y = event.clientY + 12;
    var box = tip.getBoundingClientRect();
    if (x + box.width > window.innerWidth - 4) x = Math.max(4, event.clientX - box.width - 12);
    if (y + box.height > window.innerHeight - 4) y = Math.max(4, event.clientY - box.height - 12);
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }

  function variant(el) {
    var narrow = window.matchMedia(el.getAttribute("data-narrow")).matches;
    return (narrow ? "narrow" : "wide") + "." + scheme();
  }

  function draw(el) {
    var want = variant(el);
    if (el.getAttribute("data-drawn") === want) return;
    el.setAttribute("data-drawn", want);
    var url = new URL(el.getAttribute("data-spec") + "." + want + ".vg.json", window.location.href).href;
    var spec = fetch(url).then(function (response) {
      if (!response.ok) throw new Error(url + ": HTTP " + response.status);
      return response.json();
    });
    Promise.all([loadRuntime(), spec]).then(function (loaded) {
      var vega = loaded[0];
      if (!el.isConnected || el.getAttribute("data-drawn") !== want) return null;
      if (el._view) el._view.finalize();
      var target = el.querySelector(".chart-view");
      if (!target) {
        target = document.createElement("div");
        target.className = "chart-view";
        el.querySelector(".chart-frame").appendChild(target);
      }
      target.replaceChildren();
      var controls = el.querySelector(".chart-controls");
      if (controls) controls.replaceChildren();
      // Links inside charts (a state on the map) are paths from the site's root.
      var view = new vega.View(vega.parse(loaded[1]), {
        renderer: "svg", container: target, hover: true, tooltip: tooltip,
        bind: controls || undefined, loader: vega.loader({ baseURL: ROOT })
      });
      el._view = view;
      return view.runAsync().then(function () {
        el.classList.add("vega-chart--live");
        // What is on screen now (data-drawn is what was last asked for): they differ
        // while a redraw for a new layout or palette is under way.
        if (el.getAttribute("data-drawn") === want) el.setAttribute("data-shown", want);
      });
    }).catch(function (error) {
      el.removeAttribute("data-drawn");
      el.removeAttribute("data-shown");
      el.classList.remove("vega-chart--live");   // the static drawing stays
      console.error("chart " + url + " failed:", error);
    });
  }

  function wake(event) { draw(event.currentTarget); }

  // Charts near the viewport are drawn once the reader scrolls: a chart already in the first
  // screen stays static (it looks the same) until the reader scrolls, or points at it,
  // focuses it or touches it, so opening a page runs no chart code at all.
  var near = new Set();
  var scrolled = false;

  function onScroll() {
    scrolled = true;
    window.removeEventListener("scroll", onScroll);
    near.forEach(draw);
  }

  function setUp() {
    charts.forEach(function (el) { if (el._view) el._view.finalize(); });
    if (observer) observer.disconnect();
    if (tip) tip.hidden = true;
    near.clear();
    charts = Array.prototype.slice.call(document.querySelectorAll(".vega-chart[data-spec]"));
    if (!charts.length) return;
    observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) return near.delete(entry.target);
        if (!scrolled) return near.add(entry.target);
        observer.unobserve(entry.target);
        draw(entry.target);
      });
    }, { rootMargin: NEAR });
    charts.forEach(function (el) {
      observer.observe(el);
      ["pointerenter", "focusin", "touchstart"].forEach(function (type) {
        el.addEventListener(type, wake, { once: true, passive: true });
      });
    });
  }

  // Drawn charts follow the palette and the layout; the others' static drawings do (CSS).
  function redraw() {
    charts.forEach(function (el) { if (el.hasAttribute("data-drawn")) draw(el); });
  }

  window.addEventListener("scroll", onScroll, { passive: true });
  aimlpay.onPage(setUp);
  aimlpay.material.onSchemeChange(redraw);
  window.addEventListener("resize", redraw);
})();
