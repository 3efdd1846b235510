/* Interactive gradient charts. Each .widget figure carries its configuration and its default state
   (the API's response, baked in at build time) in a <script type="application/json">, so the chart
   draws without a request, also from file://. Moving a control asks the live API; at most one request
   per widget is in flight and the latest state wins. Classic script: no modules, works from file://. */
(function () {
  "use strict";

  var CHART_HEIGHT = 300;
  /* Okabe & Ito's colour-blind-safe palette, ordered for contrast on a light or a dark page. */
  var PALETTE_LIGHT = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"];
  var PALETTE_DARK = ["#56B4E9", "#E69F00", "#009E73", "#CC79A7", "#F0E442", "#D55E00"];
  var SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
  var CACHE_SIZE = 64;
  var OFFLINE = window.location.protocol === "file:";
  /* This script lives at <root>/static/js/widgets.js: the API is at <root>/api/v1/gradients. */
  var SCRIPT_SRC = document.currentScript ? document.currentScript.src : "";
  var API = SCRIPT_SRC ? new URL("../../api/v1/gradients", SCRIPT_SRC).href : "";

  var MESSAGES = {
    en: {
      offline: "This chart shows the default state, computed when the course was built. Moving the controls needs the live server: run java -jar gradients-through-time.jar serve and open the lesson there.",
      busy: "Computing…",
      unreachable: "The server cannot be reached, so the chart still shows the previous settings.",
      retry: "Retry",
      rejected: "The server cannot use these settings: ",
      field: "The problem is in ",
      allowed: "Allowed: ",
      notJson: "The box does not hold valid JSON (",
      notJsonEnd: "). Paste the output of the Python lines shown beside the box.",
      notObject: "The box must hold one JSON object whose keys are the state_dict names, such as weight_hh_l0.",
      serverError: "The server had a problem computing this chart (HTTP ",
      yAxis: "norm (log scale)"
    },
    zh: {
      offline: "图中是课程构建时算好的默认状态。要拖动控件，需要在线服务器：运行 java -jar gradients-through-time.jar serve，再从那里打开这一课。",
      busy: "计算中……",
      unreachable: "连不上服务器，图中仍是之前的设置。",
      retry: "重试",
      rejected: "服务器无法使用这些设置：",
      field: "问题出在 ",
      allowed: "允许的取值：",
      notJson: "框里的内容不是合法的 JSON（",
      notJsonEnd: "）。请粘贴旁边那几行 Python 的输出。",
      notObject: "框里应当是一个 JSON 对象，键是 state_dict 里的名字，例如 weight_hh_l0。",
      serverError: "服务器计算这张图时出了问题（HTTP ",
      yAxis: "范数（对数刻度）"
    }
  };

  var responseCache = {};
  var cacheOrder = [];

  function superscript(n) {
    var digits = String(Math.abs(n));
    var out = n < 0 ? "⁻" : "";
    for (var i = 0; i < digits.length; i++) out += SUPERSCRIPTS.charAt(digits.charCodeAt(i) - 48);
    return out;
  }

  /* 10^log10 as "7.53 × 10⁻⁵": exact far outside the double range, since only log10 is stored. */
  function powerOfTen(log10) {
    var exponent = Math.floor(log10);
    var mantissa = Math.pow(10, log10 - exponent);
    if (Math.round(mantissa * 100) >= 1000) { mantissa /= 10; exponent += 1; }
    return mantissa.toFixed(2) + " × 10" + superscript(exponent);
  }

  function tickLabel(log10) {
    return Number.isInteger(log10) ? "10" + superscript(log10) : "";
  }

  function exactValue(log10) {
    if (log10 === null || log10 === undefined) return "—";
    return powerOfTen(log10) + " (log₁₀ " + log10.toFixed(4) + ")";
  }

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

  function cssColor(name, fallback) {
    var value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    return value || fallback;
  }

  function darkMode() {
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  }

  function download(filename, blob) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  function csvField(text) {
    return /[",\n]/.test(text) ? "\"" + text.replace(/"/g, "\"\"") + "\"" : text;
  }

  function escapeHtml(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function cacheGet(key) { return responseCache[key]; }

  function cachePut(key, value) {
    if (!(key in responseCache)) cacheOrder.push(key);
    responseCache[key] = value;
    while (cacheOrder.length > CACHE_SIZE) delete responseCache[cacheOrder.shift()];
  }

  /* A request the API refused (400) or an address that has no API (404: the static snapshot). */
  function RequestError(kind, status, body) {
    this.kind = kind;
    this.status = status;
    this.body = body;
  }

  function Widget(root) {
    this.root = root;
    this.config = JSON.parse(root.querySelector(".widget-config").textContent);
    var langHolder = root.closest("[lang]");
    // The labels in the config are already in the lesson's language; the script's own messages follow it.
    var lang = langHolder && langHolder.getAttribute("lang").indexOf("zh") === 0 ? "zh" : "en";
    this.text = MESSAGES[lang];
    this.form = root.querySelector(".widget-controls");
    this.status = root.querySelector(".widget-status");
    this.chartBox = root.querySelector(".widget-chart");
    this.weightsBox = root.querySelector("textarea[name=weights]");
    this.responses = this.config.baked;
    this.shownState = this.config.defaults;
    this.wanted = null;
    this.inFlight = false;
    this.offline = OFFLINE;
    this.plot = null;
    this.updateStarted = null;
    this.timings = [];
  }

  Widget.prototype.start = function () {
    var self = this;
    this.root.classList.add("is-live");
    this.root.querySelector(".widget-data").removeAttribute("tabindex");
    this.root.querySelector(".widget-actions").hidden = false;
    this.form.addEventListener("submit", function (event) { event.preventDefault(); });
    this.form.addEventListener("input", function (event) { self.onControl(event); });
    this.form.addEventListener("change", function (event) { self.onControl(event); });
    this.root.querySelector("[data-action=csv]").addEventListener("click", function () { self.downloadCsv(); });
    this.root.querySelector("[data-action=png]").addEventListener("click", function () { self.downloadPng(); });
    var compute = this.root.querySelector(".widget-compute");
    if (compute) {
      compute.hidden = false;
      compute.addEventListener("click", function () { self.request(self.controlState()); });
    }
    this.draw(this.responses, this.config.defaults);
    if (this.offline) {
      this.say(this.text.offline, false);
      return;
    }
    this.setEnabled(true);
    var fromUrl = this.restoreFromUrl();
    this.showApplicableControls();
    if (fromUrl) this.request(this.controlState());
    if (window.ResizeObserver) {
      new ResizeObserver(function () { self.resize(); }).observe(this.chartBox);
    }
  };

  Widget.prototype.controls = function () {
    return Array.prototype.slice.call(this.form.querySelectorAll("input, select"));
  };

  Widget.prototype.setEnabled = function (enabled) {
    this.controls().forEach(function (control) {
      control.disabled = !enabled || control.hasAttribute("data-locked");
    });
    if (this.weightsBox) this.weightsBox.disabled = !enabled;
  };

  Widget.prototype.controlValue = function (control) {
    return control.type === "checkbox" ? (control.checked ? "true" : "false") : control.value;
  };

  Widget.prototype.setControlValue = function (control, value) {
    if (control.type === "checkbox") control.checked = value === "true";
    else control.value = value;
    this.showValue(control);
  };

  Widget.prototype.showValue = function (control) {
    var output = this.form.querySelector("output[for='" + control.id + "']");
    if (output) output.textContent = control.value;
  };

  /* The defaults (seed and any hidden fields included) overlaid with what the controls show. */
  Widget.prototype.controlState = function () {
    var state = {};
    var defaults = this.config.defaults;
    Object.keys(defaults).forEach(function (key) { state[key] = defaults[key]; });
    var self = this;
    this.controls().forEach(function (control) { state[control.name] = self.controlValue(control); });
    return state;
  };

  /* Sliders ask on every move while dragged; the pasted-model widget, whose POST is heavier, on release. */
  Widget.prototype.onControl = function (event) {
    var control = event.target;
    if (!control.name || control.name === "weights") return;
    this.showValue(control);
    if (control.name === "model") this.showApplicableControls();
    if (event.type === "input" && control.type !== "range") return;
    var state = this.controlState();
    this.writeUrl(state);
    if (!this.weightsBox || event.type === "change") this.request(state);
  };

  /* In the pasted-model widget the activation applies to an rnn only (lstm and gru fix their own). */
  Widget.prototype.showApplicableControls = function () {
    var model = this.form.querySelector("[name=model]");
    var activation = this.form.querySelector("[name=activation]");
    if (!this.weightsBox || !model || !activation) return;
    var field = activation.closest(".widget-control");
    if (field) field.hidden = model.value !== "rnn";
  };

  /* URL parameters "<widget id>.<field>": only values that differ from the lesson's defaults. */
  Widget.prototype.writeUrl = function (state) {
    var params = new URLSearchParams(window.location.search);
    var prefix = this.config.id + ".";
    var defaults = this.config.defaults;
    Object.keys(defaults).forEach(function (key) {
      if (state[key] !== defaults[key]) params.set(prefix + key, state[key]);
      else params.delete(prefix + key);
    });
    var query = params.toString();
    history.replaceState(history.state, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
  };

  /* Sets the controls from the URL; true when that changed anything. Invalid values are ignored. */
  Widget.prototype.restoreFromUrl = function () {
    var params = new URLSearchParams(window.location.search);
    var prefix = this.config.id + ".";
    var changed = false;
    var self = this;
    this.controls().forEach(function (control) {
      var value = params.get(prefix + control.name);
      if (value === null || control.disabled || value === self.controlValue(control)) return;
      self.setControlValue(control, value);
      if (self.controlValue(control) === value) changed = true;
      else self.setControlValue(control, self.config.defaults[control.name]);
    });
    return changed;
  };

  Widget.prototype.request = function (state) {
    if (this.offline) return;
    this.wanted = state;
    if (!this.inFlight) this.fetchWanted();
  };

  Widget.prototype.fetchWanted = function () {
    var self = this;
    var state = this.wanted;
    this.wanted = null;
    var weights;
    try {
      weights = this.pastedWeights();
    } catch (problem) {
      this.say(problem.message, false);
      return;
    }
    this.inFlight = true;
    this.root.setAttribute("aria-busy", "true");
    var responses = {};
    var chain = Promise.resolve();
    this.config.sources.forEach(function (source) {
      chain = chain.then(function () {
        return self.fetchSource(source, state, weights).then(function (response) { responses[source.name] = response; });
      });
    });
    chain.then(function () {
      self.finish();
      self.say("", false);
      self.draw(responses, state);
    }, function (problem) {
      self.finish();
      self.report(problem, state);
    }).then(function () {
      if (self.wanted && !self.offline) self.fetchWanted();
    });
  };

  Widget.prototype.finish = function () {
    this.inFlight = false;
    this.root.removeAttribute("aria-busy");
  };

  Widget.prototype.pastedWeights = function () {
    if (!this.weightsBox) return null;
    var parsed;
    try {
      parsed = JSON.parse(this.weightsBox.value);
    } catch (error) {
      throw new Error(this.text.notJson + error.message + this.text.notJsonEnd);
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error(this.text.notObject);
    return parsed;
  };

  /* The response text is kept, not parsed: draw() parses it inside the timed update. */
  Widget.prototype.fetchSource = function (source, state, weights) {
    var init;
    var url;
    if (source.model === null) {
      var body = { model: state.model, steps: Number(state.steps), seed: Number(state.seed), weights: weights };
      if (state.model === "rnn") body.activation = state.activation;
      url = API;
      init = { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
    } else {
      var query = "model=" + encodeURIComponent(source.model);
      source.keys.forEach(function (key) { query += "&" + key + "=" + encodeURIComponent(state[key]); });
      url = API + "?" + query;
      init = { method: "GET", headers: { "Accept": "application/json" } };
    }
    var key = init.method + " " + url + " " + (init.body || "");
    var cached = cacheGet(key);
    if (cached) return Promise.resolve(cached);
    return fetch(url, init).then(function (response) {
      return response.text().then(function (text) {
        if (response.ok) {
          cachePut(key, text);
          return text;
        }
        var json = null;
        try { json = JSON.parse(text); } catch (ignored) { /* not the API: the static snapshot's 404 page */ }
        if (response.status === 404) throw new RequestError("no-api", 404, json);
        if (response.status >= 400 && response.status < 500 && json) throw new RequestError("rejected", response.status, json);
        throw new RequestError("server", response.status, json);
      });
    });
  };

  Widget.prototype.report = function (problem, state) {
    var self = this;
    if (problem instanceof RequestError && problem.kind === "no-api") {
      this.offline = true;
      this.setEnabled(false);
      this.restoreControls(this.shownState);
      this.say(this.text.offline, false);
    } else if (problem instanceof RequestError && problem.kind === "rejected") {
      var body = problem.body;
      var message = this.text.rejected + (body.error || "");
      if (body.field) message += " " + this.text.field + "“" + body.field + "”.";
      if (body.allowed) message += " " + this.text.allowed + body.allowed;
      this.say(message, false);
    } else if (problem instanceof RequestError) {
      this.say(this.text.serverError + problem.status + ").", function () { self.request(state); });
    } else {
      this.say(this.text.unreachable, function () { self.request(state); });
    }
  };

  Widget.prototype.restoreControls = function (state) {
    var self = this;
    this.controls().forEach(function (control) { self.setControlValue(control, state[control.name]); });
    this.writeUrl(state);
  };

  /* Shows a message (empty: clears it); with a retry callback, a Retry button beside it. */
  Widget.prototype.say = function (message, retry) {
    this.status.textContent = "";
    this.status.classList.toggle("has-message", Boolean(message));
    if (!message) return;
    var text = document.createElement("span");
    text.textContent = message;
    this.status.appendChild(text);
    if (retry) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "widget-button widget-retry";
      button.textContent = this.text.retry;
      button.addEventListener("click", retry);
      this.status.appendChild(button);
    }
  };

  /* One update: parse, lay out, table, facts, eigenvalues and chart. Timed up to the chart's redraw. */
  Widget.prototype.draw = function (texts, state) {
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
    this.root.setAttribute("data-shown", this.stateKey(state));
  };

  Widget.prototype.stateKey = function (state) {
    return Object.keys(state).sort().map(function (key) { return key + "=" + state[key]; }).join("&");
  };

  Widget.prototype.recordTiming = function () {
    if (this.updateStarted === null) return;
    this.timings.push(performance.now() - this.updateStarted);
    this.updateStarted = null;
    this.root.setAttribute("data-updates", String(this.timings.length));
  };

  Widget.prototype.fillTable = function (data) {
    var table = this.root.querySelector(".widget-table");
    var head = "<tr><th scope=\"col\">" + escapeHtml(this.config.xLabel) + "</th>";
    data.series.forEach(function (s) { head += "<th scope=\"col\">" + escapeHtml(s.label) + "</th>"; });
    var body = "";
    data.xs.forEach(function (x, row) {
      body += "<tr><th scope=\"row\">" + x + "</th>";
      data.columns.forEach(function (column) {
        var value = column[row];
        body += "<td>" + (value === undefined ? "" : value === null ? "0" : powerOfTen(value)) + "</td>";
      });
      body += "</tr>";
    });
    table.tHead.innerHTML = head + "</tr>";
    table.tBodies[0].innerHTML = body;
  };

  Widget.prototype.fillFacts = function (responses) {
    var rnn = responses.rnn;
    var facts = this.root.querySelectorAll("[data-fact]");
    for (var i = 0; i < facts.length; i++) {
      var value = rnn && rnn[facts[i].getAttribute("data-fact")];
      facts[i].textContent = typeof value === "number" ? value.toFixed(4) : "—";
    }
    var canvas = this.root.querySelector(".widget-eigen-canvas");
    if (canvas && rnn && rnn.eigenvalues) drawEigenvalues(canvas, rnn.eigenvalues, rnn.spectralRadius);
  };

  Widget.prototype.chartOptions = function (data) {
    var self = this;
    var palette = darkMode() ? PALETTE_DARK : PALETTE_LIGHT;
    var text = cssColor("--text", "#1c2127");
    var grid = cssColor("--border", "#d5d9dd");
    var axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    return {
      width: Math.max(this.chartBox.clientWidth, 200),
      height: CHART_HEIGHT,
      scales: {
        x: { time: false },
        y: {
          range: function (u, min, max) {
            if (min === null || max === null) return [-1, 1];
            var low = Math.floor(min);
            var high = Math.ceil(max);
            return high - low < 2 ? [low - 1, high + 1] : [low, high];
          }
        }
      },
      axes: [
        Object.assign({ label: this.config.xLabel }, axis),
        Object.assign({
          label: this.text.yAxis,
          size: 64,
          incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
          values: function (u, splits) { return splits.map(tickLabel); }
        }, axis)
      ],
      series: [{ label: this.config.xLabel }].concat(data.series.map(function (s, i) {
        return {
          label: s.label,
          stroke: palette[i % palette.length],
          width: 2,
          dash: s.dashed ? [7, 4] : undefined,
          points: { show: false },
          value: function (u, v) { return exactValue(v); }
        };
      })),
      legend: { show: true },
      hooks: { draw: [function () { self.recordTiming(); }] }
    };
  };

  Widget.prototype.drawChart = function (data) {
    var plotData = [data.xs].concat(data.columns.map(function (column) {
      return column.map(function (v) { return v === undefined ? null : v; });
    }));
    var signature = data.series.map(function (s) { return s.source + "." + s.field; }).join();
    if (this.plot && this.signature === signature) {
      this.plot.setData(plotData);
      return;
    }
    if (this.plot) this.plot.destroy();
    this.signature = signature;
    this.plot = new window.uPlot(this.chartOptions(data), plotData, this.chartBox);
  };

  Widget.prototype.resize = function () {
    if (!this.plot) return;
    var width = Math.max(this.chartBox.clientWidth, 200);
    if (width !== this.plot.width) this.plot.setSize({ width: width, height: CHART_HEIGHT });
  };

  /* Redraws with the other palette when the reader's colour scheme changes. */
  Widget.prototype.restyle = function () {
    if (!this.plot) return;
    this.plot.destroy();
    this.plot = null;
    this.drawChart(this.data);
    this.fillFacts(this.responses);
  };

  Widget.prototype.downloadCsv = function () {
    var self = this;
    var header = [this.config.xLabel].concat(this.data.series.map(function (s) {
      return s.label + " (log10)";
    }));
    var lines = [header.map(csvField).join(",")];
    this.data.xs.forEach(function (x, row) {
      lines.push([String(x)].concat(self.data.columns.map(function (column) {
        var v = column[row];
        return v === undefined ? "" : v === null ? "-Infinity" : String(v);
      })).join(","));
    });
    download(this.config.id + ".csv", new Blob([lines.join("\n") + "\n"], { type: "text/csv" }));
  };

  /* The chart's canvas on the page's background colour (the canvas itself is transparent). */
  Widget.prototype.downloadPng = function () {
    var source = this.plot.ctx.canvas;
    var copy = document.createElement("canvas");
    copy.width = source.width;
    copy.height = source.height;
    var ctx = copy.getContext("2d");
    ctx.fillStyle = cssColor("--bg", "#ffffff");
    ctx.fillRect(0, 0, copy.width, copy.height);
    ctx.drawImage(source, 0, 0);
    var id = this.config.id;
    copy.toBlob(function (blob) { download(id + ".png", blob); }, "image/png");
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
    var text = cssColor("--text", "#1c2127");
    var muted = cssColor("--border", "#d5d9dd");
    var palette = darkMode() ? PALETTE_DARK : PALETTE_LIGHT;
    ctx.strokeStyle = muted;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(0, center); ctx.lineTo(size, center);
    ctx.moveTo(center, 0); ctx.lineTo(center, size);
    ctx.stroke();
    ctx.strokeStyle = text;
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

  var widgets = {};

  function startAll() {
    var roots = document.querySelectorAll(".widget[data-widget]");
    for (var i = 0; i < roots.length; i++) {
      var widget = new Widget(roots[i]);
      widgets[widget.config.id] = widget;
      try {
        widget.start();
      } catch (error) {
        widget.say(String(error && error.message || error), false);
      }
    }
    if (window.matchMedia) {
      window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", function () {
        Object.keys(widgets).forEach(function (id) { widgets[id].restyle(); });
      });
    }
  }

  window.GttWidgets = {
    get: function (id) { return widgets[id]; },
    /* Script time per update in ms (parse to redraw), for the browser test's measurement. */
    timings: function (id) { return widgets[id] ? widgets[id].timings.slice() : []; }
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", startAll);
  else startAll();
})();
