/* MedLLM Atlas: sortable tables, filters kept in the address, copy buttons, compare.
   Plain JavaScript with no dependencies; works from file:// and offline. */
(function () {
  "use strict";

  /* Data files of a page (macros/render/deferred.py, the models index): loaded with a
     script element, which works from file:// too, once, and only when a reader needs them. */
  var loads = {};
  function siteBase() {
    var config = document.getElementById("__config");
    try { return config ? JSON.parse(config.textContent).base || "." : "."; } catch (e) { return "."; }
  }
  function loadData(src, done) {
    var entry = loads[src];
    if (!entry) {
      entry = loads[src] = { ready: false, waiting: [] };
      var script = document.createElement("script");
      script.src = siteBase() + "/" + src;
      script.onload = function () {
        entry.ready = true;
        entry.waiting.splice(0).forEach(function (f) { f(); });
      };
      document.head.appendChild(script);
    }
    if (entry.ready) done(); else entry.waiting.push(done);
  }

  // A long table (or list) drawn in part: its other rows are added from the page's data file.
  function expandTable(table, done) {
    var src = table.getAttribute("data-deferred-src");
    if (!src || table._atlasExpanded) { if (done) done(); return; }
    loadData(src, function () {
      if (!table._atlasExpanded) {
        table._atlasExpanded = true;
        var rows = (window.__atlasDeferred || {})[table.getAttribute("data-deferred-key")] || "";
        (table.tBodies ? table.tBodies[0] : table).insertAdjacentHTML("beforeend", rows);
        if (table._atlasShowAll) table._atlasShowAll.hidden = true;
      }
      if (done) done();
    });
  }

  function expandAll(tables, done) {
    var left = tables.length;
    if (!left) return done();
    tables.forEach(function (t) { expandTable(t, function () { if (--left === 0) done(); }); });
  }

  function setupDeferred(table) {
    if (table.getAttribute("data-deferred-rows") === "0") return;  // only hidden rows wait
    var wrap = table.closest(".atlas-table-wrap") || table;
    var p = document.createElement("p");
    p.className = "atlas-show-all";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";
    button.textContent = "Show all (" + table.getAttribute("data-deferred-rows") + " more)";
    button.addEventListener("click", function () { expandTable(table); });
    p.appendChild(button);
    wrap.parentNode.insertBefore(p, wrap.nextSibling);
    table._atlasShowAll = p;
  }

  // A link to a row that is not drawn yet (#r-...): draw the long tables, then go to it.
  function revealTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id || id.indexOf("=") >= 0 || document.getElementById(id)) return;
    var tables = Array.prototype.slice.call(document.querySelectorAll("[data-deferred-src]"));
    expandAll(tables, function () {
      var target = document.getElementById(id);
      if (target) target.scrollIntoView();
    });
  }

  // A cell's sort key, or null when it is empty (empty cells sort last either way).
  function cellValue(row, index, numeric) {
    var cell = row.cells[index];
    if (!cell) return null;
    var raw = cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent;
    raw = raw.trim();
    if (raw === "") return null;
    if (numeric) {
      var n = parseFloat(raw);
      return isNaN(n) ? null : n;
    }
    return raw.toLowerCase();
  }

  function markSorted(table, index, ascending) {
    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headers, function (h) { h.setAttribute("aria-sort", "none"); });
    if (headers[index]) headers[index].setAttribute("aria-sort", ascending ? "ascending" : "descending");
    return headers[index];
  }

  function sortRows(table, index, ascending) {
    var th = markSorted(table, index, ascending);
    if (!th) return;
    if (table._atlasEnsure) return table._atlasEnsure(function () { table._atlasSort(index, ascending); });
    if (table.hasAttribute("data-deferred-src") && !table._atlasExpanded) {
      return expandTable(table, function () { sortRows(table, index, ascending); });
    }
    var numeric = th.getAttribute("data-type") === "number";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.forEach(function (r, i) { r._atlasIndex = i; r._atlasKey = cellValue(r, index, numeric); });
    rows.sort(function (a, b) {
      var x = a._atlasKey, y = b._atlasKey;
      if (x === null || y === null) return (x === null) - (y === null) || a._atlasIndex - b._atlasIndex;
      var c = x < y ? -1 : x > y ? 1 : 0;
      if (!ascending) c = -c;
      return c || a._atlasIndex - b._atlasIndex;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }

  // Sortable headers. With ``useHash`` the order is kept in the address (sort=N&dir=...).
  function makeSortable(table, useHash) {
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(headers, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        sortRows(table, index, ascending);
        if (useHash) updateHash({ sort: String(index), dir: ascending ? "asc" : "desc" });
      });
    });
    if (useHash) {
      var state = readHash();
      if (state.sort) sortRows(table, parseInt(state.sort, 10), state.dir !== "desc");
    }
  }

  function readHash() {
    var params = {};
    var hash = window.location.hash.replace(/^#/, "");
    if (hash.indexOf("=") < 0) return params;
    hash.split("&").forEach(function (pair) {
      var i = pair.indexOf("=");
      if (i > 0) params[decodeURIComponent(pair.slice(0, i))] = decodeURIComponent(pair.slice(i + 1));
    });
    return params;
  }

  function writeHash(params) {
    var parts = Object.keys(params).sort().filter(function (k) { return params[k]; }).map(function (k) {
      return encodeURIComponent(k) + "=" + encodeURIComponent(params[k]);
    });
    var hash = parts.length ? "#" + parts.join("&") : " ";
    try {
      history.replaceState(null, "", hash === " " ? window.location.pathname + window.location.search : hash);
    } catch (e) {
      window.location.hash = parts.join("&");
    }
  }

  function updateHash(changes) {
    var state = readHash();
    Object.keys(changes).forEach(function (k) { state[k] = changes[k]; });
    writeHash(state);
  }

  // Text for tolerant matching: no case, accents, spaces, hyphens or punctuation, so that
  // "medpalm", "Med PaLM" and "med-palm" all find Med-PaLM.
  function folded(text) {
    return (text.normalize ? text.normalize("NFD") : text)
      .replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "");
  }

  // A table whose rows come from the page's data file (window.__atlasRows): each row's
  // HTML (escaped when the site was built), its filter values and its sort keys. The page
  // draws the first rows itself; the data file is loaded on the first filter, sort or
  // "Show more". Filtering and sorting then work on the data, and only the first PAGE
  // matches are drawn, then more on demand.
  var PAGE = 200;
  function dataRows(table) {
    var items = window.__atlasRows.rows.map(function (r, i) { return { html: r.h, f: r.f, k: r.k, i: i, q: folded(r.f.q || "") }; });
    var body = table.tBodies[0], more = document.querySelector("[data-more-rows]");
    var matched = items, limit = PAGE, order = null;
    function sorted(list) {
      if (!order) return list;
      var index = order[0], up = order[1];
      return list.slice().sort(function (a, b) {
        var x = a.k[index], y = b.k[index];
        if (x === null || y === null) return (x === null) - (y === null) || a.i - b.i;
        var c = x < y ? -1 : x > y ? 1 : 0;
        return (up ? c : -c) || a.i - b.i;
      });
    }
    function draw() {
      body.innerHTML = matched.slice(0, limit).map(function (it) { return it.html; }).join("");
      if (more) {
        more.hidden = matched.length <= limit;
        more.textContent = "Show more (" + (matched.length - limit) + " not shown)";
      }
    }
    table._atlasSort = function (index, up) { order = [index, up]; matched = sorted(matched); draw(); };
    return {
      items: items,
      attr: function (it, key) { return it.f[key] || ""; },
      show: function (list) { matched = sorted(list); limit = PAGE; draw(); },
      more: function () { limit += PAGE; draw(); }
    };
  }

  function setupFilters(form, useHash) {
    var table = document.getElementById(form.getAttribute("data-filter-for"));
    if (!table) return;
    var controls = Array.prototype.slice.call(form.querySelectorAll("[data-filter]"));
    var output = form.querySelector(".atlas-count");
    var columns = form.querySelector("[data-columns]");
    var dataSrc = table.getAttribute("data-rows");
    var source = null;  // the rows' data, once loaded (tables drawn from data)
    var domAttr = function (row, key) { return row.getAttribute("data-" + key) || ""; };
    function rows() {  // the rows to match: the data's, or the table's (all of them drawn)
      if (source) return source.items;
      var list = Array.prototype.slice.call(table.tBodies[0].rows);
      list.forEach(function (row) { if (row.q === undefined) row.q = folded(row.getAttribute("data-q") || ""); });
      return list;
    }
    // Before matching, every row must be at hand: load the data, or draw a long table.
    function ensure(done) {
      if (dataSrc && !source) {
        return loadData(dataSrc, function () { if (!source) source = dataRows(table); done(); });
      }
      if (table.hasAttribute("data-deferred-src")) return expandTable(table, done);
      done();
    }
    if (dataSrc) {
      table._atlasEnsure = ensure;
      var more = document.querySelector("[data-more-rows]");
      if (more) {
        more.hidden = table.tBodies[0].rows.length >= parseInt(table.getAttribute("data-total"), 10);
        more.addEventListener("click", function () {
          if (source) return source.more();
          ensure(function () { apply(false); source.more(); });
        });
      }
    }
    function readState() {
      var state = {};
      controls.forEach(function (c) { state[c.getAttribute("data-filter")] = c.value.trim(); });
      return state;
    }
    function apply(changed) {
      var state = readState();
      var q = folded(state.q || "");
      var keys = Object.keys(state).filter(function (k) { return k !== "q" && state[k]; });
      if (columns) {
        table.classList.toggle("atlas-show-scores", columns.checked);
        state.cols = columns.checked ? columns.getAttribute("data-columns") : "";
      }
      var total = dataSrc ? parseInt(table.getAttribute("data-total"), 10) : null;
      var ready = (!dataSrc || source) && (!table.hasAttribute("data-deferred-src") || table._atlasExpanded);
      if (!ready && !q && !keys.length) {
        // Nothing to match: the page already shows the first rows in order.
        var all = total || table.tBodies[0].rows.length + parseInt(table.getAttribute("data-deferred-rows") || "0", 10);
        if (output) output.textContent = all + " of " + all + " shown";
        if (useHash && changed) updateHash(state);
        return;
      }
      if (!ready) return ensure(function () { apply(changed); });
      var attr = source ? source.attr : domAttr;
      var list = rows(), kept = [];
      list.forEach(function (row) {
        var ok = (!q || row.q.indexOf(q) >= 0) && keys.every(function (key) {
          return (" " + attr(row, key) + " ").indexOf(" " + state[key] + " ") >= 0;
        });
        if (ok) kept.push(row);
        if (!source && row.hidden !== !ok) row.hidden = !ok;
      });
      if (source) source.show(kept);
      if (output) output.textContent = kept.length + " of " + list.length + " shown";
      if (useHash && changed) updateHash(state);
    }
    var initial = useHash ? readHash() : {};
    if (columns) {
      columns.checked = initial.cols === columns.getAttribute("data-columns");
      columns.addEventListener("change", function () { apply(true); });
    }
    controls.forEach(function (c) {
      var key = c.getAttribute("data-filter");
      if (initial[key] !== undefined) c.value = initial[key];
      c.addEventListener(c.tagName === "SELECT" ? "change" : "input", function () { apply(true); });
    });
    var reset = form.querySelector("[data-filter-reset]");
    if (reset) reset.addEventListener("click", function () {
      controls.forEach(function (c) { c.value = ""; });
      apply(true);
    });
    apply(false);
  }

  function setupCopy(button) {
    button.addEventListener("click", function () {
      // The theme renames ids of code blocks, so find the block next to the button.
      var box = button.closest(".atlas-cite");
      var target = box ? box.querySelector("pre") : document.getElementById(button.getAttribute("data-copy"));
      if (!target) return;
      var text = target.textContent;
      function done() { button.textContent = "Copied"; setTimeout(function () { button.textContent = "Copy BibTeX"; }, 1500); }
      // Copy through a selected textarea first: it works from file:// and without
      // clipboard permissions; the asynchronous Clipboard API is the second try.
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "absolute"; area.style.left = "-9999px";
      document.body.appendChild(area);
      area.select();
      var copied = false;
      try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
      document.body.removeChild(area);
      if (copied) {
        done();
      } else if (navigator.clipboard) {
        navigator.clipboard.writeText(text).then(done, function () { button.textContent = "Select and copy the text above"; });
      }
    });
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) {
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  function setupCompare(root) {
    var data = window.__atlasCompare;  // assets/compare-data.js, loaded by the page
    if (!data) return;
    var selects = Array.prototype.slice.call(root.querySelectorAll("[data-compare-slot]"));
    var output = document.getElementById("compare-output");
    function render(updateHash) {
      var chosen = selects.map(function (s) { return s.value; }).filter(function (v, i, all) {
        return v && data.models[v] && all.indexOf(v) === i;
      });
      if (updateHash) writeHash({ models: chosen.join(",") });
      output.textContent = "";
      if (chosen.length < 2) {
        output.appendChild(el("p", {}, ["Choose at least two models."]));
        return;
      }
      var models = chosen.map(function (id) { return data.models[id]; });
      var head = el("tr", {}, [el("th", { scope: "col" }, ["Fact"])].concat(models.map(function (m) {
        return el("th", { scope: "col" }, [el("a", { href: m.url }, [m.name])]);
      })));
      var body = el("tbody");
      Object.keys(models[0].facts).forEach(function (fact) {
        body.appendChild(el("tr", {}, [el("th", { scope: "row" }, [fact])].concat(models.map(function (m) {
          return el("td", {}, [m.facts[fact] || "–"]);
        }))));
      });
      output.appendChild(el("h2", { id: "facts" }, ["Facts"]));
      output.appendChild(el("div", { "class": "atlas-table-wrap" }, [el("table", { "class": "atlas-table", id: "compare-facts" }, [el("thead", {}, [head]), body])]));

      var byGroup = {};
      models.forEach(function (m, i) {
        m.scores.forEach(function (s) {
          var key = s[1] + "@" + s[0];
          byGroup[key] = byGroup[key] || {};
          (byGroup[key][i] = byGroup[key][i] || []).push(s);
        });
      });
      var shared = Object.keys(byGroup).filter(function (k) { return Object.keys(byGroup[k]).length >= 2; }).sort();
      output.appendChild(el("h2", { id: "shared-results" }, ["Shared results"]));
      if (!shared.length) {
        output.appendChild(el("p", {}, ["These models have no result in a common comparable setting."]));
        return;
      }
      var rhead = el("tr", {}, [el("th", { scope: "col" }, ["Benchmark and setting"])].concat(models.map(function (m) {
        return el("th", { scope: "col" }, [m.name]);
      })));
      var rbody = el("tbody");
      shared.forEach(function (key) {
        var g = data.groups[key] || { benchmark: key, title: "", url: "#" };
        var best = -Infinity;
        Object.keys(byGroup[key]).forEach(function (i) {
          byGroup[key][i].forEach(function (s) { best = Math.max(best, s[2]); });
        });
        var cells = models.map(function (m, i) {
          var list = byGroup[key][i] || [];
          if (!list.length) return el("td", {}, ["–"]);
          var parts = list.map(function (s) {
            return el("span", { title: s[4] + " (" + s[3] + ")", "class": s[2] === best ? "atlas-best" : "" }, [String(s[2])]);
          });
          var td = el("td");
          parts.forEach(function (p, j) { if (j) td.appendChild(document.createTextNode(" / ")); td.appendChild(p); });
          return td;
        });
        rbody.appendChild(el("tr", {}, [el("th", { scope: "row" }, [el("a", { href: g.url }, [g.benchmark]), el("br"), el("small", {}, [g.title])])].concat(cells)));
      });
      output.appendChild(el("div", { "class": "atlas-table-wrap" }, [el("table", { "class": "atlas-table", id: "compare-results" }, [el("thead", {}, [rhead]), rbody])]));
    }
    var ids = Object.keys(data.models).sort(function (a, b) {
      var x = data.models[a].name.toLowerCase(), y = data.models[b].name.toLowerCase();
      return x < y ? -1 : x > y ? 1 : a < b ? -1 : 1;
    });
    selects.forEach(function (s) {  // every model, by name, after "(none)"
      var options = document.createDocumentFragment();
      ids.forEach(function (id) {
        var o = document.createElement("option");
        o.value = id;
        o.textContent = data.models[id].name;
        options.appendChild(o);
      });
      s.appendChild(options);
    });
    var initial = (readHash().models || "").split(",").filter(Boolean);
    selects.forEach(function (s, i) {
      if (initial[i] && data.models[initial[i]]) s.value = initial[i];
      s.addEventListener("change", function () { render(true); });
    });
    render(false);
  }


  /* Boards: each model once at its best; filters narrow every board of the page to strict
     comparability and re-rank it. The state is kept in the address (#only=...&by=...). */
  function rowPasses(row, state, strictGroup) {
    if (state["zero-shot"] && row.getAttribute("data-shots") !== "0") return false;
    if (state["no-ensemble"] && row.getAttribute("data-prompting") === "ensemble") return false;
    if (state.open && row.getAttribute("data-weights") !== "open") return false;
    if (state["not-train"] && row.getAttribute("data-ft") === "true") return false;
    if (state.by && (" " + row.getAttribute("data-by") + " ").indexOf(" " + state.by + " ") < 0) return false;
    if (state.clean && /suspected|confirmed/.test(row.getAttribute("data-contamination") || "")) return false;
    if (strictGroup !== null && row.getAttribute("data-group") !== strictGroup) return false;
    return true;
  }

  /* A model is tied with the leader when their 95% intervals overlap (both known). */
  function markTies(tops) {
    var leader = tops[0];
    function bounds(row) {
      var lo = row.getAttribute("data-lo"), hi = row.getAttribute("data-hi");
      return lo === null || hi === null ? null : [parseFloat(lo), parseFloat(hi)];
    }
    var lead = leader ? bounds(leader) : null;
    tops.forEach(function (row, i) {
      var tie = row.querySelector(".atlas-tie");
      if (!tie) return;
      var b = bounds(row);
      tie.hidden = !(i > 0 && lead && b && b[0] <= lead[1] && lead[0] <= b[1]);
    });
  }

  function rankBoard(table, state) {
    var higher = table.getAttribute("data-higher") !== "false";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    function better(a, b) {
      var x = parseFloat(a.getAttribute("data-value")), y = parseFloat(b.getAttribute("data-value"));
      return higher ? x > y : x < y;
    }
    function bestPerModel(strictGroup) {
      var best = {};
      rows.forEach(function (row) {
        if (!rowPasses(row, state, strictGroup)) return;
        var m = row.getAttribute("data-model");
        if (!best[m] || better(row, best[m])) best[m] = row;
      });
      return best;
    }
    var best = bestPerModel(null);
    if (state.strict) {
      var leader = null;
      Object.keys(best).forEach(function (m) { if (!leader || better(best[m], leader)) leader = best[m]; });
      best = leader ? bestPerModel(leader.getAttribute("data-group")) : {};
    }
    var models = Object.keys(best).sort(function (a, b) {
      var x = parseFloat(best[a].getAttribute("data-value")), y = parseFloat(best[b].getAttribute("data-value"));
      return (higher ? y - x : x - y) || (a < b ? -1 : a > b ? 1 : 0);
    });
    var byModel = {};
    rows.forEach(function (row) { (byModel[row.getAttribute("data-model")] = byModel[row.getAttribute("data-model")] || []).push(row); });
    rows.forEach(function (row) { row.hidden = true; row.classList.add("atlas-alt"); row.cells[0].textContent = ""; });
    models.forEach(function (m, i) {
      var top = best[m];
      top.hidden = false;
      top.classList.remove("atlas-alt");
      top.cells[0].textContent = String(i + 1);
      body.appendChild(top);
      var open = table.getAttribute("data-open-" + m) === "true";
      var others = byModel[m].filter(function (r) { return r !== top && rowPasses(r, state, null); });
      others.forEach(function (r) { r.hidden = !open; body.appendChild(r); });
      var button = top.querySelector(".atlas-more");
      if (!button && others.length) {
        button = document.createElement("button");
        button.type = "button";
        button.className = "atlas-more";
        top.cells[1].appendChild(document.createTextNode(" "));
        top.cells[1].appendChild(button);
      }
      if (button) {
        button.hidden = !others.length;
        button.textContent = (open ? "− " : "+") + others.length + " more";
        button.setAttribute("aria-expanded", open ? "true" : "false");
      }
    });
    rows.forEach(function (row) { if (row.hidden && models.indexOf(row.getAttribute("data-model")) < 0) body.appendChild(row); });
    markTies(models.map(function (m) { return best[m]; }));
    return models.length;
  }

  function setupBoards(form) {
    var tables = Array.prototype.slice.call(document.querySelectorAll("table[data-board]"));
    var controls = Array.prototype.slice.call(form.querySelectorAll("[data-board-filter]"));
    var output = form.querySelector(".atlas-count");
    function read() {
      var state = {};
      controls.forEach(function (c) {
        var key = c.getAttribute("data-board-filter");
        state[key] = c.type === "checkbox" ? c.checked : c.value;
      });
      return state;
    }
    function filtered(state) {
      return Object.keys(state).some(function (k) { return state[k]; });
    }
    function apply(updateHash) {
      var state = read(), shown = 0;
      if (!updateHash && !filtered(state)) {
        // No filter: the boards are already drawn in this order; only count them.
        tables.forEach(function (t) { shown += t.querySelectorAll("tbody tr:not([hidden])").length; });
        tables.forEach(function (t) { if (!t._atlasExpanded) shown += parseInt(t.getAttribute("data-deferred-rows") || "0", 10); });
      } else {
        // Every row takes part in a re-ranking: draw the long boards in full first.
        return expandAll(tables.filter(function (t) { return !t._atlasExpanded; }), function () {
          tables.forEach(function (t) { shown += rankBoard(t, state); });
          finish(state, shown, updateHash);
        });
      }
      finish(state, shown, updateHash);
    }
    function finish(state, shown, updateHash) {
      if (output) output.textContent = shown + " model rows shown across " + tables.length + " board" + (tables.length === 1 ? "" : "s");
      if (updateHash) {
        var only = controls.filter(function (c) { return c.type === "checkbox" && c.checked; })
          .map(function (c) { return c.getAttribute("data-board-filter"); });
        writeHash({ only: only.join(","), by: state.by || "" });
      }
    }
    // "+N more" opens a model's other scores; one listener per board (boards are only
    // re-ranked on load when a filter is set, so the buttons carry no handlers of their own).
    tables.forEach(function (t) {
      t.addEventListener("click", function (e) {
        var button = e.target.closest && e.target.closest(".atlas-more");
        if (!button) return;
        var m = button.closest("tr").getAttribute("data-model");
        var open = t.getAttribute("data-open-" + m) === "true";
        t.setAttribute("data-open-" + m, open ? "false" : "true");
        expandTable(t, function () { rankBoard(t, read()); });
      });
    });
    var initial = readHash();
    var only = (initial.only || "").split(",");
    controls.forEach(function (c) {
      var key = c.getAttribute("data-board-filter");
      if (c.type === "checkbox") c.checked = only.indexOf(key) >= 0;
      else if (initial[key] !== undefined) c.value = initial[key];
      c.addEventListener("change", function () { apply(true); });
    });
    apply(false);
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("form.atlas-filters, form.atlas-compare-form, form.atlas-board-filters"), function (f) {
      f.addEventListener("submit", function (e) { e.preventDefault(); });
    });
    var forms = document.querySelectorAll(".atlas-filters[data-filter-for]");
    var hashed = forms.length === 1 ? forms[0].getAttribute("data-filter-for") : null;
    // Filters first: a table drawn from data takes over its own sorting.
    Array.prototype.forEach.call(forms, function (f) { setupFilters(f, forms.length === 1); });
    Array.prototype.forEach.call(document.querySelectorAll("table[data-sortable]"), function (t) {
      makeSortable(t, t.id === hashed);
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-deferred-src]"), setupDeferred);
    Array.prototype.forEach.call(document.querySelectorAll("[data-copy]"), setupCopy);
    var boards = document.querySelector("form.atlas-board-filters");
    if (boards) setupBoards(boards);
    var compare = document.querySelector(".atlas-compare");
    if (compare) setupCompare(compare);
    revealTarget();
    window.addEventListener("hashchange", revealTarget);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
