var __LAYER__ = (function () {
  var map = __MAP__;
  var provinceLayer = __PROVINCE_LAYER__;
  var CLUSTER = __CLUSTER_COLORS__;
  var CELL = 60, BY_POINT_ZOOM = 14, PAGE = 100, MAX_ZOOM = 18, NO_DAY = -2147483648;
  var D = null, N = 0, wx = null, wy = null, mask = null, monthOf = null, idIndex = null;
  var filters = {from: null, to: null, types: null, actor: -1};
  var drawn = [], onMap = false, ui = {};
  var api = window.geomap = {ready: false, map: map, firstRender: null,
                            marks: {script: performance.now()}};
  map.setMaxZoom(MAX_ZOOM);      // no tile layer sets it
  map.createPane("geomapIncidents");
  var pane = map.getPane("geomapIncidents");
  pane.style.zIndex = 450;
  pane.style.pointerEvents = "none";
  var canvas = document.createElement("canvas");
  canvas.className = "geomap-incidents";

  function el(tag, cls, parent, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (parent) { parent.appendChild(e); }
    return e;
  }
  function n(v) { return v === null || v === undefined || v < 0 ? "?" : String(v); }
  function pos(v) { return v > 0 ? v : 0; }
  function dayText(d) {
    return d === NO_DAY ? "undated" : new Date(d * 86400000).toISOString().slice(0, 10);
  }
  function parseDay(s) {
    var t = s ? Date.parse(s + "T00:00:00Z") : NaN;
    return isNaN(t) ? null : Math.floor(t / 86400000);
  }
  function monthText(m) { return Math.floor(m / 12) + "-" + ("0" + (m % 12 + 1)).slice(-2); }
  function latlng(pt) { return L.latLng(D.pts[2 * pt], D.pts[2 * pt + 1]); }

  // -- data: gzip + base64, decompressed by the browser -------------------------------
  function inflate(b64) {
    var bin = atob(b64), bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream);
  }
  function prepare(data, buffer) {
    D = data; N = data.n;
    var ints = new Int32Array(buffer);
    data.columns.forEach(function (name, c) { D[name] = ints.subarray(c * N, (c + 1) * N); });
    var m = data.pts.length / 2;
    wx = new Float64Array(m); wy = new Float64Array(m);
    for (var j = 0; j < m; j++) {          // Web Mercator at zoom 0, in [0, 1]
      var s = Math.sin(data.pts[2 * j] * Math.PI / 180);
      wx[j] = (data.pts[2 * j + 1] + 180) / 360;
      wy[j] = 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
    }
    mask = new Uint8Array(N);
    monthOf = new Int32Array(N);
    for (var i = 0; i < N; i++) {
      var d = data.d[i];
      if (d === NO_DAY || data.dp[i] > 2) { monthOf[i] = -1; continue; }  // day/week/month
      // civil date from days since 1970 (H. Hinnant's algorithm), without Date objects
      var z = d + 719468, era = Math.floor(z / 146097), doe = z - era * 146097;
      var yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524)
                            - Math.floor(doe / 146096)) / 365);
      var doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
      var mp = Math.floor((5 * doy + 2) / 153), month = mp < 10 ? mp + 3 : mp - 9;
      monthOf[i] = (yoe + era * 400 + (month <= 2 ? 1 : 0)) * 12 + month - 1;
    }
    filters.types = data.types.map(function () { return true; });
  }

  // -- filters ------------------------------------------------------------------------
  function apply() {
    var from = filters.from, to = filters.to, actor = filters.actor, sets = null;
    if (actor >= 0) {
      sets = new Uint8Array(D.actorSets.length);
      D.actorSets.forEach(function (s, k) { if (s.indexOf(actor) >= 0) { sets[k] = 1; } });
    }
    var shown = 0, perType = D.types.map(function () { return 0; });
    for (var i = 0; i < N; i++) {
      var d = D.d[i];
      var ok = (d === NO_DAY || ((from === null || d >= from) && (to === null || d <= to)))
               && (sets === null || sets[D.a[i]] === 1);
      if (ok) { perType[D.t[i]]++; }
      ok = ok && filters.types[D.t[i]];
      mask[i] = ok ? 1 : 0;
      if (ok) { shown++; }
    }
    redraw();
    last = [shown, perType];
    refresh();
  }
  var last = null;
  function refresh() {
    if (ui.update) { ui.update(last[0], last[1]); }
    chart();
  }

  // -- drawing: one canvas, grid clusters ---------------------------------------------
  var Layer = L.Layer.extend({
    onAdd: function () {
      onMap = true;
      pane.appendChild(canvas);
      map.on("moveend viewreset", redraw);
      map.on("zoomstart", hide);
      redraw();
    },
    onRemove: function () {
      onMap = false;
      drawn = [];
      L.DomUtil.remove(canvas);
      map.off("moveend viewreset", redraw);
      map.off("zoomstart", hide);
    }
  });
  function hide() { canvas.style.visibility = "hidden"; }
  function radius(killed) { return Math.min(30, 4 + 1.6 * Math.sqrt(pos(killed))); }
  function redraw() {
    if (!onMap || !D) { return; }
    var size = map.getSize(), ratio = window.devicePixelRatio || 1;
    var topLeft = map.containerPointToLayerPoint([0, 0]);
    L.DomUtil.setPosition(canvas, topLeft);
    canvas.width = size.x * ratio; canvas.height = size.y * ratio;
    canvas.style.width = size.x + "px"; canvas.style.height = size.y + "px";
    canvas.style.visibility = "visible";
    var ctx = canvas.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, size.x, size.y);
    var zoom = map.getZoom(), scale = 256 * Math.pow(2, zoom), origin = map.getPixelOrigin();
    var ox = origin.x + topLeft.x, oy = origin.y + topLeft.y, pad = 40;
    var byPoint = zoom >= BY_POINT_ZOOM, cells = new Map();
    for (var i = 0; i < N; i++) {
      if (!mask[i]) { continue; }
      var pt = D.p[i], x = wx[pt] * scale - ox, y = wy[pt] * scale - oy;
      if (x < -pad || y < -pad || x > size.x + pad || y > size.y + pad) { continue; }
      var key = byPoint ? pt
          : (Math.floor(x / CELL) + 1000) * 100000 + Math.floor(y / CELL) + 1000;
      var c = cells.get(key);
      if (!c) { c = {sx: 0, sy: 0, pt: pt, same: true, members: []}; cells.set(key, c); }
      c.sx += x; c.sy += y; c.members.push(i);
      if (c.pt !== pt) { c.same = false; }
    }
    drawn = [];
    var groups = [];
    cells.forEach(function (c) {
      var count = c.members.length;
      var px = wx[c.pt] * scale - ox, py = wy[c.pt] * scale - oy;
      if (count > 1) { groups.push(c); return; }
      var i = c.members[0], r = radius(D.k[i]);
      ctx.beginPath(); ctx.arc(px, py, r, 0, 2 * Math.PI);
      ctx.fillStyle = D.colours[D.t[i]]; ctx.globalAlpha = 0.85; ctx.fill();
      ctx.globalAlpha = 1; ctx.lineWidth = 1; ctx.strokeStyle = "#333"; ctx.stroke();
      drawn.push({x: px, y: py, r: r, cell: c});
    });
    ctx.font = "bold 11px sans-serif"; ctx.textAlign = "center"; ctx.textBaseline = "middle";
    groups.forEach(function (c) {
      var count = c.members.length;
      var x = c.same ? wx[c.pt] * scale - ox : c.sx / count;
      var y = c.same ? wy[c.pt] * scale - oy : c.sy / count;
      var r = Math.min(26, 11 + 4 * Math.log10(count));
      var tier = count < 10 ? 0 : count < 100 ? 1 : 2;
      ctx.beginPath(); ctx.arc(x, y, r, 0, 2 * Math.PI);
      ctx.fillStyle = CLUSTER[tier]; ctx.globalAlpha = 0.9; ctx.fill(); ctx.globalAlpha = 1;
      ctx.lineWidth = c.same ? 3 : 1.5; ctx.strokeStyle = "#08306b"; ctx.stroke();
      ctx.fillStyle = tier === 0 ? "#08306b" : "#fff";
      ctx.fillText(count > 9999 ? Math.round(count / 1000) + "k" : String(count), x, y);
      drawn.push({x: x, y: y, r: r, cell: c});
    });
    if (api.firstRender === null) {
      api.firstRender = performance.now();
      api.ready = true;
      document.documentElement.setAttribute("data-geomap", "ready");
    }
    api.drawn = {markers: drawn.length - groups.length, clusters: groups.length};
  }
  function hit(point) {
    for (var j = drawn.length - 1; j >= 0; j--) {
      var h = drawn[j], dx = h.x - point.x, dy = h.y - point.y;
      if (dx * dx + dy * dy <= (h.r + 2) * (h.r + 2)) { return h; }
    }
    return null;
  }

  // -- popups, built when they open ---------------------------------------------------
  function row(table, label, text) {
    var tr = el("tr", null, table);
    el("td", null, tr, label);
    el("td", null, tr, text).setAttribute("dir", "auto");    // a name in Persian script
  }
  function incidentBox(i, back) {
    var box = el("div", "geomap-popup");
    box.setAttribute("data-id", D.id[i]);
    if (back) {
      var a = el("a", "geomap-back", box, back.label);
      a.href = "#";
      a.onclick = function (ev) { L.DomEvent.stop(ev); back.go(); };
      el("br", null, box);
    }
    el("b", null, box, (D.sub[D.s[i]] || D.types[D.t[i]]) + " \u2014 " + dayText(D.d[i]));
    var table = el("table", null, box), prec = D.precisions[D.dp[i]];
    row(table, "Date", dayText(D.d[i]) + (prec ? " (" + prec + ")" : ""));
    row(table, "Type", D.types[D.t[i]]);
    row(table, "Killed / wounded", n(D.k[i]) + " / " + n(D.w[i]) +
        (D.x[i] ? " (" + D.x[i] + " detained)" : ""));
    row(table, "Actors", D.actorSets[D.a[i]].map(function (k) { return D.actors[k]; })
                          .join(", ") || "\u2014");
    row(table, "Target", D.tg[i] === null ? "\u2014" : D.targets[D.tg[i]]);
    row(table, "Place", D.places[D.loc[i]]);
    row(table, "Precision", "geo_precision " + n(D.gp[i]) + ", where_prec " + n(D.wp[i]));
    row(table, "Confidence", n(D.cf[i]));
    row(table, "Id", D.id[i]);
    D.q[i].forEach(function (q) {
      // dir="auto": a Dari or Pashto quote runs right to left, an English one left to
      // right; the file name is isolated so it keeps its own order beside either
      var quote = el("blockquote", "geomap-quote", box);
      quote.setAttribute("dir", "auto");
      el("q", null, quote, q[1]);
      quote.appendChild(document.createTextNode(" "));
      el("cite", null, quote, "(" + D.files[q[0]] + ")").setAttribute("dir", "ltr");
    });
    return box;
  }
  function byDate(a, b) {                // newest first, undated last, then by id
    return D.d[b] - D.d[a] || (D.id[a] < D.id[b] ? -1 : 1);
  }
  function listBox(members, title, lines, popup) {
    var sorted = members.slice().sort(byDate), shown = 0;
    var box = el("div", "geomap-popup geomap-list");
    el("b", null, box, title);
    lines.forEach(function (line) { el("div", null, box, line); });
    var list = el("ol", null, box);
    var more = el("button", null, null, "");
    function page() {
      sorted.slice(shown, shown + PAGE).forEach(function (i) {
        var a = el("a", null, el("li", null, list), dayText(D.d[i]) + " \u2014 " +
                   (D.sub[D.s[i]] || D.types[D.t[i]]) + ", " + n(D.k[i]) + " killed");
        a.href = "#incident=" + D.id[i];
        a.setAttribute("data-id", D.id[i]);
        a.onclick = function (ev) {
          // stopped here: once the content is replaced, Leaflet can no longer tell that
          // the click came from inside the popup and would close it
          L.DomEvent.stop(ev);
          history.replaceState(null, "", "#incident=" + D.id[i]);
          popup.setContent(incidentBox(i, {label: "\u2190 all " + members.length,
                                           go: function () { popup.setContent(box); }}));
        };
      });
      shown = Math.min(sorted.length, shown + PAGE);
      more.textContent = "show " + Math.min(PAGE, sorted.length - shown) + " more of " +
                         (sorted.length - shown);
      more.style.display = shown < sorted.length ? "" : "none";
    }
    more.onclick = page;
    box.appendChild(more);
    page();
    return box;
  }
  function newPopup(where) {
    return L.popup({maxWidth: 380, autoPanPadding: [20, 20]}).setLatLng(where);
  }
  function openList(members, where, title, lines) {
    var popup = newPopup(where);
    popup.setContent(listBox(members, title, lines || [], popup)).openOn(map);
  }
  function colocated(i) {
    var out = [], pt = D.p[i];
    for (var j = 0; j < N; j++) { if (D.p[j] === pt && (mask[j] || j === i)) { out.push(j); } }
    return out;
  }
  function openIncident(i) {
    var popup = newPopup(latlng(D.p[i])), here = colocated(i);
    var back = here.length < 2 ? null : {label: "\u2190 all " + here.length + " at this point",
      go: function () { popup.setContent(listBox(here, here.length + " incidents at " +
                                                 D.places[D.loc[i]], [], popup)); }};
    popup.setContent(incidentBox(i, back)).openOn(map);
  }
  function zoomTo(members, point) {
    var bounds = L.latLngBounds(members.map(function (i) { return latlng(D.p[i]); }));
    var zoom = Math.max(map.getBoundsZoom(bounds, false, L.point(60, 60)), map.getZoom() + 1);
    map.setView(bounds.getCenter(), Math.min(zoom, MAX_ZOOM));
  }
  function onClick(e, code) {
    if (!api.details) { return; }
    var h = onMap && hit(e.containerPoint);
    if (h) {
      var c = h.cell;
      if (c.members.length === 1) { openIncident(c.members[0]); }
      else if (c.same || map.getZoom() >= MAX_ZOOM) {
        openList(c.members, c.same ? latlng(c.pt) : e.latlng, c.members.length +
                 " incidents" + (c.same ? " at " + D.places[D.loc[c.members[0]]] : " here"));
      } else { zoomTo(c.members); }
      return;
    }
    if (code !== null) { openProvince(code, e.latlng); }
  }
  function openProvince(code, where) {
    var k = -1, name = code;
    D.provinces.forEach(function (p, j) { if (p[0] === code) { k = j; name = p[1]; } });
    var members = [], killed = 0, wounded = 0;
    for (var i = 0; i < N; i++) {
      if (mask[i] && D.pr[i] === k) { members.push(i); killed += pos(D.k[i]); wounded += pos(D.w[i]); }
    }
    if (k < 0) {
      name = (provinceLayer && provinceLayer.getLayers().filter(function (l) {
        return l.feature.properties.code === code; }).map(function (l) {
        return l.feature.properties.name; })[0]) || code;
    }
    openList(members, where, name + " (" + code + ")",
             [members.length + " incidents, " + killed + " killed, " + wounded +
              " wounded (as filtered)"]);
  }
  map.on("click", function (e) { onClick(e, null); });
  if (provinceLayer) {
    provinceLayer.eachLayer(function (l) {
      l.on("click", function (e) {
        L.DomEvent.stopPropagation(e);
        onClick(e, l.feature.properties.code);
      });
    });
  }
  function openHash() {
    var match = /#incident=([\w-]+)/.exec(window.location.hash);
    if (!match || !api.details) { return; }
    if (!idIndex) {
      idIndex = new Map();
      for (var i = 0; i < N; i++) { idIndex.set(D.id[i], i); }
    }
    var j = idIndex.get(match[1]);
    if (j === undefined) { return; }
    map.setView(latlng(D.p[j]), Math.max(map.getZoom(), BY_POINT_ZOOM), {animate: false});
    openIncident(j);
  }
  window.addEventListener("hashchange", openHash);

  // -- the panel: dates, types, actor, chart ------------------------------------------
  var SVG = "http://www.w3.org/2000/svg";
  function svgEl(tag, attrs, parent) {
    var e = document.createElementNS(SVG, tag);
    for (var k in attrs) { e.setAttribute(k, attrs[k]); }
    if (parent) { parent.appendChild(e); }
    return e;
  }
  function chart() {
    if (!ui.chart) { return; }
    var svg = ui.chart, W = 330, H = 120, left = 30, right = 30, top = 8, bottom = 16;
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    var lo = Infinity, hi = -Infinity, i;
    for (i = 0; i < N; i++) {
      if (mask[i] && monthOf[i] >= 0) { lo = Math.min(lo, monthOf[i]); hi = Math.max(hi, monthOf[i]); }
    }
    var T = D.types.length, total = 0, deaths = 0;
    if (lo > hi) {
      svg.setAttribute("data-incidents", "0"); svg.setAttribute("data-fatalities", "0");
      svg.setAttribute("data-months", "0");
      svgEl("text", {x: W / 2, y: H / 2, "text-anchor": "middle"}, svg).textContent =
          "no incident dated to the month";
      return;
    }
    var M = hi - lo + 1, counts = new Float64Array(M * T), killed = new Float64Array(M);
    for (i = 0; i < N; i++) {
      if (!mask[i] || monthOf[i] < 0) { continue; }
      var m = monthOf[i] - lo;
      counts[m * T + D.t[i]]++; killed[m] += pos(D.k[i]); total++; deaths += pos(D.k[i]);
    }
    var maxCount = 1, maxKilled = 1;
    for (m = 0; m < M; m++) {
      var s = 0;
      for (var t = 0; t < T; t++) { s += counts[m * T + t]; }
      maxCount = Math.max(maxCount, s); maxKilled = Math.max(maxKilled, killed[m]);
    }
    var plotW = W - left - right, plotH = H - top - bottom, bw = plotW / M;
    svgEl("line", {x1: left, y1: top + plotH, x2: left + plotW, y2: top + plotH,
                   stroke: "#999"}, svg);
    for (m = 0; m < M; m++) {
      var y = top + plotH;
      for (t = 0; t < T; t++) {
        var v = counts[m * T + t];
        if (!v) { continue; }
        var h = v / maxCount * plotH;
        y -= h;
        var r = svgEl("rect", {x: (left + m * bw).toFixed(2), y: y.toFixed(2),
                               width: Math.max(0.5, bw - 0.5).toFixed(2), height: h.toFixed(2),
                               fill: D.colours[t]}, svg);
        svgEl("title", {}, r).textContent = monthText(lo + m) + ": " + v + " " + D.types[t];
      }
    }
    var line = [];
    for (m = 0; m < M; m++) {
      line.push((left + (m + 0.5) * bw).toFixed(2) + "," +
                (top + plotH - killed[m] / maxKilled * plotH).toFixed(2));
    }
    svgEl("polyline", {points: line.join(" "), fill: "none", stroke: "#111",
                       "stroke-width": 1.5, "class": "geomap-fatalities"}, svg);
    function label(x, y, text, anchor) {
      svgEl("text", {x: x, y: y, "font-size": 10, "text-anchor": anchor || "start"},
            svg).textContent = text;
    }
    label(left - 3, top + 8, String(maxCount), "end");
    label(left - 3, top + plotH, "0", "end");
    label(left + plotW + 3, top + 8, maxKilled + "\u2020");
    label(left, H - 3, monthText(lo));
    label(left + plotW, H - 3, monthText(hi), "end");
    svg.setAttribute("data-incidents", String(total));
    svg.setAttribute("data-fatalities", String(deaths));
    svg.setAttribute("data-months", String(M));
  }
  function panel(dates) {
    var Panel = L.Control.extend({
      options: {position: "bottomleft"},
      onAdd: function () {
        var box = L.DomUtil.create("div", "geomap-panel leaflet-bar");
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        var time = el("div", "geomap-time", box);
        el("b", null, time, "Dates ");
        var from = el("input", null, time); from.type = "date";
        var to = el("input", null, time); to.type = "date";
        if (dates.length) { from.value = dates[0]; to.value = dates[1]; }
        var shown = el("span", "geomap-shown", time);
        function onDates() { filters.from = parseDay(from.value); filters.to = parseDay(to.value); apply(); }
        from.onchange = onDates; to.onchange = onDates;
        var types = el("div", "geomap-types", box), counts = [];
        el("b", null, types, "Types ");
        var present = D.types.map(function () { return 0; });
        D.t.forEach(function (t) { present[t]++; });
        D.types.forEach(function (name, t) {
          if (!present[t]) { counts.push({}); return; }
          var lab = el("label", null, types);
          var cb = el("input", null, lab); cb.type = "checkbox"; cb.checked = true;
          cb.setAttribute("data-type", name);
          cb.onchange = function () { filters.types[t] = cb.checked; apply(); };
          el("span", "sw", lab).style.background = D.colours[t];
          el("span", null, lab, name + " ");
          counts.push(el("span", "geomap-count", lab));
        });
        var actorRow = el("div", "geomap-actor", box);
        el("b", null, actorRow, "Actor ");
        var actor = el("input", null, actorRow);
        actor.setAttribute("list", "geomap-actors"); actor.placeholder = "any (ISIS-K, Daesh, \u2026)";
        var options = el("datalist", null, actorRow); options.id = "geomap-actors";
        Object.keys(D.aliases).sort().forEach(function (alias) { el("option", null, options).value = alias; });
        D.actors.forEach(function (name) { el("option", null, options).value = name; });
        var resolved = el("span", "geomap-actor-name", actorRow);
        actor.onchange = function () {
          var key = actor.value.trim().toLowerCase();
          filters.actor = key ? (key in D.aliases ? D.aliases[key] : -2) : -1;
          resolved.textContent = filters.actor >= 0 ? " = " + D.actors[filters.actor]
                                 : filters.actor === -2 ? " (no such actor in the data)" : "";
          apply();
        };
        el("div", "geomap-chart-title", box, "Incidents per month by type (bars), fatalities (line, \u2020)");
        ui.chart = svgEl("svg", {width: 330, height: 120, "class": "geomap-chart"}, box);
        ui.update = function (n, perType) {
          shown.textContent = " " + n + " of " + N;
          perType.forEach(function (c, t) { counts[t].textContent = "(" + c + ")"; });
        };
        return box;
      }
    });
    new Panel().addTo(map);
  }

  var layer = new Layer();
  layer.addTo(map);
  inflate("__CORE__").arrayBuffer().then(function (buffer) {
    api.marks.decoded = performance.now();
    prepare(__META__, buffer);
    api.marks.prepared = performance.now();
    apply();                                  // the first render, then the panel
    var lo = Infinity, hi = -Infinity;
    D.d.forEach(function (d) { if (d !== NO_DAY) { lo = Math.min(lo, d); hi = Math.max(hi, d); } });
    panel(lo <= hi ? [dayText(lo), dayText(hi)] : []);
    refresh();
    api.marks.panel = performance.now();
    return inflate("__DETAIL__").json();
  }).then(function (detail) {
    for (var k in detail) { D[k] = detail[k]; }
    api.details = true;
    openHash();
  }).catch(function (err) {
    api.error = String(err);
    document.documentElement.setAttribute("data-geomap", "error");
  });
  return layer;
})();
