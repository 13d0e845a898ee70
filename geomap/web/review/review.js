// The review page: the queue (least confident first), one incident at a time, decisions
// posted to the local server. Article text is only ever set as text (textContent),
// never parsed as HTML.
(function () {
  "use strict";
  var params = new URLSearchParams(location.search);
  var token = params.get("token") || "";
  if (params.has("token")) {          // keep the token out of the address bar and history
    history.replaceState(null, "", location.pathname);
  }
  var state = {items: [], log: [], current: 0, map: null, layer: null, marker: null};
  var $ = function (id) { return document.getElementById(id); };
  var review = window.geomapReview = {ready: false, state: state};

  function el(tag, cls, parent, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (parent) { parent.appendChild(e); }
    return e;
  }
  function clear(e) { while (e.firstChild) { e.removeChild(e.firstChild); } }
  function n(v) { return v === null || v === undefined ? "?" : String(v); }
  function say(text, error) {
    var m = $("message");
    m.textContent = text || "";
    m.className = error ? "error" : "";
  }

  function api(path, body) {
    var options = {headers: {"X-Geomap-Token": token}, credentials: "same-origin"};
    if (body !== undefined) {
      options.method = "POST";
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    return fetch(path, options).then(function (r) {
      return r.json().then(function (data) {
        if (!r.ok) { throw new Error(data.error || ("HTTP " + r.status)); }
        return data;
      });
    });
  }

  // -- the queue -------------------------------------------------------------------
  function load(keepId) {
    return api("/api/queue").then(function (data) {
      state.items = data.incidents;
      state.log = data.log;
      var at = keepId ? state.items.findIndex(function (i) { return i.id === keepId; }) : -1;
      state.current = at >= 0 ? at : Math.min(state.current, Math.max(0, state.items.length - 1));
      var box = $("problems");
      box.hidden = !data.problems.length;
      box.textContent = data.problems.length ?
        "Decisions that no longer apply:\n" + data.problems.join("\n") : "";
      var open = state.items.filter(function (i) { return i.review_status === "unreviewed"; });
      $("summary").textContent = state.items.length + " incidents, " + open.length +
        " unreviewed · reviewer " + data.reviewer;
      drawQueue();
      show();
      review.ready = true;
    }).catch(function (err) { say(err.message, true); });
  }

  function drawQueue() {
    var list = $("queue-list");
    clear(list);
    state.items.forEach(function (item, k) {
      var li = el("li", item.review_status + (k === state.current ? " current" : ""), list);
      li.setAttribute("data-id", item.id);
      el("span", "conf", li, item.confidence.toFixed(2));
      el("span", "status", li, item.review_status);
      el("span", null, li, (item.event_date || "undated") + " · " + item.sub_event_type +
         " · " + item.location);
      li.onclick = function () { go(k); };
    });
  }

  function go(k) {
    if (!state.items.length) { return; }
    state.current = Math.max(0, Math.min(state.items.length - 1, k));
    drawQueue();
    show();
    var li = $("queue-list").children[state.current];
    if (li && li.scrollIntoView) { li.scrollIntoView({block: "nearest"}); }
  }

  // -- one incident ----------------------------------------------------------------
  function quote(parent, text, spans) {
    var at = 0;
    spans.forEach(function (s) {
      if (s.start > at) { parent.appendChild(document.createTextNode(text.slice(at, s.start))); }
      var m = el("mark", s.kind, parent, text.slice(s.start, s.end));
      m.title = s.kind;
      at = s.end;
    });
    if (at < text.length) { parent.appendChild(document.createTextNode(text.slice(at))); }
  }

  function show() {
    var item = state.items[state.current];
    $("empty").hidden = !!item;
    $("incident").hidden = !item;
    if (!item) { return; }
    $("incident").setAttribute("data-id", item.id);
    $("title").textContent = item.sub_event_type + " — " + item.location +
      (item.admin1 ? ", " + item.admin1 : "") + " — " + (item.event_date || "undated");
    $("status").textContent = "confidence " + item.confidence.toFixed(2) + " · " +
      item.review_status + (item.reviewed_by ? " by " + item.reviewed_by : "") +
      (item.note ? " · note: " + item.note : "");
    var table = $("fields");
    clear(table);
    [["Id", item.id], ["Day", n(item.event_date) + " (" + n(item.date_precision) + ")"],
     ["Type", item.event_type + " / " + item.sub_event_type],
     ["Place", [item.location, item.admin2, item.admin1].filter(Boolean).join(", ")],
     ["Killed / injured / detained", n(item.fatalities) + " / " + n(item.injured) + " / " +
      n(item.detained)],
     ["Actors", [item.actor1, item.actor2].filter(Boolean).join(" vs ") ||
      item.actors.join(", ") || "—"],
     ["How it was read", item.resolution]].forEach(function (pair) {
      var tr = el("tr", null, table);
      el("td", null, tr, pair[0]);
      el("td", null, tr, pair[1]).setAttribute("dir", "auto");   // names in Persian script
    });
    var sources = $("sources");
    clear(sources);
    item.sources.forEach(function (s, k) {
      var li = el("li", null, sources);
      var tick = el("input", "split-source", li);
      tick.type = "checkbox";
      tick.value = String(k);
      tick.title = "tick to split this source off";
      el("span", "file", li, " " + s.file + (s.published ? " (" + s.published + ")" : ""));
      var block = el("blockquote", null, li);
      block.setAttribute("dir", "auto");          // a Dari or Pashto sentence runs right to left
      quote(block, s.quote, s.highlights);
    });
    var merge = $("merge-into");
    clear(merge);
    state.items.forEach(function (other) {
      if (other.id !== item.id && other.review_status !== "rejected") {
        var o = el("option", null, merge, other.id + " · " + (other.event_date || "undated") +
                   " · " + other.location);
        o.value = other.id;
      }
    });
    fillEdit(item);
    locate(item);
  }

  function fillEdit(item) {
    var form = $("edit");
    ["event_date", "event_type", "sub_event_type", "fatalities", "injured", "detained",
     "actor1", "actor2"].forEach(function (name) {
      var v = item[name];
      form.elements[name].value = v === null || v === undefined ? "" : String(v);
    });
    form.elements.place_id.value = "";
    $("place-search").value = "";
    clear($("place-results"));
    $("note").value = "";
  }

  // -- the locator map (offline: province outlines, no tiles) -----------------------
  function locate(item) {
    if (!window.L) { return; }
    if (!state.map) {
      state.map = L.map("locator", {attributionControl: false, zoomControl: false})
        .setView([34.5, 66], 5);
      api("/api/boundaries").then(function (fc) {
        L.geoJSON(fc, {style: {color: "#777", weight: 1, fillOpacity: 0.05},
                       interactive: false}).addTo(state.map);
      });
    }
    if (state.marker) { state.map.removeLayer(state.marker); state.marker = null; }
    if (item.lat !== null) {
      state.marker = L.circleMarker([item.lat, item.lon], {radius: 7, color: "#c0392b"})
        .addTo(state.map);
      state.map.setView([item.lat, item.lon], 6, {animate: false});
    }
  }

  // -- decisions -------------------------------------------------------------------
  function decide(body, nextAfter) {
    var item = state.items[state.current];
    if (!item) { return Promise.resolve(); }
    body.id = body.id || item.id;
    var note = $("note").value.trim();
    if (note) { body.note = note; }
    say("saving…");
    return api("/api/decide", body).then(function (r) {
      say("decision #" + r.seq + " recorded: " + body.action + " " + body.id);
      var next = nextAfter ? state.items[state.current + 1] : item;
      return load(next ? next.id : item.id);
    }).catch(function (err) { say(err.message, true); });
  }
  review.decide = decide;

  $("accept").onclick = function () { decide({action: "accept"}, true); };
  $("reject").onclick = function () { decide({action: "reject"}, true); };
  $("merge").onclick = function () {
    var other = $("merge-into").value;
    if (other) { decide({action: "merge", other: other}, false); }
  };
  $("split").onclick = function () {
    var ticked = Array.prototype.slice.call(document.querySelectorAll(".split-source:checked"))
      .map(function (t) { return Number(t.value); });
    if (ticked.length) { decide({action: "split", sources: ticked}, false); }
    else { say("tick the sources to split off first", true); }
  };
  function undo() {
    var item = state.items[state.current];
    if (!item) { return; }
    var undone = {};
    state.log.forEach(function (c) { if (c.action === "undo") { undone[c.target] = true; } });
    var mine = state.log.filter(function (c) {
      return c.action !== "undo" && !undone[c.seq] && (c.id === item.id || c.other === item.id);
    });
    var last = mine.length ? mine[mine.length - 1] : null;
    if (!last) { say("no decision on this incident to undo", true); return; }
    decide({action: "undo", target: last.seq}, false);
  }
  $("undo").onclick = undo;

  $("edit").onsubmit = function (ev) {
    ev.preventDefault();
    var item = state.items[state.current], form = $("edit"), changes = {};
    ["event_date", "event_type", "sub_event_type", "actor1", "actor2"].forEach(function (name) {
      var v = form.elements[name].value.trim(), was = item[name] || "";
      if (v !== was) { changes[name] = v || null; }
    });
    ["fatalities", "injured", "detained"].forEach(function (name) {
      var v = form.elements[name].value.trim();
      var value = v === "" ? null : Number(v);
      if (value !== item[name]) { changes[name] = value; }
    });
    if (form.elements.place_id.value) { changes.place_id = form.elements.place_id.value; }
    if (!Object.keys(changes).length) { say("nothing changed", true); return; }
    decide({action: "edit", changes: changes}, false);
  };

  // search as you type: the gazetteer's lookup, any spelling or script
  var searching = 0;
  $("place-search").oninput = function () {
    var q = this.value, ticket = ++searching;
    if (!q.trim()) { clear($("place-results")); return; }
    api("/api/places?q=" + encodeURIComponent(q)).then(function (places) {
      if (ticket !== searching) { return; }
      var list = $("place-results");
      clear(list);
      places.forEach(function (p) {
        var li = el("li", null, list, p.name + " (" + p.kind + ", " +
                    [p.admin2, p.admin1].filter(Boolean).join(", ") + ")");
        li.setAttribute("data-place", p.id);
        li.setAttribute("role", "option");
        li.onclick = function () {
          $("edit").elements.place_id.value = p.id;
          $("place-search").value = p.name;
          Array.prototype.forEach.call(list.children, function (c) { c.className = ""; });
          li.className = "chosen";
        };
      });
    });
  };

  document.addEventListener("keydown", function (ev) {
    var t = ev.target;
    if (ev.ctrlKey || ev.metaKey || ev.altKey ||
        (t && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA"))) {
      return;
    }
    var keys = {
      a: function () { decide({action: "accept"}, true); },
      r: function () { decide({action: "reject"}, true); },
      j: function () { go(state.current + 1); },
      k: function () { go(state.current - 1); },
      u: undo,
      e: function () { $("edit").elements.event_date.focus(); }
    };
    if (keys[ev.key]) { ev.preventDefault(); keys[ev.key](); }
  });

  load();
})();
