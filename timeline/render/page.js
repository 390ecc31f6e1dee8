// The timeline page: hover texts, labels where they fit, click details.
// Article text arrives as JSON and only ever becomes text: escaped for plotly's labels,
// DOM text nodes for the details panel.  Only http(s) addresses become links.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("timeline-data").textContent);
  var events = data.events;
  var chart = document.getElementById("chart");
  if (!chart || !window.Plotly) { document.body.setAttribute("data-ready", "true"); return; }

  var WRAP = 64;          // characters per hover line
  var HOVER_SENTENCE = 320; // characters of the sentence shown on hover
  var LABEL_CHARS = 44;   // characters of a title shown as a label
  var HOVER_GROUP = 8;    // titles listed in a grouped marker's hover
  var NARROW = 640;       // chart width (pixels) below which lanes are named by the legend only

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;" }[c];
    });
  }

  function shorten(text, n) {
    return text.length > n ? text.slice(0, n - 1).replace(/\s+\S*$/, "") + "…" : text;
  }

  // [text, marked] pieces wrapped into lines of escaped words; marked text in bold.
  // A word is what lies between spaces, so a mark ending before a comma keeps the comma close.
  function wrap(pieces, width) {
    var words = [], word = [], length = 0;
    function endWord() { if (word.length) { words.push({ parts: word, length: length }); } word = []; length = 0; }
    pieces.forEach(function (piece) {
      piece[0].split(/(\s+)/).forEach(function (chunk, k) {
        if (k % 2) { endWord(); return; }
        for (var i = 0; i < chunk.length; i += width) {  // very long words are cut
          if (length + Math.min(width, chunk.length - i) > width) { endWord(); }
          var part = chunk.slice(i, i + width);
          word.push([part, piece[1]]); length += part.length;
        }
      });
    });
    endWord();
    var lines = [], line = [], used = 0;
    words.forEach(function (w) {
      if (used && used + 1 + w.length > width) { lines.push(line); line = []; used = 0; }
      line.push(w); used += (used ? 1 : 0) + w.length;
    });
    if (line.length) { lines.push(line); }
    return lines.map(function (ws) {
      return ws.map(function (w) {
        return w.parts.map(function (p) {
          return p[1] ? "<b>" + escapeHtml(p[0]) + "</b>" : escapeHtml(p[0]);
        }).join("");
      }).join(" ");
    }).join("<br>");
  }

  // The sentence as [text, marked] pieces, cut to HOVER_SENTENCE characters around the phrase.
  function sentencePieces(parts) {
    if (parts.length !== 3) { return [[shorten(parts[0], HOVER_SENTENCE), false]]; }
    var before = parts[0], phrase = parts[1], after = parts[2];
    var room = Math.max(0, HOVER_SENTENCE - phrase.length);
    var keepBefore = Math.min(before.length, Math.max(Math.floor(room / 2), room - after.length));
    var keepAfter = Math.min(after.length, room - keepBefore);
    if (keepBefore < before.length) { before = "…" + before.slice(before.length - keepBefore).replace(/^\S*\s/, ""); }
    if (keepAfter < after.length) { after = after.slice(0, keepAfter).replace(/\s\S*$/, "") + "…"; }
    return [[before, false], [phrase, true], [after, false]];
  }

  function hoverOne(e) {
    var lines = ["<b>" + wrap([[e.title, false]], WRAP) + "</b>",
                 escapeHtml(e.date) + " <i>(" + escapeHtml(e.precision) + ")</i>"];
    if (e.phrase) { lines.push("Date as written: “" + escapeHtml(shorten(e.phrase, WRAP)) + "”"); }
    if (e.sentence.join("")) { lines.push(wrap(sentencePieces(e.sentence), WRAP)); }
    if (e.sources.length) {
      lines.push("<i>" + wrap([["Sources: " + e.sources.map(function (s) { return s.label; }).join("; "), false]], WRAP) + "</i>");
    }
    return lines.join("<br>");
  }

  function hoverGroup(indices) {
    var first = events[indices[0]];
    var lines = ["<b>" + indices.length + " events</b>, " + escapeHtml(first.date)];
    indices.slice(0, HOVER_GROUP).forEach(function (i) {
      lines.push("• " + escapeHtml(shorten(events[i].title, WRAP)));
    });
    if (indices.length > HOVER_GROUP) { lines.push("… and " + (indices.length - HOVER_GROUP) + " more"); }
    lines.push("<i>Click to list them all</i>");
    return lines.join("<br>");
  }

  var traces = data.figure.data;
  traces.forEach(function (trace) {
    trace.hovertext = trace.customdata.map(function (indices) {
      return indices.length === 1 ? hoverOne(events[indices[0]]) : hoverGroup(indices);
    });
  });

  // ---- labels: titles where there is room, placed greedily without overlaps ----
  var measure = document.createElement("canvas").getContext("2d");
  var LABEL_FONT = 12, LABEL_H = 18;
  // Offsets of a label from its marker: beside it, then in rows above and below.
  var PLACES = [[10, 0], [-10, 0]];
  [22, 40, 58].forEach(function (dy) { PLACES.push([6, -dy], [-6, -dy], [6, dy], [-6, dy]); });
  // A period's label sits just above or below its bar, from where the bar starts.
  var BAR_PLACES = [[0, -16], [0, 16], [0, -34], [0, 34]];

  // Markers in spread order (bit-reversed), so the first labels placed cover the whole range.
  function spreadOrder(n) {
    var bits = Math.max(1, Math.ceil(Math.log2(n + 1)));
    var order = [];
    for (var i = 0; i < (1 << bits); i++) {
      var r = 0;
      for (var b = 0; b < bits; b++) { if (i & (1 << b)) { r |= 1 << (bits - 1 - b); } }
      if (r < n) { order.push(r); }
    }
    return order;
  }

  function overlaps(a, boxes) {
    for (var i = 0; i < boxes.length; i++) {
      var b = boxes[i];
      if (a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]) { return true; }
    }
    return false;
  }

  // Markers on screen, bucketed by position so a label can ask what lies under it.
  var CELL = 32, MARK = 6;
  function markerGrid(candidates) {
    var grid = {};
    candidates.forEach(function (c) {
      var key = Math.floor(c.px / CELL) + "," + Math.floor(c.py / CELL);
      (grid[key] = grid[key] || []).push(c);
    });
    return grid;
  }

  function coversMarker(box, grid, own) {
    for (var gx = Math.floor((box[0] - MARK) / CELL); gx <= Math.floor((box[2] + MARK) / CELL); gx++) {
      for (var gy = Math.floor((box[1] - MARK) / CELL); gy <= Math.floor((box[3] + MARK) / CELL); gy++) {
        var cell = grid[gx + "," + gy] || [];
        for (var i = 0; i < cell.length; i++) {
          var m = cell[i];
          if (m !== own && m.px + MARK > box[0] && m.px - MARK < box[2] &&
              m.py + MARK > box[1] && m.py - MARK < box[3]) { return true; }
        }
      }
    }
    return false;
  }

  function placeLabels() {
    var full = chart._fullLayout;
    var xa = full.xaxis, ya = full.yaxis;
    var width = xa._length, height = ya._length;
    measure.font = LABEL_FONT + "px " + full.font.family;
    var candidates = [], seen = {};
    chart._fullData.forEach(function (trace, t) {
      if (trace.visible !== true) { return; }
      var src = traces[t];
      src.customdata.forEach(function (indices, k) {
        var bar = trace.type === "bar";
        var x = bar ? src.base[k] : src.x[k];
        var px = xa.d2p(x), py = ya.d2p(src.y[k]);
        if (bar) {  // a period: labelled where its bar enters the view
          if (xa.l2p(xa.d2l(x) + src.x[k]) <= 0) { return; }
          px = Math.max(px, 0);
        }
        if (px < 0 || px > width) { return; }
        var c = { index: indices[0], px: px, py: py, bar: bar, group: indices.length > 1,
                  sources: events[indices[0]].sources.length };
        candidates.push(c);
      });
    });
    var grid = markerGrid(candidates);
    var order = spreadOrder(candidates.length).map(function (i) { return candidates[i]; });
    // events reported by more sources first; an event's second lane after every first one
    order.forEach(function (c) { c.again = seen[c.index] === true; seen[c.index] = true; });
    order.sort(function (a, b) { return (a.again - b.again) || (b.sources - a.sources); });
    var placed = [], annotations = [];
    order.forEach(function (c) {
      if (c.group) { return; }
      var text = shorten(events[c.index].title, LABEL_CHARS);
      var w = measure.measureText(text).width + 6;
      var places = c.bar ? BAR_PLACES : PLACES;
      for (var p = 0; p < places.length; p++) {
        var dx = places[p][0], dy = places[p][1];
        var left = dx >= 0 ? c.px + dx : c.px + dx - w;
        var box = [left, c.py + dy - LABEL_H / 2, left + w, c.py + dy + LABEL_H / 2];
        if (box[0] < 0 || box[2] > width || box[1] < 0 || box[3] > height) { continue; }
        // the label and its leader line keep clear of other labels, and of markers
        var reach = [Math.min(box[0], c.px), Math.min(box[1], c.py), Math.max(box[2], c.px), Math.max(box[3], c.py)];
        if (overlaps(reach, placed) || coversMarker(box, grid, c)) { continue; }
        placed.push(reach);
        var leader = dy !== 0 && !c.bar;  // a line from a lifted label to its marker
        annotations.push({
          x: xa.p2d(c.px), y: ya.p2d(c.py), xref: "x", yref: "y",
          text: escapeHtml(text), showarrow: leader, arrowhead: 0, arrowwidth: 1,
          arrowcolor: "#9ca3af", ax: dx, ay: dy, standoff: 4,
          xshift: leader ? 0 : dx, yshift: leader ? 0 : -dy,
          xanchor: dx >= 0 ? "left" : "right", yanchor: "middle", borderpad: 1,
          font: { size: LABEL_FONT, color: "#111827" }, bgcolor: "rgba(255,255,255,0.8)",
          captureevents: false
        });
        break;
      }
    });
    placing = true;
    return Plotly.relayout(chart, { annotations: annotations }).then(function () { placing = false; });
  }

  var placing = false, pending = false;
  function schedule() {
    if (placing || pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () { pending = false; placeLabels(); });
  }

  // ---- click: the event's details below the chart ----
  var details = document.getElementById("details");

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = text; }
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    return node;
  }

  function sentenceNode(parts) {
    var p = el("p", null, { "class": "sentence", dir: "auto" });
    parts.forEach(function (text, i) {
      p.appendChild(parts.length === 3 && i === 1 ? el("mark", text) : document.createTextNode(text));
    });
    return p;
  }

  function httpUrl(url) {
    try { return /^https?:$/.test(new URL(url).protocol) ? url : null; } catch (err) { return null; }
  }

  function eventNode(i) {
    var e = events[i];
    var item = el("article", null, { "class": "event" });
    item.appendChild(el("h3", e.title, { dir: "auto" }));
    var when = el("p", e.date + ", " + e.precision, { "class": "when" });
    if (e.phrase) { when.appendChild(el("span", " “" + e.phrase + "”", { "class": "phrase" })); }
    item.appendChild(when);
    item.appendChild(sentenceNode(e.sentence));
    var list = el("ul", null, { "class": "sources" });
    e.sources.forEach(function (s) {
      var li = el("li");
      var url = s.url && httpUrl(s.url);
      li.appendChild(url ? el("a", s.label, { href: url, target: "_blank", rel: "noopener noreferrer", dir: "auto" })
                         : el("cite", s.label, { dir: "auto" }));
      if (s.published) { li.appendChild(el("span", " (published " + s.published + ")", { "class": "published" })); }
      if (s.sentence) { li.appendChild(sentenceNode(s.sentence)); }
      list.appendChild(li);
    });
    item.appendChild(list);
    item.appendChild(el("a", "Show in the list", { href: "#event-" + (i + 1), "class": "to-list" }));
    return item;
  }

  function showDetails(indices) {
    details.textContent = "";
    var close = el("button", "Close", { type: "button", "class": "close" });
    close.addEventListener("click", function () { details.hidden = true; });
    details.appendChild(close);
    details.appendChild(el("h2", indices.length === 1 ? "Event details" : indices.length + " events"));
    indices.forEach(function (i) { details.appendChild(eventNode(i)); });
    details.hidden = false;
  }

  // On a narrow screen the legend names the lanes: no lane titles beside the chart.
  var layout = data.figure.layout;
  if (chart.clientWidth < NARROW && layout.showlegend) {
    layout.yaxis.showticklabels = false;
    layout.margin.l = 12;
    traces.forEach(function (trace) { trace.name = shorten(trace.name, 24); });
  }

  Plotly.newPlot(chart, traces, layout, {
    responsive: true, displaylogo: false, scrollZoom: false,
    modeBarButtonsToRemove: ["select2d", "lasso2d"]
  }).then(placeLabels).then(function () {
    chart.on("plotly_click", function (ev) {
      if (ev.points.length) { showDetails(ev.points[0].customdata); }
    });
    chart.on("plotly_relayout", function (change) {
      if (Object.keys(change).some(function (k) { return k.indexOf("xaxis") === 0 || k === "autosize"; })) { schedule(); }
    });
    chart.on("plotly_restyle", schedule);
    window.addEventListener("resize", schedule);
    document.body.setAttribute("data-ready", "true");
  });
})();
