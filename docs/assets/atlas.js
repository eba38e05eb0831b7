/* MedLLM Atlas: sortable tables, filters kept in the address, copy buttons, compare.
   Plain JavaScript with no dependencies; works from file:// and offline. */
(function () {
  "use strict";

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

  function sortRows(table, index, ascending) {
    var headers = table.tHead.rows[0].cells;
    var th = headers[index];
    if (!th) return;
    var numeric = th.getAttribute("data-type") === "number";
    Array.prototype.forEach.call(headers, function (h) { h.setAttribute("aria-sort", "none"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
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

  function setupFilters(form, useHash) {
    var table = document.getElementById(form.getAttribute("data-filter-for"));
    if (!table) return;
    var controls = Array.prototype.slice.call(form.querySelectorAll("[data-filter]"));
    var output = form.querySelector(".atlas-count");
    var rows = table.tBodies[0].rows;
    Array.prototype.forEach.call(rows, function (row) { row._atlasQ = folded(row.getAttribute("data-q") || ""); });
    var columns = form.querySelector("[data-columns]");
    function apply(changed) {
      var state = {};
      controls.forEach(function (c) { state[c.getAttribute("data-filter")] = c.value.trim(); });
      var q = folded(state.q || "");
      var keys = Object.keys(state).filter(function (k) { return k !== "q" && state[k]; });
      var shown = 0;
      Array.prototype.forEach.call(rows, function (row) {
        var ok = (!q || row._atlasQ.indexOf(q) >= 0) && keys.every(function (key) {
          var have = row.getAttribute("data-" + key) || "";
          return (" " + have + " ").indexOf(" " + state[key] + " ") >= 0;
        });
        if (row.hidden !== !ok) row.hidden = !ok;
        if (ok) shown++;
      });
      if (columns) {
        table.classList.toggle("atlas-show-scores", columns.checked);
        state.cols = columns.checked ? columns.getAttribute("data-columns") : "";
      }
      if (output) output.textContent = shown + " of " + rows.length + " shown";
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
      } else {
        tables.forEach(function (t) { shown += rankBoard(t, state); });
      }
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
        rankBoard(t, read());
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
    Array.prototype.forEach.call(document.querySelectorAll("table[data-sortable]"), function (t) {
      makeSortable(t, t.id === hashed);
    });
    Array.prototype.forEach.call(forms, function (f) { setupFilters(f, forms.length === 1); });
    Array.prototype.forEach.call(document.querySelectorAll("[data-copy]"), setupCopy);
    var boards = document.querySelector("form.atlas-board-filters");
    if (boards) setupBoards(boards);
    var compare = document.querySelector(".atlas-compare");
    if (compare) setupCompare(compare);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
