/* The training race (widget kind "train"): POST /api/v1/train streams one progress event per report
   (Server-Sent Events, read with fetch since EventSource cannot POST); the widget draws the runners'
   evaluation loss on one chart (log10 values on a linear axis labelled 10^k), a progress bar per runner,
   and a heat strip per runner: time step k down, training iteration across, colour log10 ‖∂L/∂h_k‖.
   Without the API (the snapshot, file://) Start replays the race recorded when the page was built
   (TrainingJson.recorded, baked into the configuration) at a steady pace: every number shown comes
   from it. The table below is the text alternative; RaceWidget.java writes the same rows. Classic script. */
(function () {
  "use strict";

  var GTT = window.GTT;
  var chart = GTT.chart;
  /* A recorded report every this many milliseconds: the default race (60 reports) replays in about 7 s. */
  var REPLAY_MS = 120;
  var STRIP_HEIGHT = 64;
  /* The strips' colour range spans at most this many decades below the largest norm. */
  var MAX_DECADES = 12;
  /* Viridis (perceptually uniform, colour-blind safe): dark = the gradient has vanished. */
  var VIRIDIS = ["#440154", "#482878", "#3e4989", "#31688e", "#26828e", "#1f9e89", "#35b779", "#6ece58", "#b5de2b", "#fde725"];
  var MODELS = ["rnn", "lstm", "gru", "irnn"];

  function TrainWidget(root) {
    GTT.Widget.call(this, root);
    this.race = this.config.race;
    this.labels = this.race.labels;
    this.recording = this.config.baked.race;
    // The shared busy handling (widget.js) speaks of charts; a race has its own words.
    this.text = Object.assign({}, this.text, { overloaded: this.text.trainBusy, stillOverloaded: this.text.trainStillBusy });
    this.chartBox = root.querySelector(".widget-chart");
    this.startButton = root.querySelector("[data-action=start]");
    this.stopButton = root.querySelector("[data-action=stop]");
    this.progressList = root.querySelector(".widget-progress");
    this.stripsBox = root.querySelector(".widget-strips");
    this.legendCanvas = root.querySelector(".widget-legend-canvas");
    this.run = null;
    this.shown = null;
    this.plot = null;
  }
  TrainWidget.prototype = Object.create(GTT.Widget.prototype);
  TrainWidget.prototype.constructor = TrainWidget;

  function api() {
    return GTT.sources.get("api");
  }

  TrainWidget.prototype.start = function () {
    var self = this;
    this.wire();
    this.onAction("start", function () { self.onStart(); });
    this.onAction("stop", function () { self.onStop(); });
    this.startButton.disabled = false;
    if (api().available()) {
      this.setEnabled(true);
      this.restoreFromUrl();
      this.say(this.text.trainReady, false);
    } else {
      this.goOffline();
    }
    this.controlsChanged();
    var state = this.controlState();
    var models = this.offline || !runners(state).length ? this.recordedModels() : runners(state);
    this.shown = this.newRun(models, Number(state.iterations), false);
    this.drawAll(this.shown);
    this.root.setAttribute("data-shown", this.stateKey(state));
  };

  /* No API: the controls show the recorded race's settings, and Start replays it. */
  TrainWidget.prototype.goOffline = function () {
    this.offline = true;
    this.setEnabled(false);
    this.restoreControls(this.config.defaults);
    this.say(this.text.trainSnapshot, false);
  };

  /* Controls only change what the next Start asks for. */
  TrainWidget.prototype.requestsOn = function () { return false; };

  /* The threshold applies only while clipping is on. */
  TrainWidget.prototype.controlsChanged = function () {
    var clipping = this.form.querySelector("[name=clipping]");
    var clip = this.form.querySelector("[name=clip]");
    if (clipping && clip && !this.offline && !this.run) clip.disabled = !clipping.checked || clip.hasAttribute("data-locked");
  };

  TrainWidget.prototype.setEnabled = function (enabled) {
    GTT.Widget.prototype.setEnabled.call(this, enabled);
    if (enabled) this.controlsChanged();
  };

  TrainWidget.prototype.recordedModels = function () {
    return this.recording.parameters.models.slice();
  };

  function runners(state) {
    return MODELS.filter(function (model) { return state[model] === "true"; });
  }

  /* The POST body: the same fields, in the same way, as TrainingPreset.java reads a block's state. */
  function body(state) {
    return {
      models: runners(state),
      steps: Number(state.steps),
      hidden: Number(state.hidden),
      learningRate: Number(state.learningRate),
      clip: state.clipping === "true" ? Number(state.clip) : null,
      iterations: Number(state.iterations),
      seed: Number(state.seed)
    };
  }

  TrainWidget.prototype.onStart = function () {
    if (this.run) return;
    this.cancelBusyRetry();
    if (this.offline) {
      this.replay();
      return;
    }
    var state = this.controlState();
    this.writeUrl(state);
    this.request(state);
  };

  /* A live race (widget.js's retries after a busy answer come back here too). */
  TrainWidget.prototype.request = function (state) {
    var self = this;
    if (this.run) return;
    if (!api().available()) {
      this.goOffline();
      return;
    }
    var models = runners(state);
    if (!models.length) {
      this.say(this.text.trainNoModel, false);
      return;
    }
    var run = this.begin(this.newRun(models, Number(state.iterations), true));
    run.controller = new AbortController();
    this.say(this.text.trainRunning, false);
    api().stream({ endpoint: "train", method: "POST", body: body(state) }, function (event, data) {
      if (self.run === run) self.onEvent(run, event, JSON.parse(data));
    }, run.controller.signal).then(function () {
      self.end(run);
    }, function (problem) {
      var aborted = problem && problem.name === "AbortError";
      var streaming = run.id !== null;
      self.end(run);
      if (aborted) return;
      if (streaming && !(problem instanceof GTT.sources.RequestError)) {
        self.say(self.text.trainLost, function () { self.onStart(); });
      } else {
        self.report(problem, state);
      }
    });
  };

  /* Stop: the server is told to end the job (DELETE), then the stream is closed, which also ends it. */
  TrainWidget.prototype.onStop = function () {
    var run = this.run;
    if (!run) return;
    var self = this;
    this.stopButton.disabled = true;
    if (!run.live) {
      clearInterval(run.timer);
      this.end(run);
      this.say(this.text.trainStopped, false);
      return;
    }
    var close = function () {
      if (run.controller) run.controller.abort();
      self.end(run);
      self.say(self.text.trainStopped, false);
    };
    if (run.id === null) {
      close();
      return;
    }
    api().send({ endpoint: "train/" + encodeURIComponent(run.id), method: "DELETE" }).then(close, close);
  };

  TrainWidget.prototype.replay = function () {
    var self = this;
    var recording = this.recording;
    var run = this.begin(this.newRun(recording.parameters.models, recording.parameters.iterations, false));
    var next = 0;
    this.say(this.text.trainReplaying, false);
    run.timer = setInterval(function () {
      if (next < recording.progress.length) {
        self.onEvent(run, "progress", withNorms(recording.progress[next++]));
        return;
      }
      clearInterval(run.timer);
      self.onEvent(run, "done", recording.done);
      self.end(run);
      self.say(self.text.trainReplayed, false);
    }, REPLAY_MS);
  };

  /* The page carries the step norms as log10 (RaceWidget.compact): back to norms, as the stream sends them. */
  function withNorms(progress) {
    progress.models.forEach(function (report) {
      if (report.stepGradientNorms || !report.stepLog10Norms) return;
      report.stepGradientNorms = report.stepLog10Norms.map(function (v) { return v === null ? null : Math.pow(10, v); });
    });
    return progress;
  }

  TrainWidget.prototype.newRun = function (models, iterations, live) {
    var reports = {};
    models.forEach(function (model) { reports[model] = []; });
    return { models: models, iterations: iterations, live: live, id: null, reports: reports, done: null,
             announced: {}, controller: null, timer: null };
  };

  TrainWidget.prototype.begin = function (run) {
    this.run = run;
    this.shown = run;
    this.setEnabled(false);
    this.startButton.disabled = true;
    this.stopButton.disabled = false;
    this.root.setAttribute("aria-busy", "true");
    this.root.setAttribute("data-race", "running");
    this.drawAll(run);
    return run;
  };

  TrainWidget.prototype.end = function (run) {
    if (this.run !== run) return;
    this.run = null;
    if (!this.offline) this.setEnabled(true);
    this.startButton.disabled = false;
    this.stopButton.disabled = true;
    this.root.removeAttribute("aria-busy");
    this.root.setAttribute("data-race", run.done ? run.done.stoppedBy : "ended");
  };

  TrainWidget.prototype.onEvent = function (run, event, data) {
    if (event === "started") {
      run.id = data.id;
      this.root.setAttribute("data-job", data.id);
    } else if (event === "queued") {
      this.say(chart.format(this.text.trainQueued, data.position), false);
    } else if (event === "progress") {
      this.addProgress(run, data);
    } else if (event === "done") {
      run.done = data;
      if (run.live) this.say(this.doneMessage(data), false);
    }
  };

  TrainWidget.prototype.doneMessage = function (done) {
    var reason = this.text["trainStop." + done.stoppedBy] || done.stoppedBy;
    return chart.format(this.text.trainDone, typeof done.seconds === "number" ? done.seconds.toFixed(1) : "—", reason);
  };

  /* One report: each runner's new state (a runner that stopped repeats its last report: not added). */
  TrainWidget.prototype.addProgress = function (run, progress) {
    var self = this;
    // After "queued", the first report says the race is running.
    if (run.live && !run.progressed) this.say(this.text.trainRunning, false);
    run.progressed = true;
    progress.models.forEach(function (report) {
      var list = run.reports[report.model];
      if (!list) return;
      var last = list[list.length - 1];
      if (last && last.iteration === report.iteration) return;
      list.push(report);
      if (report.solvedAt !== null && !run.announced[report.model]) {
        run.announced[report.model] = true;
        self.say(chart.format(self.text.trainSolved, self.race.models[report.model], report.solvedAt), false);
      }
    });
    this.root.setAttribute("data-iteration", String(progress.iteration));
    this.updateStarted = performance.now();
    this.drawAll(run);
  };

  TrainWidget.prototype.drawAll = function (run) {
    this.layOut(run);
    this.drawChart(run);
    this.drawStrips(run);
    this.fillProgress(run);
    this.fillTable(run);
    this.recordTiming();
  };

  /* One progress bar and one strip per runner, made when the runners change. */
  TrainWidget.prototype.layOut = function (run) {
    var signature = run.models.join();
    if (this.laidOut === signature) return;
    this.laidOut = signature;
    var self = this;
    this.progressList.textContent = "";
    this.stripsBox.textContent = "";
    run.models.forEach(function (model) {
      var id = "widget-" + self.config.id + "-progress-" + model;
      var item = document.createElement("li");
      item.setAttribute("data-model", model);
      item.innerHTML = "<label for=\"" + id + "\">" + chart.escapeHtml(self.race.models[model]) + "</label>" +
        "<progress id=\"" + id + "\" max=\"1\" value=\"0\"></progress><span class=\"widget-rate\"></span>";
      self.progressList.appendChild(item);
      var strip = document.createElement("figure");
      strip.className = "widget-strip";
      strip.setAttribute("data-model", model);
      strip.innerHTML = "<figcaption>" + chart.escapeHtml(self.race.models[model]) + "</figcaption>" +
        "<div class=\"widget-strip-body\"><span class=\"widget-strip-k\" aria-hidden=\"true\"><span>k = 1</span>" +
        "<span class=\"widget-strip-last\"></span></span><canvas role=\"img\" aria-label=\"" +
        chart.escapeHtml(chart.format(self.labels.strip, self.race.models[model])) + "\"></canvas></div>";
      self.stripsBox.appendChild(strip);
    });
  };

  TrainWidget.prototype.fillProgress = function (run) {
    var self = this;
    run.models.forEach(function (model) {
      var item = self.progressList.querySelector("li[data-model=" + model + "]");
      var last = run.reports[model][run.reports[model].length - 1];
      var bar = item.querySelector("progress");
      bar.max = run.iterations;
      bar.value = last ? last.iteration : 0;
      var words = [(last ? last.iteration : 0) + " / " + run.iterations];
      // A recording keeps no timings (RaceWidget.compact): only a live race shows its speed.
      if (run.live && last && typeof last.iterationsPerSecond === "number") {
        words.push(chart.format(self.text.trainRate, Math.round(last.iterationsPerSecond)));
      }
      if (last && last.solvedAt !== null) words.push(chart.format(self.text.trainSolvedAt, last.solvedAt));
      item.querySelector(".widget-rate").textContent = words.join(" · ");
    });
  };

  function log10(value) {
    return typeof value === "number" && value > 0 ? Math.log10(value) : null;
  }

  /* x = iteration; one column per runner (log10 evaluation loss), then chance and success as flat lines. */
  TrainWidget.prototype.chartData = function (run) {
    var iterations = {};
    run.models.forEach(function (model) { run.reports[model].forEach(function (r) { iterations[r.iteration] = true; }); });
    // 0 and the budget too, so the chance and success lines span the whole axis from the start.
    iterations[0] = true;
    iterations[run.iterations] = true;
    var xs = Object.keys(iterations).map(Number).sort(function (a, b) { return a - b; });
    var columns = run.models.map(function (model) {
      var byIteration = {};
      run.reports[model].forEach(function (r) { byIteration[r.iteration] = log10(r.evalLoss); });
      return xs.map(function (x) { return x in byIteration ? byIteration[x] : null; });
    });
    var race = this.race;
    columns.push(xs.map(function () { return Math.log10(race.chance); }));
    columns.push(xs.map(function () { return Math.log10(race.target); }));
    return [xs].concat(columns);
  };

  TrainWidget.prototype.chartOptions = function (run) {
    var self = this;
    var palette = chart.palette();
    var muted = chart.cssColor("--text-muted", "#5b6570");
    var lines = run.models.map(function (model, i) {
      return { label: self.race.models[model], stroke: palette[i % palette.length], width: 2, spanGaps: true,
               points: { show: false }, value: function (u, v) { return chart.exactValue(v); } };
    });
    lines.push({ label: this.labels.chance, stroke: muted, width: 1, dash: [7, 4], points: { show: false },
                 value: function (u, v) { return chart.exactValue(v); } });
    lines.push({ label: this.labels.target, stroke: muted, width: 1, dash: [2, 3], points: { show: false },
                 value: function (u, v) { return chart.exactValue(v); } });
    return {
      width: Math.max(this.chartBox.clientWidth, 200),
      height: chart.HEIGHT,
      scales: {
        x: { time: false, range: function () { return [0, self.plotRun.iterations]; } },
        y: { range: function () { return self.yRange; } }
      },
      axes: [Object.assign({ label: this.config.xLabel }, chart.axisStyle()), chart.log10Axis(this.labels.yAxis)],
      series: [{ label: this.config.xLabel }].concat(lines),
      legend: { show: true }
    };
  };

  TrainWidget.prototype.drawChart = function (run) {
    var data = this.chartData(run);
    var min = Infinity;
    var max = -Infinity;
    data.slice(1).forEach(function (column) {
      column.forEach(function (v) { if (v !== null) { min = Math.min(min, v); max = Math.max(max, v); } });
    });
    this.yRange = chart.decadeRange(min, max);
    this.plotRun = run;
    var signature = run.models.join();
    if (this.plot && this.plotSignature === signature) {
      this.plot.setData(data);
      return;
    }
    if (this.plot) this.plot.destroy();
    this.plotSignature = signature;
    this.plot = new window.uPlot(this.chartOptions(run), data, this.chartBox);
  };

  /* The strips share one colour range (whole decades), so runners compare at a glance. */
  function stripRange(run) {
    var max = -Infinity;
    var min = Infinity;
    run.models.forEach(function (model) {
      run.reports[model].forEach(function (r) {
        r.stepGradientNorms.forEach(function (norm) {
          var v = log10(norm);
          if (v !== null) { max = Math.max(max, v); min = Math.min(min, v); }
        });
      });
    });
    if (!(max >= min)) return [-MAX_DECADES, 0];
    var high = Math.ceil(max);
    var low = Math.max(Math.floor(min), high - MAX_DECADES);
    return low < high ? [low, high] : [high - 1, high];
  }

  function hexRgb(hex) {
    return [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)];
  }
  var VIRIDIS_RGB = VIRIDIS.map(hexRgb);

  /* t in [0, 1] to a viridis colour, interpolated between its ten stops. */
  function colour(t) {
    var x = Math.min(Math.max(t, 0), 1) * (VIRIDIS_RGB.length - 1);
    var i = Math.min(Math.floor(x), VIRIDIS_RGB.length - 2);
    var f = x - i;
    var a = VIRIDIS_RGB[i];
    var b = VIRIDIS_RGB[i + 1];
    return "rgb(" + [0, 1, 2].map(function (c) { return Math.round(a[c] + f * (b[c] - a[c])); }).join(",") + ")";
  }

  TrainWidget.prototype.drawStrips = function (run) {
    var self = this;
    var range = stripRange(run);
    var ratio = window.devicePixelRatio || 1;
    var width = Math.max(this.stripsBox.clientWidth - 48, 160);
    run.models.forEach(function (model) {
      var figure = self.stripsBox.querySelector("figure[data-model=" + model + "]");
      var canvas = figure.querySelector("canvas");
      var reports = run.reports[model];
      var steps = reports.length ? reports[0].stepGradientNorms.length : 0;
      figure.querySelector(".widget-strip-last").textContent = steps ? "k = " + steps : "";
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(STRIP_HEIGHT * ratio);
      canvas.style.width = width + "px";
      canvas.style.height = STRIP_HEIGHT + "px";
      var ctx = canvas.getContext("2d");
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.fillStyle = chart.cssColor("--bg", "#ffffff");
      ctx.fillRect(0, 0, width, STRIP_HEIGHT);
      var previous = 0;
      reports.forEach(function (r) {
        var x0 = previous / run.iterations * width;
        var x1 = r.iteration / run.iterations * width;
        previous = r.iteration;
        r.stepGradientNorms.forEach(function (norm, k) {
          var v = log10(norm);
          ctx.fillStyle = v === null ? VIRIDIS[0] : colour((v - range[0]) / (range[1] - range[0]));
          var y0 = k / steps * STRIP_HEIGHT;
          var y1 = (k + 1) / steps * STRIP_HEIGHT;
          // Overlap by a pixel so no background shows through the seams.
          ctx.fillRect(x0, y0, x1 - x0 + 0.5, y1 - y0 + 0.5);
        });
      });
    });
    this.drawLegend(range);
  };

  TrainWidget.prototype.drawLegend = function (range) {
    var canvas = this.legendCanvas;
    var ctx = canvas.getContext("2d");
    for (var x = 0; x < canvas.width; x++) {
      ctx.fillStyle = colour(x / (canvas.width - 1));
      ctx.fillRect(x, 0, 1, canvas.height);
    }
    this.root.querySelector(".widget-legend-low").textContent = chart.tickLabel(range[0]);
    this.root.querySelector(".widget-legend-high").textContent = chart.tickLabel(range[1]);
  };

  function lossText(value) {
    return typeof value === "number" ? value.toFixed(4) : "—";
  }

  function normText(value) {
    return typeof value !== "number" ? "—" : value > 0 ? chart.powerOfTen(Math.log10(value)) : "0";
  }

  /* The rows RaceWidget.java bakes: per runner, per report, model, iteration, losses, ‖∂L/∂h₁‖, solved at. */
  function tableRows(run) {
    var rows = [];
    run.models.forEach(function (model) {
      run.reports[model].forEach(function (r) {
        rows.push([model.toUpperCase(), String(r.iteration), lossText(r.trainLoss), lossText(r.evalLoss),
                   normText(r.stepGradientNorms[0]), r.solvedAt === null ? "—" : String(r.solvedAt)]);
      });
    });
    return rows;
  }

  /* Before any race the baked table (the recorded run) stays, so the page is never without its numbers. */
  TrainWidget.prototype.fillTable = function (run) {
    if (!this.run && run !== this.shown) return;
    var rows = tableRows(run);
    if (!rows.length && !this.run) return;
    var labels = this.labels;
    var table = this.root.querySelector(".widget-table");
    var headers = ["model", "trainLoss", "evalLoss", "firstStep", "solvedAt"].map(function (key) { return labels[key]; });
    headers.splice(1, 0, this.config.xLabel);
    table.tHead.innerHTML = "<tr>" + headers.map(function (header) {
      return "<th scope=\"col\">" + chart.escapeHtml(header) + "</th>";
    }).join("") + "</tr>";
    table.tBodies[0].innerHTML = rows.map(function (row) {
      return "<tr><th scope=\"row\">" + row[0] + "</th>" + row.slice(1).map(function (cell) {
        return "<td>" + chart.escapeHtml(cell) + "</td>";
      }).join("") + "</tr>";
    }).join("");
  };

  TrainWidget.prototype.resize = function () {
    var run = this.shown;
    if (!run) return;
    if (this.plot) {
      var width = Math.max(this.chartBox.clientWidth, 200);
      if (width !== this.plot.width) this.plot.setSize({ width: width, height: chart.HEIGHT });
    }
    this.drawStrips(run);
  };

  TrainWidget.prototype.restyle = function () {
    if (!this.shown) return;
    if (this.plot) this.plot.destroy();
    this.plot = null;
    this.drawChart(this.shown);
    this.drawStrips(this.shown);
  };

  /* A CSV cell: empty for null, and for what a replayed recording does not keep (RaceWidget.compact). */
  function cell(value) {
    return value === null || value === undefined ? "" : String(value);
  }

  /* Everything the race reported, one row per runner and report, with ‖∂L/∂h_k‖ for every k. */
  TrainWidget.prototype.downloadCsv = function () {
    var run = this.shown;
    var steps = 0;
    run.models.forEach(function (model) {
      run.reports[model].forEach(function (r) { steps = Math.max(steps, r.stepGradientNorms.length); });
    });
    var header = ["model", "iteration", "trainLoss", "evalLoss", "evalAccuracy", "gradNormBeforeClip", "gradNormAfterClip",
                  "iterationsPerSecond", "solvedAt"];
    for (var k = 1; k <= steps; k++) header.push("dL/dh_" + k);
    var rows = [header];
    run.models.forEach(function (model) {
      run.reports[model].forEach(function (r) {
        rows.push([model, r.iteration, r.trainLoss, r.evalLoss, r.evalAccuracy, r.gradNormBeforeClip, r.gradNormAfterClip,
                   r.iterationsPerSecond, r.solvedAt].map(cell).concat(r.stepGradientNorms.map(cell)));
      });
    });
    chart.downloadCsv(this.config.id + ".csv", rows);
  };

  TrainWidget.prototype.downloadPng = function () {
    var canvases = [this.plot.ctx.canvas];
    Array.prototype.forEach.call(this.stripsBox.querySelectorAll("canvas"), function (c) { canvases.push(c); });
    canvases.push(this.legendCanvas);
    chart.downloadPng(this.config.id + ".png", canvases);
  };

  GTT.widgets.family(["train"], TrainWidget);
})();
