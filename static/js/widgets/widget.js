/* What every widget does, whatever it plots: its controls, the state in the address, its messages,
   and asking a data source (sources.js) for the current state, at most one request in flight and the
   latest state winning. Each .widget figure carries its configuration, its messages (in the lesson's
   language, from text_<lang>.properties) and its default state's responses in a
   <script type="application/json" class="widget-config">, so the chart draws without a request.

   A widget family (gradient.js, …) is a constructor whose prototype inherits GTT.Widget.prototype and
   provides: requests(state) -> [{ name, request }] (getRequest(source, state) builds a configured
   source's GET), show(responses, state), downloadCsv(),
   downloadPng(), resize(), restyle(); a family with its own start (train.js) begins it with wire().
   It registers itself with GTT.widgets.family(["name", …], Ctor).
   Classic script (no modules), so it also runs from file://. */
(function () {
  "use strict";

  var GTT = window.GTT = window.GTT || {};
  var families = {};
  var widgets = {};

  function Widget(root) {
    this.root = root;
    this.config = JSON.parse(root.querySelector(".widget-config").textContent);
    this.text = this.config.messages;
    this.form = root.querySelector(".widget-controls");
    this.status = root.querySelector(".widget-status");
    this.shownState = this.config.defaults;
    this.wanted = null;
    this.inFlight = false;
    this.offline = false;
    this.updateStarted = null;
    this.timings = [];
    this.busyTimer = null;
    this.retriedWhenBusy = false;
  }

  Widget.prototype.start = function () {
    this.wire();
    this.rememberBaked();
    this.show(this.config.baked, this.config.defaults);
    this.root.setAttribute("data-shown", this.stateKey(this.config.defaults));
    if (GTT.sources.pick(this.endpoint()).name === "baked") {
      this.goOffline();
      return;
    }
    this.setEnabled(true);
    var fromUrl = this.restoreFromUrl();
    this.controlsChanged();
    if (fromUrl) this.request(this.controlState());
  };

  /* What every family's start does first: the live look, the controls' listeners, the export buttons. */
  Widget.prototype.wire = function () {
    var self = this;
    this.root.classList.add("is-live");
    var data = this.root.querySelector(".widget-data");
    if (data) data.removeAttribute("tabindex");
    var actions = this.root.querySelector(".widget-actions");
    if (actions) actions.hidden = false;
    if (this.form) {
      this.form.addEventListener("submit", function (event) { event.preventDefault(); });
      this.form.addEventListener("input", function (event) { self.onControl(event); });
      this.form.addEventListener("change", function (event) { self.onControl(event); });
    }
    this.onAction("csv", function () { self.downloadCsv(); });
    this.onAction("png", function () { self.downloadPng(); });
    if (window.ResizeObserver) {
      new ResizeObserver(function () { self.resize(); }).observe(this.root);
    }
  };

  /* The endpoint this widget asks (its default state's first request), for GTT.sources.pick. */
  Widget.prototype.endpoint = function () {
    try {
      var requests = this.requests(this.config.defaults);
      return requests.length ? requests[0].request.endpoint : null;
    } catch (ignored) {
      return null;
    }
  };

  Widget.prototype.onAction = function (action, handler) {
    var button = this.root.querySelector("[data-action=" + action + "]");
    if (button) button.addEventListener("click", handler);
  };

  /* The baked source answers the default state's requests with the responses baked into the page. */
  Widget.prototype.rememberBaked = function () {
    var baked = GTT.sources.get("baked");
    var responses = this.config.baked;
    try {
      this.requests(this.config.defaults).forEach(function (r) { baked.remember(r.request, responses[r.name]); });
    } catch (ignored) { /* a default the request cannot be built from: the chart still shows the baked data */ }
  };

  Widget.prototype.goOffline = function () {
    this.offline = true;
    this.setEnabled(false);
    this.restoreControls(this.shownState);
    // In a snapshot on a browser without Wasm GC the note says that, not "run the server".
    var engine = GTT.sources.get("engine");
    var reason = engine && engine.unavailableReason ? engine.unavailableReason() : null;
    this.say(reason && this.text[reason] ? this.text[reason] : this.text.offline, false);
  };

  Widget.prototype.controls = function () {
    return this.form ? Array.prototype.slice.call(this.form.querySelectorAll("input, select")) : [];
  };

  Widget.prototype.setEnabled = function (enabled) {
    this.controls().forEach(function (control) {
      control.disabled = !enabled || control.hasAttribute("data-locked");
    });
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
    this.controls().forEach(function (control) {
      if (control.name) state[control.name] = self.controlValue(control);
    });
    return state;
  };

  /* Sliders ask on every move while dragged; selects and checkboxes when changed. */
  Widget.prototype.onControl = function (event) {
    var control = event.target;
    if (!control.name || !(control.name in this.config.defaults)) return;
    this.showValue(control);
    this.controlsChanged(control);
    if (event.type === "input" && control.type !== "range") return;
    var state = this.controlState();
    this.writeUrl(state);
    if (!this.requestsOn(event)) return;
    this.cancelBusyRetry();
    this.request(state);
  };

  /* Hooks a family may override: which controls apply, and which events ask for a new chart. */
  Widget.prototype.controlsChanged = function () {};
  Widget.prototype.requestsOn = function () { return true; };

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

  Widget.prototype.restoreControls = function (state) {
    var self = this;
    this.controls().forEach(function (control) {
      if (control.name in state) self.setControlValue(control, state[control.name]);
    });
    this.writeUrl(state);
  };

  /* The GET a configured source (WidgetKind.Source) makes for state: its fixed fields, then its keys. */
  Widget.prototype.getRequest = function (source, state) {
    var query = {};
    Object.keys(source.query).forEach(function (key) { query[key] = source.query[key]; });
    source.keys.forEach(function (key) { query[key] = state[key]; });
    return { name: source.name, request: { endpoint: source.endpoint, method: "GET", query: query } };
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
    var requests;
    try {
      requests = this.requests(state);
    } catch (problem) {
      this.say(problem.message, false);
      return;
    }
    var source = GTT.sources.pick(this.endpoint());
    this.inFlight = true;
    this.root.setAttribute("aria-busy", "true");
    var responses = {};
    var chain = Promise.resolve();
    requests.forEach(function (r) {
      chain = chain.then(function () {
        return source.compute(r.request).then(function (response) { responses[r.name] = response; });
      });
    });
    chain.then(function () {
      self.finish();
      self.retriedWhenBusy = false;
      self.say("", false);
      self.show(responses, state);
      self.root.setAttribute("data-shown", self.stateKey(state));
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

  Widget.prototype.report = function (problem, state) {
    var self = this;
    var text = this.text;
    var format = GTT.chart.format;
    var kind = problem instanceof GTT.sources.RequestError ? problem.kind : "unreachable";
    if (kind === "no-api" || kind === "offline") {
      // The API is gone (a static host): the in-browser engine may take over, else the baked state stays.
      if (kind === "no-api" && GTT.sources.pick(this.endpoint()).name !== "baked") this.request(state);
      else this.goOffline();
    } else if (kind === "rejected") {
      var body = problem.body;
      var message = format(text.rejected, body.error || "");
      if (body.field) message += " " + format(text.field, body.field);
      if (body.allowed) message += " " + format(text.allowed, body.allowed);
      this.say(message, false);
    } else if (kind === "busy") {
      this.retryWhenFree(problem.retryAfter, state);
    } else if (kind === "unreachable") {
      this.say(text.unreachable, function () { self.request(state); });
    } else {
      this.say(format(text.serverError, problem.status), function () { self.request(state); });
    }
  };

  /* A 429/503: the chart keeps the last state it drew; the widget says so and asks once more after the
     server's Retry-After, then leaves it to the learner (a Retry button) rather than retrying forever. */
  Widget.prototype.retryWhenFree = function (seconds, state) {
    var self = this;
    var retryNow = function () { self.cancelBusyRetry(); self.request(state); };
    if (this.retriedWhenBusy) {
      this.retriedWhenBusy = false;
      this.say(this.text.stillOverloaded, retryNow);
      return;
    }
    this.say(GTT.chart.format(this.text.overloaded, seconds), false);
    this.busyTimer = setTimeout(function () {
      self.busyTimer = null;
      self.retriedWhenBusy = true;
      self.request(state);
    }, seconds * 1000);
  };

  /* A new setting from the learner replaces a pending retry of an older one. */
  Widget.prototype.cancelBusyRetry = function () {
    if (this.busyTimer) clearTimeout(this.busyTimer);
    this.busyTimer = null;
    this.retriedWhenBusy = false;
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

  Widget.prototype.stateKey = function (state) {
    return Object.keys(state).sort().map(function (key) { return key + "=" + state[key]; }).join("&");
  };

  /* Script time of one update, from the response to the redraw: a family sets updateStarted when it
     starts an update and calls recordTiming() when the chart has drawn. */
  Widget.prototype.recordTiming = function () {
    if (this.updateStarted === null) return;
    this.timings.push(performance.now() - this.updateStarted);
    this.updateStarted = null;
    this.root.setAttribute("data-updates", String(this.timings.length));
  };

  Widget.prototype.resize = function () {};
  Widget.prototype.restyle = function () {};

  function family(names, Constructor) {
    names.forEach(function (name) { families[name] = Constructor; });
  }

  function startAll() {
    var roots = document.querySelectorAll(".widget[data-widget]");
    for (var i = 0; i < roots.length; i++) {
      var Constructor = families[roots[i].getAttribute("data-widget")];
      if (!Constructor) continue;
      var widget = new Constructor(roots[i]);
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

  GTT.Widget = Widget;
  GTT.widgets = { family: family, get: function (id) { return widgets[id]; } };

  window.GttWidgets = {
    get: function (id) { return widgets[id]; },
    /* Script time per update in ms (parse to redraw), for the browser test's measurement. */
    timings: function (id) { return widgets[id] ? widgets[id].timings.slice() : []; }
  };

  // Deferred scripts all run before DOMContentLoaded, so the family files loaded after this one
  // have registered by then.
  if (document.readyState === "complete") setTimeout(startAll, 0);
  else document.addEventListener("DOMContentLoaded", startAll);
})();
