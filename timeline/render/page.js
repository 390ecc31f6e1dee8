// The timeline page: the chart (key events, or all of them), its controls, hover texts, labels
// where they fit, click details, and the lists built on request.
// Article text arrives as JSON (already plain text: no bidi overrides or control characters) and
// only ever becomes text: escaped for what plotly draws (it reads HTML in labels, ticks and
// hovers), DOM text nodes everywhere else.  Only http(s) addresses become links.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("timeline-data").textContent);
  var chart = document.getElementById("chart");

  var WRAP = 64;            // characters per hover line
  var HOVER_SENTENCE = 320; // characters of the sentence shown on hover
  var LABEL_CHARS = 44;     // characters of a title shown as a label, placed (fewer on a narrow chart:
  var LABEL_PX = 22;        // one for so many pixels of its width, down to MIN_LABEL_CHARS: a phone's)...
  var MIN_LABEL_CHARS = 20;
  var NARROW_CHART = 600, NARROW_BASE = 170, NARROW_LANE = 64, NARROW_MIN_HEIGHT = 340;  // px: a phone's chart
  var WIDE_LABEL_CHARS = 90; // ...then widened up to this many where the room beside it is free
  var WIDEN_STEP = 12;       // (or as many less a multiple of this as the room takes)
  var LANE_CHARS = 26;      // characters of a lane name beside the chart
  var HOVER_GROUP = 8;      // titles listed in a grouped marker's hover
  var NARROW = 640;         // chart width (pixels) below which lanes are named by the controls only

  // ---- the events, from the payload's compact rows (see html.py) ----
  // A sentence: [text], or [before, phrase, after] when its reference marks the phrase.
  function sentenceOf(ref) {
    if (typeof ref === "number") { return [data.texts[ref]]; }
    var text = data.texts[ref[0]];
    return [text.slice(0, ref[1]), text.slice(ref[1], ref[2]), text.slice(ref[2])];
  }
  function sourceOf(ref) {
    var own = Array.isArray(ref);
    var a = data.articles[own ? ref[0] : ref];
    return { label: a[0], url: a[1], published: a[2], outlet: a[3], sentence: own ? sentenceOf(ref[1]) : null };
  }
  var cache = {};
  function ev(i) {
    if (cache[i]) { return cache[i]; }
    var row = data.events[i], date = data.dates[row[1]];
    var sentence = sentenceOf(row[2]);
    var title = typeof row[0] === "string" ? row[0] : row[0][0] + sentence.join("").slice(row[0][1], row[0][2]);
    var e = { index: i, title: title, date: date[0], precision: date[1], iso: date[2],
              sentence: sentence, sources: row[3].map(sourceOf), weight: row[4], key: row[5] === 1,
              phrase: row[6] || (sentence.length === 3 ? sentence[1] : null), dated: i < data.dated };
    cache[i] = e;
    return e;
  }

  // (and '%' as an entity: plotly reads '%{x}' in what it draws as a template, and drops it)
  function escapeHtml(text) {
    return String(text).replace(/[&<>"'%]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;", "%": "&#37;" }[c];
    });
  }

  // Where to cut ``text`` about ``n`` UTF-16 units in: at ``n``, or one before when that would
  // part the two halves of a surrogate pair (an emoji, a rare CJK character).
  function cutPoint(text, n) {
    if (n <= 0 || n >= text.length) { return Math.max(0, Math.min(n, text.length)); }
    var c = text.charCodeAt(n - 1);
    return c >= 0xD800 && c <= 0xDBFF ? n - 1 : n;
  }

  // ``text`` cut to about ``n`` characters at a word, and not on a word that leads into more
  // ('World Health Organization declared an…'; the language's words in ``data.dangling``)
  var DANGLING = {};
  (data.dangling || []).forEach(function (word) { DANGLING[word] = true; });
  function shorten(text, n) {
    if (text.length <= n) { return text; }
    var cut = text.slice(0, cutPoint(text, n - 1)).replace(/\s+\S*$/, "");
    var words = cut.split(/\s+/);
    while (words.length > 2 && DANGLING[words[words.length - 1].toLowerCase().replace(/[^\w]+$/, "")]) {
      words.pop();
    }
    return words.join(" ").replace(/[\s,;:(\-–—]+$/, "") + "…";
  }

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = text; }
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    return node;
  }

  function httpUrl(url) {
    try { return /^https?:$/.test(new URL(url).protocol) ? url : null; } catch (err) { return null; }
  }

  function sentenceNode(parts) {
    var p = el("p", null, { "class": "sentence", dir: "auto" });
    parts.forEach(function (text, i) {
      p.appendChild(parts.length === 3 && i === 1 ? el("mark", text) : document.createTextNode(text));
    });
    return p;
  }

  function sourceNode(s, withSentence) {
    var li = el("li");
    var url = s.url && httpUrl(s.url);
    li.appendChild(url ? el("a", s.label, { href: url, target: "_blank", rel: "noopener noreferrer", dir: "auto" })
                       : el("cite", s.label, { dir: "auto" }));
    if (s.outlet && s.outlet !== "Outlet not given") {
      li.appendChild(document.createTextNode(" "));
      li.appendChild(el("span", s.outlet, { "class": "outlet", dir: "auto" }));
    }
    if (s.published) { li.appendChild(el("span", " (published " + s.published + ")", { "class": "published" })); }
    if (withSentence && s.sentence) { li.appendChild(sentenceNode(s.sentence)); }
    return li;
  }

  // An event's sources: all of them, or when they are many the first few and the others behind
  // their number (the payload lists them in that order), as the page's own list does.
  var SOURCES_WHOLE = data.sources[0], SOURCES_SHOWN = data.sources[1];
  function appendSources(parent, sources, withSentence) {
    if (!sources.length) { return; }
    var shown = sources.length <= SOURCES_WHOLE ? sources.length : SOURCES_SHOWN;
    var list = el("ul", null, { "class": "sources", "aria-label": "Sources" });
    sources.slice(0, shown).forEach(function (s) { list.appendChild(sourceNode(s, withSentence)); });
    parent.appendChild(list);
    var others = sources.length - shown;
    if (others > 0) {
      var more = el("details", null, { "class": "more-sources" });
      more.appendChild(el("summary", others.toLocaleString("en") + " more article" + (others === 1 ? "" : "s")));
      var rest = el("ul", null, { "class": "sources", "aria-label": "More sources" });
      sources.slice(shown).forEach(function (s) { rest.appendChild(sourceNode(s, withSentence)); });
      more.appendChild(rest);
      parent.appendChild(more);
    }
  }

  // ---- the lists: the same items as the page's own list of key events ----
  function itemNode(i, id) {
    var e = ev(i);
    var li = el("li", null, { id: id, "class": e.key ? "event key" : "event" });
    var when = el("p", null, { "class": "when" });
    if (e.iso) {
      when.appendChild(el("time", e.date, { datetime: e.iso }));
      when.appendChild(document.createTextNode(" "));
      when.appendChild(el("span", e.precision, { "class": "precision" }));
    } else {
      when.appendChild(el("span", e.date, { "class": "precision" }));
    }
    if (e.phrase) { when.appendChild(el("span", " “" + e.phrase + "”", { "class": "phrase", dir: "auto" })); }
    li.appendChild(when);
    li.appendChild(el("h3", e.title, { "class": "title", dir: "auto" }));
    li.appendChild(sentenceNode(e.sentence));
    appendSources(li, e.sources, false);
    return li;
  }

  var eventList = document.getElementById("event-list");
  var keyItems = eventList ? Array.prototype.slice.call(eventList.children) : [];
  var listButton = document.getElementById("all-list");
  var listHeading = document.getElementById("events-heading");

  // a long list is built a chunk of items at a time, the page answering in between (80,000 items
  // built at once had frozen the tab for seconds): the first chunk at once, the others on timers,
  // and any item at once that a link is about to show (reach); the list is aria-busy until whole
  var CHUNK = 500;
  function fill(list, from, to, idOf) {
    var state = { next: from, to: to, idOf: idOf, timer: null };
    list.filling = state;
    grow(list, state, from + CHUNK);
  }
  function grow(list, state, until) {  // (the items before ``until`` built now, the rest later)
    if (list.filling !== state) { return; }  // (emptied or filled anew meanwhile)
    var end = Math.min(state.to, Math.max(until, state.next)), fragment = document.createDocumentFragment();
    for (var i = state.next; i < end; i++) { fragment.appendChild(itemNode(i, state.idOf(i))); }
    list.appendChild(fragment);
    state.next = end;
    list.setAttribute("aria-busy", end < state.to ? "true" : "false");
    if (end < state.to && !state.timer) {
      state.timer = setTimeout(function () { state.timer = null; grow(list, state, state.next + CHUNK); }, 0);
    }
  }
  function reach(list, i) {  // (item i of a list being built, built now: a link to it follows)
    var state = list && list.filling;
    if (state && state.next <= i) { grow(list, state, i + 1); }
  }
  function empty(list) {
    list.filling = null;
    list.textContent = "";
    list.setAttribute("aria-busy", "false");
  }

  function showList(mode) {
    if (!eventList || eventList.getAttribute("data-mode") === mode) { return; }
    empty(eventList);
    if (mode === "all") {
      fill(eventList, 0, data.dated, function (i) { return "event-" + (i + 1); });
      eventList.classList.add("long");
      listHeading.textContent = "All " + data.dated.toLocaleString("en") + " dated events in order";
      listButton.textContent = "Show the key events only";
    } else {
      keyItems.forEach(function (item) { eventList.appendChild(item); });
      eventList.classList.remove("long");
      listHeading.textContent = "Key events in order";
      listButton.textContent = "Show all " + data.dated.toLocaleString("en") + " dated events in order";
    }
    eventList.setAttribute("data-mode", mode);
  }
  if (listButton) {
    listButton.hidden = false;
    listButton.addEventListener("click", function () {
      showList(eventList.getAttribute("data-mode") === "all" ? "key" : "all");
    });
  }

  var undatedButton = document.getElementById("undated-list");
  if (undatedButton) {
    undatedButton.hidden = false;
    undatedButton.addEventListener("click", function () {
      var list = document.getElementById("undated-events");
      if (list.children.length) { empty(list); list.classList.remove("long");
        undatedButton.textContent = "Show the " + (data.events.length - data.dated).toLocaleString("en") + " undated events";
        return; }
      fill(list, data.dated, data.events.length, function (i) { return "undated-" + (i - data.dated + 1); });
      list.classList.add("long");
      undatedButton.textContent = "Hide the undated events";
    });
  }

  if (!chart || !window.Plotly) { document.body.setAttribute("data-ready", "true"); return; }

  // ---- hover texts: escaped words, wrapped ----
  // [text, marked] pieces wrapped into lines of escaped words; marked text in bold.
  // A word is what lies between spaces, so a mark ending before a comma keeps the comma close.
  function wrap(pieces, width) {
    var words = [], word = [], length = 0;
    function endWord() { if (word.length) { words.push({ parts: word, length: length }); } word = []; length = 0; }
    pieces.forEach(function (piece) {
      piece[0].split(/(\s+)/).forEach(function (chunk, k) {
        if (k % 2) { endWord(); return; }
        for (var i = 0, stop; i < chunk.length; i = stop) {  // very long words are cut
          stop = cutPoint(chunk, i + width);
          if (length + stop - i > width) { endWord(); }
          var part = chunk.slice(i, stop);
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
    if (keepBefore < before.length) { before = "…" + before.slice(cutPoint(before, before.length - keepBefore)).replace(/^\S*\s/, ""); }
    if (keepAfter < after.length) { after = after.slice(0, cutPoint(after, keepAfter)).replace(/\s\S*$/, "") + "…"; }
    return [[before, false], [phrase, true], [after, false]];
  }

  function hoverOne(e) {
    var lines = ["<b>" + wrap([[e.title, false]], WRAP) + "</b>",
                 escapeHtml(e.date) + " <i>(" + escapeHtml(e.precision) + ")</i>"];
    if (e.key) { lines[1] += " · key event"; }
    if (e.phrase) { lines.push("Date as written: “" + escapeHtml(shorten(e.phrase, WRAP)) + "”"); }
    if (e.sentence.join("")) { lines.push(wrap(sentencePieces(e.sentence), WRAP)); }
    if (e.sources.length) {
      var names = e.sources.slice(0, 6).map(function (s) {
        return s.outlet && s.outlet !== "Outlet not given" ? s.outlet + ": " + s.label : s.label;
      });
      if (e.sources.length > 6) { names.push("and " + (e.sources.length - 6) + " more"); }
      lines.push("<i>" + wrap([["Sources (" + e.sources.length + "): " + names.join("; "), false]], WRAP) + "</i>");
    }
    return lines.join("<br>");
  }

  function hoverGroup(indices) {
    var lines = ["<b>" + indices.length + " events</b>, " + escapeHtml(ev(indices[0]).date)];
    indices.slice(0, HOVER_GROUP).forEach(function (i) {
      lines.push("• " + escapeHtml(shorten(ev(i).title, WRAP)));
    });
    if (indices.length > HOVER_GROUP) { lines.push("… and " + (indices.length - HOVER_GROUP) + " more"); }
    lines.push("<i>Click to list them all</i>");
    return lines.join("<br>");
  }

  function withHover(traces) {
    traces.forEach(function (trace) {
      if (trace.hovertext) { return; }
      trace.hovertext = trace.customdata.map(function (indices) {
        return indices.length === 1 ? hoverOne(ev(indices[0])) : hoverGroup(indices);
      });
      trace.name = escapeHtml(data.lanes[trace.lane][0]);
    });
    return traces;
  }

  // ---- labels: titles where there is room, placed greedily without overlaps ----
  var measure = document.createElement("canvas").getContext("2d");
  var LABEL_FONT = 12, LABEL_H = 18;
  // Offsets of a label from its marker: beside it, then in rows above and below, starting at
  // the marker, centred on it or ending at it ("c": centred), so that it stays over its day.
  // Far places (with a leader line) only for the events that matter most: key events, and
  // in the view of all events the first few dozen; never so far that the label covers other
  // months than its own (a reader of a printed chart dates an event by its label).
  var PLACES = [[10, 0], [-10, 0]];
  function rows(list, dys) {
    dys.forEach(function (dy) { list.push([6, -dy], [0, -dy, "c"], [-6, -dy], [6, dy], [0, dy, "c"], [-6, dy]); });
  }
  rows(PLACES, [22, 40, 58]);
  var FAR = PLACES.slice();
  rows(FAR, [76, 94, 112]);
  [40, 90].forEach(function (dx) {
    [0, 13, 22, 31, 40, 58, 76, 94].forEach(function (dy) {
      FAR.push([dx, -dy], [-dx, -dy]);
      if (dy) { FAR.push([dx, dy], [-dx, dy]); }
    });
  });
  rows(FAR, [13, 31]);  // (half rows: a lane's band is narrow when there are many lanes)
  var FAR_LABELS = 40;
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

  // Whether the segment [x1, y1, x2, y2] crosses the box [left, top, right, bottom] (clipping).
  function crosses(seg, box) {
    var t0 = 0, t1 = 1, dx = seg[2] - seg[0], dy = seg[3] - seg[1];
    var p = [-dx, dx, -dy, dy], q = [seg[0] - box[0], box[2] - seg[0], seg[1] - box[1], box[3] - seg[1]];
    for (var i = 0; i < 4; i++) {
      if (p[i] === 0) { if (q[i] < 0) { return false; } continue; }
      var r = q[i] / p[i];
      if (p[i] < 0) { if (r > t1) { return false; } if (r > t0) { t0 = r; } }
      else { if (r < t0) { return false; } if (r < t1) { t1 = r; } }
    }
    return t0 < t1;
  }

  function crossesAny(box, segs) {
    for (var i = 0; i < segs.length; i++) { if (crosses(segs[i], box)) { return true; } }
    return false;
  }

  // Whether two segments [x1, y1, x2, y2] cross (leader lines that cross mislead the eye).
  function side(ax, ay, bx, by, cx, cy) { return Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax)); }
  function segmentsCross(a, b) {
    return side(a[0], a[1], a[2], a[3], b[0], b[1]) * side(a[0], a[1], a[2], a[3], b[2], b[3]) < 0 &&
      side(b[0], b[1], b[2], b[3], a[0], a[1]) * side(b[0], b[1], b[2], b[3], a[2], a[3]) < 0;
  }
  function lineCrossesAny(seg, segs) {
    for (var i = 0; i < segs.length; i++) { if (segmentsCross(seg, segs[i])) { return true; } }
    return false;
  }

  // Markers on screen, bucketed by position so a label can ask what lies under it.
  var CELL = 32, MARK = 6, ECHO_MARK = 4;  // half a marker's size, and an echo's (a key event's in a later outlet's lane)
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
          var r = m.echo ? ECHO_MARK : MARK;
          if (m !== own && m.px + r > box[0] && m.px - r < box[2] &&
              m.py + r > box[1] && m.py - r < box[3]) { return true; }
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
    var candidates = [];
    chart._fullData.forEach(function (trace, t) {
      if (trace.visible !== true) { return; }
      var src = shown[t];
      src.customdata.forEach(function (indices, k) {
        var bar = trace.type === "bar";
        var x = bar ? src.base[k] : src.x[k];
        var px = xa.d2p(x), py = ya.d2p(src.y[k]);
        if (bar) {  // a period: labelled where its bar enters the view
          if (xa.l2p(xa.d2l(x) + src.x[k]) <= 0) { return; }
          px = Math.max(px, 0);
        }
        if (px < 0 || px > width) { return; }
        var e = ev(indices[0]);
        // the band of the marker's lane: a label stays inside it, or a reader credits the event
        // to the outlet whose lane it stands in
        var lane = Math.round(src.y[k]), edges = [ya.d2p(lane - 0.5), ya.d2p(lane + 0.5)];
        candidates.push({ index: indices[0], px: px, py: py, bar: bar, group: indices.length > 1,
                          echo: src.meta === "echoes", top: Math.min(edges[0], edges[1]),
                          bottom: Math.max(edges[0], edges[1]),
                          key: e.key, weight: e.weight });
      });
    });
    var grid = markerGrid(candidates);
    var order = spreadOrder(candidates.length).map(function (i) { return candidates[i]; });
    // key events first, then the better scored; each event is labelled once, in one lane
    order.sort(function (a, b) { return (b.key - a.key) || (b.weight - a.weight); });
    var placed = [], lines = [], annotations = [], owners = [], labelled = {}, tried = 0;
    var budget = Math.max(MIN_LABEL_CHARS, Math.min(LABEL_CHARS, Math.floor(width / LABEL_PX)));
    order.forEach(function (c) {
      if (c.group || c.echo || labelled[c.index]) { return; }  // (an echo is labelled where it stands out)
      var text = shorten(ev(c.index).title, budget);
      var w = measure.measureText(text).width + 6;
      var places = c.bar ? BAR_PLACES : (c.key || tried < FAR_LABELS) ? FAR : PLACES;
      tried += 1;
      for (var p = 0; p < places.length; p++) {
        var dx = places[p][0], dy = places[p][1], centred = places[p][2] === "c";
        var left = centred ? c.px - w / 2 : dx >= 0 ? c.px + dx : c.px + dx - w;
        var box = [left, c.py + dy - LABEL_H / 2, left + w, c.py + dy + LABEL_H / 2];
        // (and its middle in the band of its marker's lane)
        if (box[0] < 0 || box[2] > width || box[1] < 0 || box[3] > height ||
            c.py + dy < c.top || c.py + dy > c.bottom) { continue; }
        // the label keeps clear of other labels, their leader lines and markers; its own
        // leader line (from the marker to the label's near edge) of other labels and lines
        var line = [c.px, c.py, centred ? c.px : dx >= 0 ? box[0] : box[2], c.py + dy];
        if (overlaps(box, placed) || coversMarker(box, grid, c) || crossesAny(box, lines) ||
            (Math.abs(dy) > 0 && (placed.some(function (b) { return crosses(line, b); }) ||
                                  lineCrossesAny(line, lines)))) { continue; }
        placed.push(box);
        lines.push(line);
        owners.push({ c: c, text: text, right: dx >= 0, centred: centred });
        labelled[c.index] = true;
        var leader = (dy !== 0 || Math.abs(dx) > 10) && !c.bar;  // a line from a moved label to its marker
        annotations.push({
          x: xa.p2d(c.px), y: ya.p2d(c.py), xref: "x", yref: "y",
          text: escapeHtml(text), showarrow: leader, arrowhead: 0, arrowwidth: 1,
          arrowcolor: "#9ca3af", ax: dx, ay: dy, standoff: 4,
          xshift: leader ? 0 : dx, yshift: leader ? 0 : -dy,
          xanchor: centred ? "center" : dx >= 0 ? "left" : "right", yanchor: "middle", borderpad: 1,
          font: { size: LABEL_FONT, color: "#111827" }, bgcolor: "rgba(255,255,255,0.8)",
          captureevents: false
        });
        break;
      }
    });
    widen(placed, lines, annotations, owners, grid, width);
    placing = true;
    return Plotly.relayout(chart, { annotations: annotations }).then(function () { placing = false; });
  }

  // Each label cut short, in the order placed, told more fully where the room on its open side
  // is free of other labels, their lines and markers.
  function widen(placed, lines, annotations, owners, grid, width) {
    owners.forEach(function (owner, n) {
      var title = ev(owner.c.index).title;
      if (owner.text.length >= title.length) { return; }
      var others = placed.slice(0, n).concat(placed.slice(n + 1));
      var otherLines = lines.slice(0, n).concat(lines.slice(n + 1));
      for (var chars = WIDE_LABEL_CHARS; chars > owner.text.length; chars -= WIDEN_STEP) {
        var text = shorten(title, chars);
        var w = measure.measureText(text).width + 6, box = placed[n].slice();
        if (owner.centred) {
          var middle = (box[0] + box[2]) / 2;
          box[0] = middle - w / 2; box[2] = middle + w / 2;
        } else if (owner.right) { box[2] = box[0] + w; } else { box[0] = box[2] - w; }
        if (box[0] < 0 || box[2] > width || overlaps(box, others) || coversMarker(box, grid, owner.c) ||
            crossesAny(box, otherLines)) { continue; }
        placed[n] = box;
        annotations[n].text = escapeHtml(text);
        return;
      }
    });
  }

  var placing = false, pending = false;
  function schedule() {
    if (placing || pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () { pending = false; placeLabels(); });
  }

  // ---- click: the event's details below the chart ----
  var details = document.getElementById("details");

  function eventNode(i) {
    var e = ev(i);
    var item = el("article", null, { "class": "event" });
    item.appendChild(el("h3", e.title, { dir: "auto" }));
    var when = el("p", e.date + ", " + e.precision + (e.key ? " · key event" : ""), { "class": "when" });
    if (e.phrase) { when.appendChild(el("span", " “" + e.phrase + "”", { "class": "phrase", dir: "auto" })); }
    item.appendChild(when);
    item.appendChild(sentenceNode(e.sentence));
    appendSources(item, e.sources, true);
    var link = el("a", "Show in the list", { href: "#event-" + (i + 1), "class": "to-list" });
    link.addEventListener("click", function () {
      if (!e.key) { showList("all"); }
      reach(eventList, i);  // (the list of all may not have reached it yet)
    });
    item.appendChild(link);
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

  // ---- the chart and its controls ----
  var layout = data.figure.layout;
  layout.yaxis.ticktext = data.lanes.map(function (lane) { return escapeHtml(shorten(lane[0], LANE_CHARS)); });
  if (chart.clientWidth < NARROW && layout.yaxis.showticklabels) {  // narrow: the controls name the lanes
    layout.yaxis.showticklabels = false;
    layout.margin.l = 12;
  }
  var mode = "key";
  var hiddenLanes = {};
  // the first view, where the key events are: 'Whole period' leaves it, and comes back to it
  var storyView = { "xaxis.range": (layout.xaxis.range || []).slice() };
  if (layout.xaxis.rangeslider && layout.xaxis.rangeslider.range) {
    storyView["xaxis.rangeslider.range"] = layout.xaxis.rangeslider.range.slice();
  }
  var whole = document.getElementById("whole");

  function showWhole(on) {
    if (!whole || (whole.getAttribute("aria-pressed") === "true") === on) { return Promise.resolve(); }
    whole.setAttribute("aria-pressed", String(on));
    if (on) {
      return Plotly.relayout(chart, { "xaxis.range": data.figure.whole.slice(),
                                      "xaxis.rangeslider.range": data.figure.whole.slice() });
    }
    return storyView["xaxis.range"].length ? Plotly.relayout(chart, storyView) : Promise.resolve();
  }
  var shown = withHover(data.figure.key);

  function applyLanes(traces) {
    traces.forEach(function (trace) { trace.visible = !hiddenLanes[trace.lane]; });
    return traces;
  }

  // a redraw of thousands of events takes seconds: it is said first, and the browser shows it
  var busy = document.getElementById("busy");
  function saying(text) {
    if (!busy) { return Promise.resolve(); }
    busy.textContent = text;
    busy.hidden = false;
    chart.setAttribute("aria-busy", "true");
    return new Promise(function (done) {
      window.requestAnimationFrame(function () { window.requestAnimationFrame(done); });
    });
  }
  function said() {
    if (busy) { busy.hidden = true; busy.textContent = ""; }
    chart.removeAttribute("aria-busy");
  }

  var keyCount = data.events.filter(function (row) { return row[5] === 1; }).length;

  function draw(newMode) {
    mode = newMode;
    chart.setAttribute("data-mode", mode);
    chart.setAttribute("data-drawn", "false");
    var count = mode === "all" ? data.dated : keyCount;
    return saying("Drawing " + count.toLocaleString("en") + " events\u2026").then(function () {
      shown = applyLanes(withHover(data.figure[mode]));
      layout.annotations = [];
      layout.xaxis.range = chart._fullLayout.xaxis.range.slice();
      layout.xaxis.autorange = false;
      return Plotly.react(chart, shown, layout);
    }).then(placeLabels).then(function () {
      said();
      chart.setAttribute("data-drawn", "true");
    });
  }

  var controls = document.getElementById("controls");
  if (controls) {
    controls.hidden = false;
    var buttons = controls.querySelectorAll("button[data-mode]");
    Array.prototype.forEach.call(buttons, function (button) {
      button.addEventListener("click", function () {
        var wanted = button.getAttribute("data-mode");
        Array.prototype.forEach.call(buttons, function (b) { b.setAttribute("aria-pressed", String(b === button)); });
        if (wanted === mode) { return; }
        // (the key events all stand in the story's own period: back to it, not to centuries of strays)
        (wanted === "key" ? showWhole(false) : Promise.resolve()).then(function () { draw(wanted); });
      });
    });
    if (whole) {
      // a toggle: pressed, every event, strays included; pressed again, the story's period
      whole.addEventListener("click", function () { showWhole(whole.getAttribute("aria-pressed") !== "true"); });
    }
    Array.prototype.forEach.call(controls.querySelectorAll("input[data-lane]"), function (box) {
      box.addEventListener("change", function () {
        var lane = Number(box.getAttribute("data-lane"));
        hiddenLanes[lane] = !box.checked;
        var indices = [];
        shown.forEach(function (trace, t) { if (trace.lane === lane) { indices.push(t); } });
        if (indices.length) { Plotly.restyle(chart, { visible: box.checked }, indices); }
      });
    });
  }

  // on a touch screen a finger moving over the chart scrolls the page, as everywhere else, rather
  // than drawing a zoom box that traps it; the slider moves along the time axis
  if (window.matchMedia && window.matchMedia("(pointer: coarse)").matches) { layout.dragmode = false; }
  chart.setAttribute("data-mode", mode);
  // the chart's box has the figure's height: plotly's responsive resize takes the box's size, and
  // a box sized by its content alone would shrink to its least on the first resize
  // (on a phone, where the chart would run past the first screen, its lanes are packed closer, so that
  // the date axis is on it: five outlets' lanes at the desktop's spacing put it below)
  var room = window.innerHeight - chart.getBoundingClientRect().top - window.scrollY;
  if (chart.clientWidth > 0 && chart.clientWidth < NARROW_CHART && layout.height > room) {
    var lanes = (layout.yaxis.tickvals || []).length;
    layout.height = Math.max(NARROW_MIN_HEIGHT, NARROW_BASE + NARROW_LANE * lanes, Math.min(layout.height, room));
  }
  chart.style.height = layout.height + "px";
  Plotly.newPlot(chart, shown, layout, {
    responsive: true, displaylogo: false, scrollZoom: false,
    // a double click goes back to the first view, never to plotly's autorange (which pads past
    // the calendar's end when an event is near the year 9999 and draws nothing)
    doubleClick: "reset",
    // the page works offline and sends nothing anywhere: no button that shares the chart online
    showSendToCloud: false, showEditInChartStudio: false, showLink: false,
    modeBarButtonsToRemove: ["select2d", "lasso2d", "autoScale2d", "sendDataToCloud", "editInChartStudio"]
  }).then(placeLabels).then(function () {
    chart.on("plotly_click", function (change) {
      if (change.points.length) { showDetails(change.points[0].customdata); }
    });
    chart.on("plotly_relayout", function (change) {
      if (Object.keys(change).some(function (k) { return k.indexOf("xaxis") === 0 || k === "autosize"; })) { schedule(); }
    });
    chart.on("plotly_restyle", schedule);
    window.addEventListener("resize", schedule);
    chart.setAttribute("data-drawn", "true");
    document.body.setAttribute("data-ready", "true");
  });
})();
