/* Where a widget's numbers come from, behind one small interface (window.GTT.sources).

   A source is { name, available() -> boolean, compute(request) -> Promise<response> }.
   - request: { endpoint: "gradients", method: "GET", query: { model: "rnn", scale: "0.9", … } }
           or { endpoint: "gradients", method: "POST", body: { model, steps, seed, weights, … } }:
     exactly what GET ?query / POST body of /api/v1/<endpoint> take.
   - response: what the API answers, as its JSON text (or the parsed object; widgets accept both).
   - failure: a GTT.sources.RequestError (kind "rejected" with the API's {error, field, allowed} body,
     "busy" with retryAfter seconds, "server", "no-api", "offline"), or any other Error when the server
     cannot be reached.

   Three sources, tried in this order by pick():
   1. "api": the live server, when the page is served over http(s) and the server has the API.
   2. "engine": the in-browser engine (WebAssembly, engine.js), in a snapshot (no live API) on a browser
      with Wasm GC; it answers like the API, bit for bit, for the endpoints it has (gradients, cliff,
      cliff/descent: see its answers(endpoint)).
   3. "baked": the responses computed at build time and baked into the page (the widgets' default
      states), so a chart always draws; it refuses any other request with kind "offline".
   Classic script (no modules), so it also runs from file://. */
