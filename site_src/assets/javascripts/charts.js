/* Draws every .vega-chart with the Vega runtime served by this site.
 *
 * Material's instant navigation swaps page content without a reload, so charts are drawn on
 * every document$ emission (its documented hook), after finalizing the previous page's views.
 * Switching the light/dark palette redraws them in the matching theme. Until a chart is
 * drawn, and whenever JavaScript is off, its static SVG fallback shows instead.
 */
(function () {
  "use strict";
  var views = [];
  var specs = new Map();

  function scheme() {
    return document.body.getAttribute("data-md-color-scheme") === "slate" ? "dark" : "light";
  }

  function siteRoot() {
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    return new URL(base + "/", window.location.href).href;
  }

  function loadSpec(url) {
    if (!specs.has(url)) {
      specs.set(url, fetch(url).then(function (response) {
        if (!response.ok) throw new Error(url + ": HTTP " + response.status);
        return response.json();
      }));
    }
    return specs.get(url);
  }

  function draw(el, theme) {
    var url = new URL(el.getAttribute("data-spec"), window.location.href).href;
    return loadSpec(url).then(function (spec) {
      var target = el.querySelector(".chart-view");
      if (!target) {
        target = document.createElement("div");
        target.className = "chart-view";
        el.insertBefore(target, el.firstChild);
      }
      return window.vegaEmbed(target, spec, {
        config: window.AIMLPAY_CHART_THEMES[theme],
        actions: false,
        renderer: "svg",
        tooltip: { theme: theme },
        // Links inside charts (a state on the map) are paths from the site's root.
        loader: { baseURL: siteRoot() }
      });
    }).then(function (result) {
      views.push(result.view);
      el.classList.add("vega-chart--live");
    });
  }

  function drawAll() {
    views.forEach(function (view) { view.finalize(); });
    views = [];
    var theme = scheme();
    document.querySelectorAll(".vega-chart[data-spec]").forEach(function (el) {
      draw(el, theme).catch(function (error) {
        el.classList.remove("vega-chart--live");   // keep the static fallback visible
        console.error("chart " + el.getAttribute("data-spec") + " failed:", error);
      });
    });
  }

  document$.subscribe(drawAll);
  new MutationObserver(drawAll).observe(document.body, {
    attributes: true, attributeFilter: ["data-md-color-scheme"]
  });
})();
