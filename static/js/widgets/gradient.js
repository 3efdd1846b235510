/* The gradient-line widgets (rnn, depth, lstm, gru, custom): log10 norms of Jacobian products from
   /api/v1/gradients against distance or layer, a data table for screen readers, and for the rnn the
   eigenvalues of W_hh. The series, sources and labels come from the widget's configuration
   (WidgetKind.java); this file only knows how to lay them out and draw them. Classic script. */
(function () {
  "use strict";

  var GTT = window.GTT;
  var chart = GTT.chart;

  function GradientWidget(root) {
    GTT.Widget.call(this, root);
    this.chartBox = root.querySelector(".widget-chart");
    this.weightsBox = root.querySelector("textarea[name=weights]");
    this.plot = null;
    this.data = null;
    this.responses = null;
  }
  GradientWidget.prototype = Object.create(GTT.Widget.prototype);
  GradientWidget.prototype.constructor = GradientWidget;

  GradientWidget.prototype.start = function () {
    var self = this;
    var compute = this.root.querySelector(".widget-compute");
    if (compute && GTT.sources.pick("gradients").name !== "baked") {
      compute.hidden = false;
      compute.addEventListener("click", function () { self.cancelBusyRetry(); self.request(self.controlState()); });
    }
    GTT.Widget.prototype.start.call(this);
  };

  GradientWidget.prototype.setEnabled = function (enabled) {
    GTT.Widget.prototype.setEnabled.call(this, enabled);
    if (this.weightsBox) this.weightsBox.disabled = !enabled;
  };

  /* The pasted-model widget, whose POST is heavier, asks when a control is released, not while dragged. */
  GradientWidget.prototype.requestsOn = function (event) {
    return !this.weightsBox || event.type === "change";
  };

  /* In the pasted-model widget the activation applies to an rnn only (lstm and gru fix their own). */
  GradientWidget.prototype.controlsChanged = function () {
    var model = this.form.querySelector("[name=model]");
    var activation = this.form.querySelector("[name=activation]");
    if (!this.weightsBox || !model || !activation) return;
    var field = activation.closest(".widget-control");
    if (field) field.hidden = model.value !== "rnn";
  };

  /* One API request per configured source: GET with the source's fields, or the custom widget's POST. */
  GradientWidget.prototype.requests = function (state) {
    var weights = this.pastedWeights();
    var self = this;
    return this.config.sources.map(function (source) {
      if (source.method === "POST") {
        var body = { model: state.model, steps: Number(state.steps), seed: Number(state.seed), weights: weights };
        if (state.model === "rnn") body.activation = state.activation;
        return { name: source.name, request: { endpoint: source.endpoint, method: "POST", body: body } };
      }
      return self.getRequest(source, state);
    });
  };

  GradientWidget.prototype.pastedWeights = function () {
    if (!this.weightsBox) return null;
    var parsed;
    try {
      parsed = JSON.parse(this.weightsBox.value);
    } catch (error) {
      throw new Error(chart.format(this.text.notJson, error.message));
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error(this.text.notObject);
    return parsed;
  };

  /* One update: parse, lay out, table, facts, eigenvalues and chart. Timed up to the chart's redraw. */
  GradientWidget.prototype.show = function (texts, state) {
    var started = performance.now();
    var responses = {};
    Object.keys(texts).forEach(function (name) {
      responses[name] = typeof texts[name] === "string" ? JSON.parse(texts[name]) : texts[name];
    });
    this.responses = responses;
    this.shownState = state;
    this.data = align(this.config, responses);
    this.fillTable(this.data);
    this.fillFacts(responses);
    this.updateStarted = started;
    this.drawChart(this.data);
  };

  /* Lays the responses' arrays out on one x axis, as DataTable.java does for the page's table. */
  function align(config, responses) {
    var present = config.series.filter(function (s) {
      var response = responses[s.source];
      return response && Array.isArray(response[s.field]);
    });
    var maxX = 0;
    present.forEach(function (s) {
      var length = responses[s.source][s.field].length;
      maxX = Math.max(maxX, s.reversed ? length - 1 : length - 1 + s.offset);
    });
    var xs = [];
    for (var x = 0; x <= maxX; x++) xs.push(x);
    var columns = present.map(function (s) {
      var values = responses[s.source][s.field];
      return xs.map(function (x) {
        var index = s.reversed ? values.length - 1 - x : x - s.offset;
        return index >= 0 && index < values.length ? values[index] : undefined;
      });
    });
    return { series: present, xs: xs, columns: columns };
  }

  GradientWidget.prototype.fillTable = function (data) {
    var table = this.root.querySelector(".widget-table");
    var head = "<tr><th scope=\"col\">" + chart.escapeHtml(this.config.xLabel) + "</th>";
    data.series.forEach(function (s) { head += "<th scope=\"col\">" + chart.escapeHtml(s.label) + "</th>"; });
    var body = "";
    data.xs.forEach(function (x, row) {
      body += "<tr><th scope=\"row\">" + x + "</th>";
      data.columns.forEach(function (column) {
        var value = column[row];
        body += "<td>" + (value === undefined ? "" : value === null ? "0" : chart.powerOfTen(value)) + "</td>";
      });
      body += "</tr>";
    });
    table.tHead.innerHTML = head + "</tr>";
    table.tBodies[0].innerHTML = body;
  };

  GradientWidget.prototype.fillFacts = function (responses) {
    var rnn = responses.rnn;
    var facts = this.root.querySelectorAll("[data-fact]");
    for (var i = 0; i < facts.length; i++) {
      var value = rnn && rnn[facts[i].getAttribute("data-fact")];
      facts[i].textContent = typeof value === "number" ? value.toFixed(4) : "—";
    }
    var canvas = this.root.querySelector(".widget-eigen-canvas");
    if (canvas && rnn && rnn.eigenvalues) drawEigenvalues(canvas, rnn.eigenvalues, rnn.spectralRadius);
  };

  GradientWidget.prototype.chartOptions = function (data) {
    var self = this;
    var palette = chart.palette();
    return {
      width: Math.max(this.chartBox.clientWidth, 200),
      height: chart.HEIGHT,
      scales: {
        x: { time: false },
        // The widget's own quantity sets the range (see yRange), not whatever the comparisons reach.
        y: { range: function () { return self.yRange; } }
      },
      axes: [
        Object.assign({ label: this.config.xLabel }, chart.axisStyle()),
        chart.log10Axis(this.text.yAxis)
      ],
      series: [{ label: this.config.xLabel }].concat(data.series.map(function (s, i) {
        return {
          label: s.label,
          stroke: palette[i % palette.length],
          width: 2,
          dash: s.dashed ? [7, 4] : undefined,
          points: { show: false },
          value: function (u, v) { return chart.exactValue(v); }
        };
      })),
      legend: { show: true },
      hooks: { draw: [function (u) { self.markClipped(u); self.recordTiming(); }] }
    };
  };

  GradientWidget.prototype.drawChart = function (data) {
    var plotData = [data.xs].concat(data.columns.map(function (column) {
      return column.map(function (v) { return v === undefined ? null : v; });
    }));
    var signature = data.series.map(function (s) { return s.source + "." + s.field; }).join();
    this.yRange = yRange(data);
    this.clipped = clippedRuns(data, this.yRange);
    if (this.plot && this.signature === signature) {
      this.plot.setData(plotData);
    } else {
      if (this.plot) this.plot.destroy();
      this.signature = signature;
      this.plot = new window.uPlot(this.chartOptions(data), plotData, this.chartBox);
    }
    this.noteClippedInLegend(data);
  };

  function extent(columns) {
    var min = Infinity;
    var max = -Infinity;
    columns.forEach(function (column) {
      column.forEach(function (v) {
        if (typeof v === "number" && isFinite(v)) { min = Math.min(min, v); max = Math.max(max, v); }
      });
    });
    return min <= max ? [min, max] : null;
  }

  /* The y-range in whole decades: the solid lines' (the quantity the widget is about), widened for the
     dashed comparisons by at most a third of that span on either side (at least one decade), so the
     solid curves keep three quarters of the height however far a bound runs off. */
  function yRange(data) {
    var main = [];
    var comparisons = [];
    data.series.forEach(function (s, i) { (s.dashed ? comparisons : main).push(data.columns[i]); });
    var own = extent(main) || extent(comparisons);
    if (!own) return [-1, 1];
    var range = chart.decadeRange(own[0], own[1]);
    var others = extent(comparisons);
    if (!others) return range;
    var allowance = Math.max(1, Math.round((range[1] - range[0]) / 3));
    return [Math.max(Math.min(range[0], Math.floor(others[0])), range[0] - allowance),
            Math.min(Math.max(range[1], Math.ceil(others[1])), range[1] + allowance)];
  }

  /* Per series, the x values where a line leaves the range (starting outside counts), and in which
     direction: where the edge markers go. */
  function clippedRuns(data, range) {
    return data.columns.map(function (column) {
      var marks = [];
      var previous = 0;
      column.forEach(function (v, row) {
        var side = typeof v !== "number" ? 0 : v > range[1] ? 1 : v < range[0] ? -1 : 0;
        if (side !== 0 && side !== previous) marks.push({ x: data.xs[row], side: side });
        previous = side;
      });
      return marks;
    });
  }

  /* A triangle at the chart's edge, in the line's colour, where a line leaves the range. */
  GradientWidget.prototype.markClipped = function (u) {
    var ctx = u.ctx;
    var box = u.bbox;
    var size = 7 * (window.devicePixelRatio || 1);
    var count = 0;
    var palette = chart.palette();
    (this.clipped || []).forEach(function (marks, i) {
      var series = u.series[i + 1];
      if (!series || !series.show) return;
      ctx.save();
      ctx.fillStyle = palette[i % palette.length];
      marks.forEach(function (mark) {
        var x = u.valToPos(mark.x, "x", true);
        var edge = mark.side > 0 ? box.top : box.top + box.height;
        ctx.beginPath();
        ctx.moveTo(x, edge);
        ctx.lineTo(x - size, edge + mark.side * size * 1.6);
        ctx.lineTo(x + size, edge + mark.side * size * 1.6);
        ctx.closePath();
        ctx.fill();
        count++;
      });
      ctx.restore();
    });
    this.root.setAttribute("data-clip-markers", String(count));
  };

  /* The legend says which lines leave the chart, and where (in words: the triangles are not enough). */
  GradientWidget.prototype.noteClippedInLegend = function (data) {
    var labels = this.plot.root.querySelectorAll(".u-legend .u-series .u-label");
    var text = this.text;
    var clipped = this.clipped;
    data.series.forEach(function (s, i) {
      var label = labels[i + 1];
      if (!label) return;
      var sides = clipped[i].map(function (mark) { return mark.side; });
      var notes = [];
      if (sides.indexOf(1) >= 0) notes.push(text.clippedAbove);
      if (sides.indexOf(-1) >= 0) notes.push(text.clippedBelow);
      label.textContent = s.label + (notes.length ? " (" + notes.join(", ") + ")" : "");
    });
  };

  GradientWidget.prototype.resize = function () {
    if (!this.plot) return;
    var width = Math.max(this.chartBox.clientWidth, 200);
    if (width !== this.plot.width) this.plot.setSize({ width: width, height: chart.HEIGHT });
  };

  /* Redraws with the other palette when the reader's colour scheme changes. */
  GradientWidget.prototype.restyle = function () {
    if (!this.plot) return;
    this.plot.destroy();
    this.plot = null;
    this.drawChart(this.data);
    this.fillFacts(this.responses);
  };

  GradientWidget.prototype.downloadCsv = function () {
    var data = this.data;
    var rows = [[this.config.xLabel].concat(data.series.map(function (s) { return s.label + " (log10)"; }))];
    data.xs.forEach(function (x, row) {
      rows.push([String(x)].concat(data.columns.map(function (column) {
        var v = column[row];
        return v === undefined ? "" : v === null ? "-Infinity" : String(v);
      })));
    });
    chart.downloadCsv(this.config.id + ".csv", rows);
  };

  GradientWidget.prototype.downloadPng = function () {
    chart.downloadPng(this.config.id + ".png", [this.plot.ctx.canvas]);
  };

  function drawEigenvalues(canvas, eigenvalues, radius) {
    var size = 200;
    var ratio = window.devicePixelRatio || 1;
    canvas.width = size * ratio;
    canvas.height = size * ratio;
    var ctx = canvas.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, size, size);
    var extent = 1.2;
    eigenvalues.forEach(function (e) { extent = Math.max(extent, 1.1 * Math.hypot(e[0], e[1])); });
    var scale = (size / 2 - 8) / extent;
    var center = size / 2;
    var palette = chart.palette();
    ctx.strokeStyle = chart.cssColor("--border", "#d5d9dd");
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(0, center); ctx.lineTo(size, center);
    ctx.moveTo(center, 0); ctx.lineTo(center, size);
    ctx.stroke();
    ctx.strokeStyle = chart.cssColor("--text", "#1c2127");
    ctx.beginPath();
    ctx.arc(center, center, scale, 0, 2 * Math.PI);
    ctx.stroke();
    if (typeof radius === "number") {
      ctx.setLineDash([4, 3]);
      ctx.strokeStyle = palette[1];
      ctx.beginPath();
      ctx.arc(center, center, radius * scale, 0, 2 * Math.PI);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.fillStyle = palette[0];
    eigenvalues.forEach(function (e) {
      ctx.beginPath();
      ctx.arc(center + e[0] * scale, center - e[1] * scale, 3.5, 0, 2 * Math.PI);
      ctx.fill();
    });
  }

  GTT.widgets.family(["rnn", "depth", "lstm", "gru", "custom"], GradientWidget);
})();
