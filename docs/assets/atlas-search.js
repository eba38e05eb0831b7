/* MedLLM Atlas: load the search index only when the search box is first used.
   Material requests search/search_index.json (with XMLHttpRequest) as soon as a page
   loads; this holds that one request back until the reader opens search (a click, a tap
   or the keyboard shortcut), then sends it, so search is as fast as before once it has
   loaded. Loaded in the page head, before the theme's bundle. The offline copy reads the
   index from a local script instead, which costs no network. */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json(?:[?#]|$)/;
  var release = null;
  var gate = new Promise(function (resolve) { release = resolve; });
  function open() {
    if (release) { release(); release = null; }
  }
  var proto = window.XMLHttpRequest && window.XMLHttpRequest.prototype;
  if (!proto) return;
  var realOpen = proto.open, realSend = proto.send;
  proto.open = function (method, url) {
    this._atlasIndex = INDEX.test(String(url));
    return realOpen.apply(this, arguments);
  };
  proto.send = function () {
    if (!this._atlasIndex || !release) return realSend.apply(this, arguments);
    var xhr = this, args = arguments;
    gate.then(function () { realSend.apply(xhr, args); });
  };
  function isSearch(el) {
    return el && el.matches && el.matches("[data-md-component=search-query], #__search");
  }
  document.addEventListener("focusin", function (e) { if (isSearch(e.target)) open(); }, true);
  document.addEventListener("change", function (e) { if (isSearch(e.target)) open(); }, true);
  document.addEventListener("pointerdown", function (e) {
    if (e.target && e.target.closest && e.target.closest("label[for=__search]")) open();
  }, true);
  document.addEventListener("keydown", function (e) {
    var key = (e.key || "").toLowerCase();
    if ((key === "s" || key === "f" || key === "/") && !isSearch(e.target)) open();
  }, true);
})();
