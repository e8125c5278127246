{#-
  Everything the site's JavaScript relies on in mkdocs-material's private markup and bundle
  (9.8.1), in this one file. main.html inlines it in every page's <head>; the site's other
  scripts use window.aimlpay and never Material's internals. tests/test_material.py checks
  each behaviour below against the installed theme, one test each, named as here, and that
  no other script of ours names Material's private names.

  At once, in the head, before there is a page to restyle (each costs a phone ~0.1 s later):
   1. root classes: the bundle turns no-js into js and adds js-focus-visible (its focus
      polyfill); done now, the bundle's own changes are no-ops.
   2. style sheets: instant navigation rewrites every relative address as an absolute one,
      which on a style sheet's <link> reloads it and restyles the page; done now, it leaves
      them alone.
   3. sitemap: instant navigation follows only links listed in sitemap.xml, matched by their
      full address, which it parses with DOMParser. The addresses are rebased onto wherever
      this copy is served (another host, port or sub-path; a build without SITE_URL lists
      site-relative paths) and handed over as a list, without an XML parse.
  Called from main.html:
   4. palette(), right after the header: applies the stored palette (Material's __palette,
      through its __md_get/__md_set) or the system's, on <body>'s data-md-color-* attributes,
      while the page is read. Material's own component restyled the page four times after
      the bundle ran, and showed a dark system the light palette until then.
   5. load(bundle), at the end of <body>: Material's bundle loads on the reader's first
      scroll, touch, pointer move, key or focus. It starts on DOMContentLoaded, which is sent
      again if it has passed; the focus it takes from a table is given back; a shortcut key
      that loaded it is pressed again; then aimlpay.onPage hooks follow its document$.
  For the site's scripts:
   6. scheme() and onSchemeChange(fn): the palette in use, from <body>'s
      data-md-color-scheme (charts.js draws in it).
   7. root(): the site's root address, from Material's #__config (its base, relative to the
      page first loaded; instant navigation changes the address but not the config).
   8. scrollBox(table): the box that scrolls a wide table (Material wraps each table in
      .md-typeset__scrollwrap once its bundle runs; the table itself before that).

  (This list is a Jinja comment: main.html inlines the file with {% include %}, and
  readers' pages do not carry it.)
-#}
(function () {
  "use strict";
  var root = document.documentElement;
  var script = document.currentScript;

  // 1. root classes
  root.classList.replace("no-js", "js");
  root.classList.add("js-focus-visible");
  root.setAttribute("data-js-focus-visible", "");

  // 2. style sheets (loaded when this runs, in the head after Material's <link>s)
  var sheets = document.querySelectorAll("link[rel='stylesheet'][href]");
  for (var i = 0; i < sheets.length; i++) sheets[i].href = sheets[i].href;

  function rootAddress() {
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    // "/" on the 404 page (served at any depth): "//" would read as a host-less address.
    return new URL(base.replace(/\/+$/, "") + "/", location.href).href;
  }

  // 3. sitemap
  var built = script.getAttribute("data-site-url") || "";
  var parse = DOMParser.prototype.parseFromString;
  DOMParser.prototype.parseFromString = function (text, type) {
    // The sitemap only: pages fetched by instant navigation are parsed here too (as
    // text/html), and this very script, inside them, spells the word urlset.
    if (type === "text/xml" && typeof text === "string" && text.indexOf("<urlset") !== -1) {
      var base = rootAddress();
      // What Material's sitemap reader calls: querySelectorAll("url") on the document, then
      // on each entry querySelector("loc").textContent and querySelectorAll for
      // alternate-language links (none here).
      var urls = [];
      function add(loc) {
        var path = built && loc.indexOf(built) === 0 ? loc.slice(built.length) : loc;
        var address = {textContent: /^[a-z]+:/i.test(path) ? loc : base + path.replace(/^\//, "")};
        urls.push({querySelector: function () { return address; },
                   querySelectorAll: function () { return []; }});
      }
      text.replace(/<loc>([^<]*)<\/loc>/g, function (_, loc) { add(loc); });
      // A build without SITE_URL lists its pages as "/path", one a line, in a comment.
      var listed = text.match(/<!--[^\n]*instant navigation:\n([\s\S]*?)-->/);
      if (listed) listed[1].split("\n").forEach(function (line) {
        if (line.charAt(0) === "/") add(line.replace(/&amp;/g, "&"));
      });
      return {querySelectorAll: function () { return urls; }};
    }
    return parse.call(this, text, type);
  };

  // 4. palette
  function palette() {
    var form = document.querySelector("form[data-aimlpay-palette]");
    if (!form) return;
    var inputs = form.querySelectorAll("input[name='__palette']");
    var header = document.querySelector("[data-md-component='header']");
    var keys = ["media", "scheme", "primary", "accent"];
    var current = 0;
    function meta(name) {
      var el = document.createElement("meta");
      el.name = name;
      return document.head.appendChild(el);
    }
    var themeColor = meta("theme-color"), colorScheme = meta("color-scheme");
    function system() {
      for (var i = 0; i < inputs.length; i++)
        if (matchMedia(inputs[i].getAttribute("data-md-color-media")).matches) return i;
      return 0;
    }
    // A palette's colours, as the switch's input carries them and Material stores them.
    function colorOf(index) {
      var color = {};
      keys.forEach(function (key) { color[key] = inputs[index].getAttribute("data-md-color-" + key); });
      return color;
    }
    function apply(index) {
      current = index;
      inputs[index].checked = true;
      var color = colorOf(index);
      keys.forEach(function (key) { document.body.setAttribute("data-md-color-" + key, color[key]); });
      for (var i = 0; i < inputs.length; i++) {
        var label = inputs[i].nextElementSibling;
        if (label && label.tagName === "LABEL") label.hidden = i !== index;
      }
      // As Material does: the browser's own parts (scroll bars, the address bar) follow the
      // header. Both values are read before either tag changes, which would restyle the page.
      var style = getComputedStyle(header);
      var scheme = style.colorScheme, background = style.backgroundColor;
      colorScheme.content = scheme;
      themeColor.content = "#" + background.match(/\d+/g).slice(0, 3).map(function (n) {
        return (+n).toString(16).padStart(2, "0");
      }).join("");
    }
    // Storage can be refused (a browser's strict privacy setting): the page then follows the
    // system and the switch still works, for this page.
    function stored() {
      try { return __md_get("__palette"); } catch (e) { return null; }
    }
    var choice = stored();
    apply(choice && inputs[choice.index] ? choice.index : system());
    form.addEventListener("change", function (ev) {
      var index = Array.prototype.indexOf.call(inputs, ev.target);
      if (index < 0) return;
      // Material's style sheet turns transitions off under this attribute, for the switch.
      document.body.setAttribute("data-md-color-switching", "");
      apply(index);
      try { __md_set("__palette", {index: index, color: colorOf(index)}); } catch (e) {}
      setTimeout(function () { document.body.removeAttribute("data-md-color-switching"); });
    });
    // Enter on the focused switch switches, as in Material.
    form.addEventListener("keydown", function (ev) {
      if (ev.key !== "Enter") return;
      ev.preventDefault();
      var next = inputs[(current + 1) % inputs.length];
      next.click();
      next.focus();
    });
    // One flip of the system's setting changes every palette's query: apply it once.
    for (var i = 0; i < inputs.length; i++)
      matchMedia(inputs[i].getAttribute("data-md-color-media")).addEventListener("change", function () {
        if (!stored() && system() !== current) apply(system());
      });
  }

  // 5. the bundle, on the reader's first move
  var EVENTS = ["scroll", "wheel", "touchstart", "pointerdown", "pointermove", "keydown", "focusin"];
  var SHORTCUTS = "fs/pn,.";      // Material's keys: search (f, s, /), previous and next page
  var hooks = [];
  var parsed = false;

  function each() { hooks.forEach(function (fn) { fn(); }); }

  document.addEventListener("DOMContentLoaded", function () {
    parsed = true;
    each();
  }, { once: true });

  function load(bundle) {
    var address = new URL(bundle, location.href).href;
    function start(event) {
      // A scroll the page made itself (a posting link's check brought into view) is not the
      // reader's first move.
      if (event.type === "scroll" && performance.now() - window.aimlpay.scrolledAt < 1000) return;
      EVENTS.forEach(function (type) { window.removeEventListener(type, start, true); });
      var el = document.createElement("script");
      el.src = address;
      el.onload = function () {
        // Material's is the only DOMContentLoaded listener left (ours was once-only).
        var focused = document.activeElement;
        if (parsed) document.dispatchEvent(new Event("DOMContentLoaded"));
        if (focused && focused !== document.activeElement && focused.isConnected) {
          focused.focus({ preventScroll: true });
        }
        // Material ignores the key, as it does any, while the focus is in a field.
        if (event.type === "keydown" && event.key.length === 1 && SHORTCUTS.indexOf(event.key) >= 0 &&
            !(event.ctrlKey || event.metaKey || event.altKey)) {
          window.dispatchEvent(new KeyboardEvent("keydown", { key: event.key }));
        }
        var first = true;
        window.document$.subscribe(function () {
          if (first) first = false;   // the page already set up on DOMContentLoaded
          else each();
        });
      };
      document.head.appendChild(el);
    }
    EVENTS.forEach(function (type) {
      window.addEventListener(type, start, { capture: true, passive: true });
    });
  }

  window.aimlpay = {
    scrolledAt: -Infinity,            // when the page last scrolled itself (place.js)
    // fn runs once the page is parsed, and again after every instant navigation.
    onPage: function (fn) {
      hooks.push(fn);
      if (parsed) fn();
    },
    material: {
      palette: palette,
      load: load,
      // 6. the palette in use
      scheme: function () {
        return document.body.getAttribute("data-md-color-scheme") === "slate" ? "dark" : "light";
      },
      onSchemeChange: function (fn) {
        new MutationObserver(fn).observe(document.body, {
          attributes: true, attributeFilter: ["data-md-color-scheme"]
        });
      },
      // 7. the site's root address
      root: rootAddress,
      // 8. the box that scrolls a wide table
      scrollBox: function (table) { return table.closest(".md-typeset__scrollwrap") || table; }
    }
  };
})();