(function () {
  "use strict";

  var GTT = window.GTT = window.GTT || {};
  var ORDER = ["api", "engine", "baked"];
  var CACHE_SIZE = 64;
  /* This script lives at <root>/static/js/widgets/sources.js: the API is at <root>/api/v1/. */
  var SCRIPT_SRC = document.currentScript ? document.currentScript.src : "";
  var API_ROOT = SCRIPT_SRC ? new URL("../../../api/v1/", SCRIPT_SRC).href : "";
  /* The snapshot marks its pages (<html data-site="snapshot">): even on a static web server it never asks /api/. */
  var SNAPSHOT = document.documentElement.getAttribute("data-site") === "snapshot";
  var SERVED = !SNAPSHOT && (window.location.protocol === "http:" || window.location.protocol === "https:");

  var registry = {};

  function RequestError(kind, status, body, retryAfter) {
    this.kind = kind;
    this.status = status;
    this.body = body;
    this.retryAfter = retryAfter;
    this.message = "request failed: " + kind + (status ? " (HTTP " + status + ")" : "");
  }
  RequestError.prototype = Object.create(Error.prototype);
  RequestError.prototype.constructor = RequestError;

  /* One spelling per request, the cache's and the baked source's key. */
  function requestKey(request) {
    var query = request.query || {};
    var parts = Object.keys(query).sort().map(function (key) { return key + "=" + query[key]; });
    return request.method + " " + request.endpoint + "?" + parts.join("&") + " " + (request.body ? JSON.stringify(request.body) : "");
  }

  function url(request) {
    var query = request.query || {};
    var params = Object.keys(query).map(function (key) {
      return encodeURIComponent(key) + "=" + encodeURIComponent(query[key]);
    });
    return API_ROOT + request.endpoint + (params.length ? "?" + params.join("&") : "");
  }

  /* Seconds from a Retry-After header (delta-seconds or an HTTP date); 1 when absent or unreadable. */
  function retryAfterSeconds(header) {
    if (!header) return 1;
    var seconds = Number(header);
    if (!isFinite(seconds)) seconds = (Date.parse(header) - Date.now()) / 1000;
    return isFinite(seconds) ? Math.min(Math.max(Math.ceil(seconds), 1), 600) : 1;
  }

  /* An answer that is not 2xx, as a RequestError. */
  function refusal(response, text) {
    var json = null;
    try { json = JSON.parse(text); } catch (ignored) { /* not the API: e.g. a static host's 404 page */ }
    var status = response.status;
    if (status === 429 || status === 503) {
      return new RequestError("busy", status, json, retryAfterSeconds(response.headers.get("Retry-After")));
    }
    if (status === 404 && !(json && json.error)) return new RequestError("no-api", 404, json);
    if (status >= 400 && status < 500 && json) return new RequestError("rejected", status, json);
    return new RequestError("server", status, json);
  }

  function apiSource() {
    var cache = {};
    var order = [];
    var absent = false;
    function remember(key, text) {
      if (!(key in cache)) order.push(key);
      cache[key] = text;
      while (order.length > CACHE_SIZE) delete cache[order.shift()];
    }
    return {
      name: "api",
      available: function () { return SERVED && !absent && Boolean(API_ROOT); },
      /* The response text is kept, not parsed: the widget parses it inside its timed update. */
      compute: function (request) {
        var key = requestKey(request);
        if (key in cache) return Promise.resolve(cache[key]);
        var init = request.method === "POST"
          ? { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(request.body) }
          : { method: "GET", headers: { "Accept": "application/json" } };
        return fetch(url(request), init).then(function (response) {
          return response.text().then(function (text) {
            if (response.ok) {
              remember(key, text);
              return text;
            }
            var problem = refusal(response, text);
            // A static host serving the snapshot over http: no API here, use the next source.
            if (problem.kind === "no-api") absent = true;
            throw problem;
          });
        });
      },
      /* POSTs request.body and reads the answer as Server-Sent Events while it arrives, calling
         onEvent(name, dataText) per event (EventSource cannot POST). Resolves when the stream ends;
         rejects with a RequestError when refused, or with fetch's error (AbortError after signal fires). */
      stream: function (request, onEvent, signal) {
        var init = { method: "POST", headers: { "Content-Type": "application/json", "Accept": "text/event-stream" },
                     body: JSON.stringify(request.body), signal: signal };
        return fetch(url(request), init).then(function (response) {
          if (!response.ok) {
            return response.text().then(function (text) {
              var problem = refusal(response, text);
              if (problem.kind === "no-api") absent = true;
              throw problem;
            });
          }
          return readEvents(response.body.getReader(), onEvent);
        });
      },
      /* A request without a body whose answer does not matter beyond its status (DELETE of a job). */
      send: function (request) {
        return fetch(url(request), { method: request.method });
      },
      url: url,
      refusal: refusal
    };
  }

  /* The SSE wire format: frames end with a blank line; "event:" names a frame, "data:" lines carry it,
     lines starting ":" are comments (keep-alives). */
  function readEvents(reader, onEvent) {
    var decoder = new TextDecoder();
    var buffer = "";
    function dispatch() {
      var end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        var frame = parseFrame(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (frame) onEvent(frame.event, frame.data);
      }
    }
    function pump() {
      return reader.read().then(function (chunk) {
        buffer += (chunk.done ? decoder.decode() : decoder.decode(chunk.value, { stream: true })).replace(/\r/g, "");
        dispatch();
        return chunk.done ? undefined : pump();
      });
    }
    return pump();
  }

  function parseFrame(frame) {
    var event = "message";
    var data = [];
    frame.split("\n").forEach(function (line) {
      if (!line || line.charAt(0) === ":") return;
      var colon = line.indexOf(":");
      var field = colon < 0 ? line : line.slice(0, colon);
      var value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "event") event = value;
      else if (field === "data") data.push(value);
    });
    return data.length ? { event: event, data: data.join("\n") } : null;
  }

  function bakedSource() {
    var known = {};
    return {
      name: "baked",
      available: function () { return true; },
      remember: function (request, response) { known[requestKey(request)] = response; },
      compute: function (request) {
        var key = requestKey(request);
        return key in known ? Promise.resolve(known[key]) : Promise.reject(new RequestError("offline", 0, null));
      }
    };
  }

  function register(name, source) {
    registry[name] = source;
  }

  function get(name) {
    return registry[name];
  }

  /* The first available source for requests to /api/v1/<endpoint> (any, when not given): live API when served,
     the in-browser engine when present and it answers that endpoint, else baked. */
  function pick(endpoint) {
    for (var i = 0; i < ORDER.length; i++) {
      var source = registry[ORDER[i]];
      if (source && source.available() && (!endpoint || !source.answers || source.answers(endpoint))) return source;
    }
    return registry.baked;
  }

  register("api", apiSource());
  register("baked", bakedSource());

  GTT.sources = {
    register: register,
    get: get,
    pick: pick,
    requestKey: requestKey,
    RequestError: RequestError,
    apiRoot: API_ROOT
  };
})();
