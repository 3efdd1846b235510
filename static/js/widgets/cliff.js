/* The cliff widget: Pascanu, Mikolov & Bengio's single recurrent unit. A heat map of log10 E over the
   (w, b) grid from /api/v1/cliff, with contour lines and the wall b*(w); a plain and a clipped descent
   from /api/v1/cliff/descent drawn on it from one start point, the plain one's big step marked; below,
   the two losses against the iteration (uPlot). The start point moves with a click, or with the arrow
   keys on the map (Enter runs); the sliders and the URL hold it like any other control. Sources,
   defaults and labels come from the configuration (WidgetKind.CLIFF). Classic script. */
(function () {
  "use strict";

  var GTT = window.GTT;
  var chart = GTT.chart;
  var PAD = { left: 54, right: 70, top: 14, bottom: 42 };
  /* Viridis, sampled: perceptually ordered and readable for colour-blind readers, on a light or dark page. */
  var RAMP = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];
  var CONTOUR_STEP = 0.25; // decades of E between contour lines
  var SHIFT_FACTOR = 10;
  var DESCENTS = ["plain", "clipped"];

  function CliffWidget(root) {
    GTT.Widget.call(this, root);
    this.map = root.querySelector(".widget-cliff-map");
    this.summary = root.querySelector(".widget-cliff-summary");
    this.chartBox = root.querySelector(".widget-chart");
    this.plot = null;
    this.gridSource = null;
    this.grid = null;
    this.descents = null;
  }
  CliffWidget.prototype = Object.create(GTT.Widget.prototype);
  CliffWidget.prototype.constructor = CliffWidget;

  CliffWidget.prototype.start = function () {
    var self = this;
    this.map.addEventListener("click", function (event) { self.onMapClick(event); });
    this.map.addEventListener("keydown", function (event) { self.onMapKey(event); });
    GTT.Widget.prototype.start.call(this);
  };

  CliffWidget.prototype.requests = function (state) {
    var self = this;
    return this.config.sources.map(function (source) { return self.getRequest(source, state); });
  };

  function parsed(response) {
    return typeof response === "string" ? JSON.parse(response) : response;
  }

  /* One update: the grid (re-rendered only when it changed), both descents, table, summary, map and chart. */
  CliffWidget.prototype.show = function (responses, state) {
    var started = performance.now();
    if (responses.grid !== this.gridSource) {
      this.gridSource = responses.grid;
      this.grid = prepareGrid(parsed(responses.grid));
    }
    this.descents = { plain: parsed(responses.plain), clipped: parsed(responses.clipped) };
    this.shownState = state;
    this.fillTable();
    this.fillSummary();
    this.drawMap();
    this.updateStarted = started;
    this.drawChart();
  };

  /* log10 E, its range, the colour image (one pixel per grid point) and the contour segments, once per grid. */
  function prepareGrid(response) {
    var n = response.w.length;
    var log = response.loss.map(function (row) { return row.map(function (e) { return Math.log10(e); }); });
    var min = Infinity;
    var max = -Infinity;
    log.forEach(function (row) { row.forEach(function (v) { min = Math.min(min, v); max = Math.max(max, v); }); });
    var grid = {
      w: response.w, b: response.b, n: n, log: log, min: min, max: max, wall: response.wallBias,
      wMin: response.w[0], wMax: response.w[n - 1], bMin: response.b[0], bMax: response.b[n - 1]
    };
    grid.image = colourImage(grid);
    grid.contours = contours(grid);
    return grid;
  }

  function rampColour(t) {
    var x = Math.min(Math.max(t, 0), 1) * (RAMP.length - 1);
    var i = Math.min(Math.floor(x), RAMP.length - 2);
    var f = x - i;
    return RAMP[i].map(function (c, k) { return Math.round(c + f * (RAMP[i + 1][k] - c)); });
  }

  /* Rows of the grid are b (upwards), so row i of the data is image row n − 1 − i. */
  function colourImage(grid) {
    var canvas = document.createElement("canvas");
    canvas.width = grid.n;
    canvas.height = grid.n;
    var ctx = canvas.getContext("2d");
    var image = ctx.createImageData(grid.n, grid.n);
    for (var i = 0; i < grid.n; i++) {
      for (var j = 0; j < grid.n; j++) {
        var rgb = rampColour((grid.log[i][j] - grid.min) / (grid.max - grid.min || 1));
        var at = ((grid.n - 1 - i) * grid.n + j) * 4;
        image.data[at] = rgb[0];
        image.data[at + 1] = rgb[1];
        image.data[at + 2] = rgb[2];
        image.data[at + 3] = 255;
      }
    }
    ctx.putImageData(image, 0, 0);
    return canvas;
  }

  /* Marching squares on log10 E at every CONTOUR_STEP decades: segments as [w1, b1, w2, b2]. */
  function contours(grid) {
    var segments = [];
    for (var level = Math.ceil(grid.min / CONTOUR_STEP) * CONTOUR_STEP; level < grid.max; level += CONTOUR_STEP) {
      for (var i = 0; i + 1 < grid.n; i++) {
        for (var j = 0; j + 1 < grid.n; j++) cellSegments(grid, i, j, level, segments);
      }
    }
    return segments;
  }

  function cellSegments(grid, i, j, level, segments) {
    // corners in order around the cell: (i, j), (i, j+1), (i+1, j+1), (i+1, j)
    var corners = [[i, j], [i, j + 1], [i + 1, j + 1], [i + 1, j]];
    var crossings = [];
    for (var k = 0; k < 4; k++) {
      var a = corners[k];
      var c = corners[(k + 1) % 4];
      var va = grid.log[a[0]][a[1]];
      var vc = grid.log[c[0]][c[1]];
      if ((va < level) === (vc < level)) continue;
      var t = (level - va) / (vc - va);
      var row = a[0] + t * (c[0] - a[0]);
      var col = a[1] + t * (c[1] - a[1]);
      crossings.push(at(grid.w, col), at(grid.b, row));
    }
    // two crossings: one segment; four (a saddle): two, paired in order around the cell
    for (var s = 0; s + 3 < crossings.length; s += 4) segments.push(crossings.slice(s, s + 4));
  }

  function at(values, index) {
    var i = Math.min(Math.floor(index), values.length - 2);
    return values[i] + (index - i) * (values[i + 1] - values[i]);
  }

  CliffWidget.prototype.fillTable = function () {
    var plain = this.descents.plain.points;
    var clipped = this.descents.clipped.points;
    var rows = Math.max(plain.length, clipped.length);
    var body = "";
    for (var k = 0; k < rows; k++) {
      body += "<tr><th scope=\"row\">" + k + "</th>" + cells(plain[k]) + cells(clipped[k]) + "</tr>";
    }
    this.root.querySelector(".widget-table").tBodies[0].innerHTML = body;
  };

  /* w, b and E to four significant digits, as CliffWidget.java writes the baked table. */
  function cells(point) {
    var out = "";
    for (var c = 0; c < 3; c++) out += "<td>" + (point ? fourDigits(point[c]) : "") + "</td>";
    return out;
  }

  function fourDigits(value) {
    return value.toPrecision(4);
  }

  CliffWidget.prototype.seriesLabel = function (name) {
    return this.config.series[DESCENTS.indexOf(name)].label;
  };

  CliffWidget.prototype.fillSummary = function () {
    var self = this;
    var text = this.text;
    var format = chart.format;
    var state = this.shownState;
    var lines = [format(text.cliffStart, state.w0, state.b0)];
    DESCENTS.forEach(function (name) {
      var descent = self.descents[name];
      var points = descent.points;
      var label = capitalised(self.seriesLabel(name));
      if (descent.note) {
        lines.push(format(text.cliffLeftBox, label, points.length));
      } else {
        lines.push(format(text.cliffSummary, label, descent.largestStep.length.toPrecision(3),
            descent.largestStep.iteration, points[points.length - 1][2].toPrecision(3)));
      }
    });
    this.summary.textContent = "";
    var summary = this.summary;
    lines.forEach(function (line) {
      var span = document.createElement("span");
      span.textContent = line;
      summary.appendChild(span);
    });
  };

  function capitalised(label) {
    return label.charAt(0).toUpperCase() + label.slice(1);
  }

  /* The plain descent counts as thrown off when its largest step is at least ten times the clipped one's. */
  CliffWidget.prototype.thrownStep = function () {
    var plain = this.descents.plain.largestStep;
    var clipped = this.descents.clipped.largestStep;
    return plain.iteration > 0 && plain.length >= 10 * clipped.length ? plain.iteration : 0;
  };

  /* ---- the map ---- */

  CliffWidget.prototype.geometry = function () {
    var width = Math.max(this.map.clientWidth || 480, 260);
    var height = Math.round(Math.min(Math.max(width * 0.68, 240), 420));
    return { width: width, height: height, plotW: width - PAD.left - PAD.right, plotH: height - PAD.top - PAD.bottom };
  };

  CliffWidget.prototype.toPx = function (w, b) {
    var g = this.grid;
    var box = this.box;
    return [PAD.left + (w - g.wMin) / (g.wMax - g.wMin) * box.plotW,
            PAD.top + (g.bMax - b) / (g.bMax - g.bMin) * box.plotH];
  };

  CliffWidget.prototype.fromPx = function (x, y) {
    var g = this.grid;
    var box = this.box;
    return [g.wMin + (x - PAD.left) / box.plotW * (g.wMax - g.wMin),
            g.bMax - (y - PAD.top) / box.plotH * (g.bMax - g.bMin)];
  };

  CliffWidget.prototype.drawMap = function () {
    if (!this.grid) return;
    var box = this.box = this.geometry();
    var ratio = window.devicePixelRatio || 1;
    this.map.width = Math.round(box.width * ratio);
    this.map.height = Math.round(box.height * ratio);
    var ctx = this.map.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.fillStyle = chart.cssColor("--bg-raised", "#ffffff");
    ctx.fillRect(0, 0, box.width, box.height);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(this.grid.image, PAD.left, PAD.top, box.plotW, box.plotH);
    ctx.save();
    ctx.beginPath();
    ctx.rect(PAD.left, PAD.top, box.plotW, box.plotH);
    ctx.clip();
    this.drawContours(ctx);
    this.drawWall(ctx);
    this.drawDescents(ctx);
    this.drawStart(ctx);
    ctx.restore();
    this.drawAxes(ctx);
    this.drawColourBar(ctx);
  };

  CliffWidget.prototype.drawContours = function (ctx) {
    var self = this;
    ctx.strokeStyle = "rgba(0, 0, 0, 0.35)";
    ctx.lineWidth = 1;
    ctx.beginPath();
    this.grid.contours.forEach(function (s) {
      var a = self.toPx(s[0], s[1]);
      var c = self.toPx(s[2], s[3]);
      ctx.moveTo(a[0], a[1]);
      ctx.lineTo(c[0], c[1]);
    });
    ctx.stroke();
  };

  /* Black dashes over a white line: visible on every colour of the ramp, in light and dark mode. */
  CliffWidget.prototype.drawWall = function (ctx) {
    var self = this;
    var path = [];
    this.grid.wall.forEach(function (b, j) { if (b !== null) path.push(self.toPx(self.grid.w[j], b)); });
    if (path.length < 2) return;
    [["#ffffff", 4, []], ["#000000", 2, [6, 4]]].forEach(function (style) {
      ctx.strokeStyle = style[0];
      ctx.lineWidth = style[1];
      ctx.setLineDash(style[2]);
      ctx.beginPath();
      path.forEach(function (p, i) { if (i === 0) ctx.moveTo(p[0], p[1]); else ctx.lineTo(p[0], p[1]); });
      ctx.stroke();
    });
    ctx.setLineDash([]);
    var label = path[path.length - 1];
    outlinedText(ctx, this.text.cliffWall, label[0] - 4, label[1] - 8, "right");
  };

  function outlinedText(ctx, text, x, y, align) {
    ctx.font = "600 13px system-ui, sans-serif";
    ctx.textAlign = align;
    ctx.textBaseline = "alphabetic";
    ctx.lineWidth = 3;
    ctx.strokeStyle = "#ffffff";
    ctx.strokeText(text, x, y);
    ctx.fillStyle = "#000000";
    ctx.fillText(text, x, y);
  }

  CliffWidget.prototype.drawDescents = function (ctx) {
    var self = this;
    var palette = chart.palette();
    var outline = chart.cssColor("--bg", "#ffffff");
    DESCENTS.forEach(function (name, index) {
      var points = self.descents[name].points.map(function (p) { return self.toPx(p[0], p[1]); });
      [[outline, 5], [palette[index], 2.5]].forEach(function (style) {
        ctx.strokeStyle = style[0];
        ctx.lineWidth = style[1];
        ctx.beginPath();
        points.forEach(function (p, i) { if (i === 0) ctx.moveTo(p[0], p[1]); else ctx.lineTo(p[0], p[1]); });
        ctx.stroke();
      });
      var end = points[points.length - 1];
      disc(ctx, end[0], end[1], 4.5, palette[index], outline);
    });
    this.markThrown(ctx, palette[0], outline);
  };

  function disc(ctx, x, y, radius, fill, outline) {
    ctx.beginPath();
    ctx.arc(x, y, radius, 0, 2 * Math.PI);
    ctx.fillStyle = fill;
    ctx.fill();
    ctx.lineWidth = 2;
    ctx.strokeStyle = outline;
    ctx.stroke();
  }

  /* A ring where the plain descent takes its big step, and where that step lands when it is off the map. */
  CliffWidget.prototype.markThrown = function (ctx, colour, outline) {
    var k = this.thrownStep();
    this.root.setAttribute("data-thrown-step", String(k));
    if (!k) return;
    var points = this.descents.plain.points;
    var from = points[k - 1];
    var to = points[k];
    var p = this.toPx(from[0], from[1]);
    ctx.lineWidth = 3;
    ctx.strokeStyle = outline;
    ctx.beginPath();
    ctx.arc(p[0], p[1], 9, 0, 2 * Math.PI);
    ctx.stroke();
    ctx.lineWidth = 2;
    ctx.strokeStyle = colour;
    ctx.stroke();
    var g = this.grid;
    var label = chart.format(this.text.cliffThrown, k);
    if (to[0] < g.wMin || to[0] > g.wMax || to[1] < g.bMin || to[1] > g.bMax) {
      label += " " + chart.format(this.text.cliffOffMap, to[0].toFixed(2), to[1].toFixed(2));
    }
    // The label goes in the map's top-left corner, where it fits whatever the start.
    outlinedText(ctx, label, PAD.left + 8, PAD.top + 18, "left");
  };

  /* The start point the controls hold now (it moves with the arrow keys before Enter runs it). */
  CliffWidget.prototype.drawStart = function (ctx) {
    var state = this.controlState();
    var p = this.toPx(Number(state.w0), Number(state.b0));
    ctx.lineWidth = 4;
    ctx.strokeStyle = "#ffffff";
    crosshair(ctx, p);
    ctx.lineWidth = 2;
    ctx.strokeStyle = "#000000";
    crosshair(ctx, p);
  };

  function crosshair(ctx, p) {
    ctx.beginPath();
    ctx.arc(p[0], p[1], 7, 0, 2 * Math.PI);
    ctx.moveTo(p[0] - 12, p[1]); ctx.lineTo(p[0] - 4, p[1]);
    ctx.moveTo(p[0] + 4, p[1]); ctx.lineTo(p[0] + 12, p[1]);
    ctx.moveTo(p[0], p[1] - 12); ctx.lineTo(p[0], p[1] - 4);
    ctx.moveTo(p[0], p[1] + 4); ctx.lineTo(p[0], p[1] + 12);
    ctx.stroke();
  }

  CliffWidget.prototype.drawAxes = function (ctx) {
    var self = this;
    var g = this.grid;
    var box = this.box;
    var text = chart.cssColor("--text", "#1c2127");
    ctx.strokeStyle = chart.cssColor("--border", "#d5d9dd");
    ctx.lineWidth = 1;
    ctx.strokeRect(PAD.left, PAD.top, box.plotW, box.plotH);
    ctx.fillStyle = text;
    ctx.font = "12px system-ui, sans-serif";
    ticks(g.wMin, g.wMax, 0.1).forEach(function (w) {
      var x = self.toPx(w, g.bMin)[0];
      ctx.textAlign = "center";
      ctx.textBaseline = "top";
      ctx.fillText(w.toFixed(1), x, PAD.top + box.plotH + 4);
    });
    ticks(g.bMin, g.bMax, 0.5).forEach(function (b) {
      var y = self.toPx(g.wMin, b)[1];
      ctx.textAlign = "right";
      ctx.textBaseline = "middle";
      ctx.fillText(b.toFixed(1), PAD.left - 6, y);
    });
    ctx.font = "italic 14px serif";
    ctx.textAlign = "center";
    ctx.textBaseline = "bottom";
    ctx.fillText("w", PAD.left + box.plotW / 2, box.height - 2);
    ctx.textBaseline = "middle";
    ctx.fillText("b", 12, PAD.top + box.plotH / 2);
  };

  function ticks(min, max, step) {
    var out = [];
    for (var v = Math.ceil(min / step - 1e-9) * step; v <= max + 1e-9; v += step) out.push(Math.round(v / step) * step);
    return out;
  }

  /* The ramp at the right, labelled in whole decades of E (10^k). */
  CliffWidget.prototype.drawColourBar = function (ctx) {
    var g = this.grid;
    var box = this.box;
    var x = PAD.left + box.plotW + 12;
    var width = 12;
    for (var y = 0; y < box.plotH; y++) {
      var rgb = rampColour(1 - y / box.plotH);
      ctx.fillStyle = "rgb(" + rgb.join(",") + ")";
      ctx.fillRect(x, PAD.top + y, width, 1.5);
    }
    ctx.fillStyle = chart.cssColor("--text", "#1c2127");
    ctx.font = "12px system-ui, sans-serif";
    ctx.textAlign = "left";
    ctx.textBaseline = "middle";
    for (var decade = Math.ceil(g.min); decade <= g.max; decade++) {
      var at = PAD.top + (g.max - decade) / (g.max - g.min) * box.plotH;
      ctx.fillText(chart.tickLabel(decade), x + width + 4, at);
    }
    ctx.fillText("E", x, PAD.top + box.plotH + 16);
  };

  /* ---- moving the start point ---- */

  CliffWidget.prototype.startControl = function (name) {
    return this.form.querySelector("[name=" + name + "]");
  };

  /* Sets the start sliders (which round to their step and clamp to their range) and redraws the marker. */
  CliffWidget.prototype.moveStart = function (w, b) {
    var wControl = this.startControl("w0");
    var bControl = this.startControl("b0");
    if (!wControl || !bControl || wControl.disabled || bControl.disabled) return false;
    this.setControlValue(wControl, snap(w, wControl));
    this.setControlValue(bControl, snap(b, bControl));
    this.drawMap();
    return true;
  };

  function snap(value, control) {
    var step = Number(control.step);
    var min = Number(control.min);
    var max = Number(control.max);
    var snapped = Math.min(Math.max(min + Math.round((value - min) / step) * step, min), max);
    var decimals = (String(control.step).split(".")[1] || "").length;
    return String(Number(snapped.toFixed(decimals)));
  }

  CliffWidget.prototype.run = function () {
    var state = this.controlState();
    this.writeUrl(state);
    this.request(state);
  };

  CliffWidget.prototype.onMapClick = function (event) {
    if (this.offline || !this.box) return;
    var rect = this.map.getBoundingClientRect();
    var x = (event.clientX - rect.left) * this.box.width / rect.width;
    var y = (event.clientY - rect.top) * this.box.height / rect.height;
    if (x < PAD.left || x > PAD.left + this.box.plotW || y < PAD.top || y > PAD.top + this.box.plotH) return;
    var wb = this.fromPx(x, y);
    if (this.moveStart(wb[0], wb[1])) this.run();
  };

  CliffWidget.prototype.onMapKey = function (event) {
    if (this.offline) return;
    if (event.key === "Enter") {
      event.preventDefault();
      this.run();
      return;
    }
    var moves = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
    var move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    var factor = event.shiftKey ? SHIFT_FACTOR : 1;
    var w = this.startControl("w0");
    var b = this.startControl("b0");
    this.moveStart(Number(w.value) + move[0] * factor * Number(w.step), Number(b.value) + move[1] * factor * Number(b.step));
  };

  /* A start slider redraws the marker at once; every control runs the descents (the base class asks). */
  CliffWidget.prototype.controlsChanged = function () {
    if (this.grid && this.descents) this.drawMap();
  };

  /* ---- the loss chart ---- */

  CliffWidget.prototype.chartData = function () {
    var plain = this.descents.plain.points;
    var clipped = this.descents.clipped.points;
    var rows = Math.max(plain.length, clipped.length);
    var xs = [];
    for (var k = 0; k < rows; k++) xs.push(k);
    function logLoss(points) {
      return xs.map(function (k) { return k < points.length ? Math.log10(points[k][2]) : null; });
    }
    return [xs, logLoss(plain), logLoss(clipped)];
  };

  CliffWidget.prototype.chartOptions = function () {
    var self = this;
    var palette = chart.palette();
    return {
      width: Math.max(this.chartBox.clientWidth, 200),
      height: chart.HEIGHT,
      scales: { x: { time: false }, y: { range: function () { return self.yRange; } } },
      axes: [Object.assign({ label: this.config.xLabel }, chart.axisStyle()), chart.log10Axis(this.text.cliffLossAxis)],
      series: [{ label: this.config.xLabel }].concat(DESCENTS.map(function (name, i) {
        return {
          label: self.seriesLabel(name),
          stroke: palette[i],
          width: 2,
          points: { show: false },
          value: function (u, v) { return v === null || v === undefined ? "—" : Math.pow(10, v).toPrecision(4); }
        };
      })),
      legend: { show: true },
      hooks: { draw: [function () { self.recordTiming(); }] }
    };
  };

  CliffWidget.prototype.drawChart = function () {
    var data = this.chartData();
    var min = Infinity;
    var max = -Infinity;
    data.slice(1).forEach(function (column) {
      column.forEach(function (v) { if (v !== null && isFinite(v)) { min = Math.min(min, v); max = Math.max(max, v); } });
    });
    this.yRange = chart.decadeRange(min, max);
    if (this.plot) {
      this.plot.setData(data);
    } else {
      this.plot = new window.uPlot(this.chartOptions(), data, this.chartBox);
    }
  };

  CliffWidget.prototype.resize = function () {
    if (!this.plot) return;
    var width = Math.max(this.chartBox.clientWidth, 200);
    if (width !== this.plot.width) this.plot.setSize({ width: width, height: chart.HEIGHT });
    if (this.box && this.geometry().width !== this.box.width) this.drawMap();
  };

  /* The other palette and page colours when the reader's colour scheme changes. */
  CliffWidget.prototype.restyle = function () {
    if (!this.descents) return;
    if (this.plot) this.plot.destroy();
    this.plot = null;
    this.drawMap();
    this.drawChart();
  };

  CliffWidget.prototype.downloadCsv = function () {
    var headers = Array.prototype.map.call(this.root.querySelectorAll(".widget-table thead th"), function (th) {
      return th.textContent;
    });
    var plain = this.descents.plain.points;
    var clipped = this.descents.clipped.points;
    var rows = [headers];
    for (var k = 0; k < Math.max(plain.length, clipped.length); k++) {
      rows.push([String(k)].concat(full(plain[k]), full(clipped[k])));
    }
    chart.downloadCsv(this.config.id + ".csv", rows);
  };

  function full(point) {
    return point ? [String(point[0]), String(point[1]), String(point[2])] : ["", "", ""];
  }

  CliffWidget.prototype.downloadPng = function () {
    chart.downloadPng(this.config.id + ".png", [this.map, this.plot.ctx.canvas]);
  };

  GTT.widgets.family(["cliff"], CliffWidget);
})();
