/* Material's bundle, loaded when the reader first does something.
 *
 * A page here is a document to read: its text, tables, static charts, palette switch, menus
 * (CSS toggles) and collapsed sections all work without Material's JavaScript. The bundle adds
 * search, instant navigation and the table of contents that follows the reader (no
 * back-to-top button: it appeared over the row a posting linked to). Starting it costs a phone about half a second of main thread (the largest part of
 * every page's blocking time), and run while the page loads, it also held back the first paint
 * of the page's text. So it loads on the reader's first scroll, touch, pointer move, key or
 * focus, as charts.js loads the chart runtime; a link tapped first is followed as a plain link.
 *
 * The site's own scripts run on aimlpay.onPage(fn): once the page is parsed, and again after
 * every instant navigation (Material's document$, which replays the page it started on).
 */
(function () {
  "use strict";
  var BUNDLE = new URL(document.currentScript.getAttribute("data-bundle"), location.href).href;
  var EVENTS = ["scroll", "wheel", "touchstart", "pointerdown", "pointermove", "keydown", "focusin"];
  var SHORTCUTS = "fs/pn,.";      // Material's keys: search (f, s, /), previous and next page
  var hooks = [];
  var parsed = false;

  function each() { hooks.forEach(function (fn) { fn(); }); }

  window.aimlpay = {
    scrolledAt: -Infinity,            // when the page last scrolled itself (place.js)
    onPage: function (fn) {
      hooks.push(fn);
      if (parsed) fn();
    }
  };

  document.addEventListener("DOMContentLoaded", function () {
    parsed = true;
    each();
  }, { once: true });

  function start(event) {
    // A scroll the page made itself (a posting link's check brought into view) is not the
    // reader's first move.
    if (event.type === "scroll" && performance.now() - window.aimlpay.scrolledAt < 1000) return;
    EVENTS.forEach(function (type) { window.removeEventListener(type, start, true); });
    var script = document.createElement("script");
    script.src = BUNDLE;
    script.onload = function () {
      // Material starts everything on the page's DOMContentLoaded. If that has passed, it is
      // sent again: Material's is the only listener left for it (ours was once-only).
      // Starting, it wraps each table in a scrolling box, which takes the focus away from a
      // table (or a link in one) the reader is on: the focus is put back.
      var focused = document.activeElement;
      if (parsed) document.dispatchEvent(new Event("DOMContentLoaded"));
      if (focused && focused !== document.activeElement && focused.isConnected) {
        focused.focus({ preventScroll: true });
      }
      // A shortcut pressed first (it loaded the bundle) is pressed again for Material, which
      // ignores it, as it does any key, while the focus is in a field.
      if (event.type === "keydown" && event.key.length === 1 && SHORTCUTS.indexOf(event.key) >= 0 &&
          !(event.ctrlKey || event.metaKey || event.altKey)) {
        window.dispatchEvent(new KeyboardEvent("keydown", { key: event.key }));
      }
      var first = true;
      window.document$.subscribe(function () {
        if (first) first = false;   // the page already set up above
        else each();
      });
    };
    document.head.appendChild(script);
  }

  EVENTS.forEach(function (type) {
    window.addEventListener(type, start, { capture: true, passive: true });
  });
})();
