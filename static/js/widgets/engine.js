/* The "engine" source of GTT.sources (see sources.js): the project's own engine compiled to WebAssembly
   (org.gtt.wasm.BrowserEngine), so a snapshot without a server stays live and answers exactly as the API.
   Offered only where no live API serves the page (a snapshot: the page says so with
   <html data-site="snapshot">, or file://) and the browser runs Wasm GC; elsewhere the widgets do as
   before (the API, or the baked default state with a note). Nothing loads until the first request, so
   reading a page costs nothing. Over http(s) the module runs in a worker (static/js/engine/worker.js) so the
   page never freezes; from file://, where browsers refuse fetch and workers from disk, classic scripts
   bring the loader (static/js/engine/loader.js), the codec and the module as base64
   (static/wasm/engine-wasm.js, made at build time), and it runs on the page, the widget showing its busy
   state meanwhile. The loader compiles no JavaScript, so a strict Content-Security-Policy
   (script-src 'self' 'wasm-unsafe-eval') does not stop the engine. Classic script. */
(function () {
  "use strict";

  var GTT = window.GTT;
  var SCRIPT_SRC = document.currentScript ? document.currentScript.src : "";
  var STATIC = SCRIPT_SRC ? new URL("../../", SCRIPT_SRC).href : "";
  var FROM_DISK = window.location.protocol === "file:";
  var SNAPSHOT = FROM_DISK || document.documentElement.getAttribute("data-site") === "snapshot";

  function loadScript(path) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = STATIC + path;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("cannot load " + path)); };
      document.head.appendChild(script);
    });
  }

  /* From disk: everything as classic scripts, the module decoded from base64, run on the page. */
  function onPage() {
    var module = loadScript("js/engine/loader.js")
      .then(function () { return loadScript("js/engine/codec.js"); })
      .then(function () { return loadScript("wasm/engine-wasm.js"); })
      .then(function () {
        var text = atob(window.GTTEngineWasm);
        var bytes = new Uint8Array(text.length);
        for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
        return window.GTTEngineLoader.load(bytes);
      });
    return function (request) {
      return module.then(function (loaded) {
        // let the widget paint its busy state before the engine holds the page
        return new Promise(function (resolve) { setTimeout(resolve, 0); }).then(function () {
          return window.GTTEngineCodec.run(loaded.exports, request);
        });
      });
    };
  }

  /* Over http(s): one worker, answers matched to requests by id. */
  function inWorker() {
    var worker = new Worker(STATIC + "js/engine/worker.js");
    var pending = {};
    var next = 0;
    worker.onmessage = function (event) {
      var waiting = pending[event.data.id];
      delete pending[event.data.id];
      if (event.data.error !== undefined) waiting.reject(new Error(event.data.error));
      else waiting.resolve(event.data);
    };
    worker.onerror = function (event) {
      Object.keys(pending).forEach(function (id) { pending[id].reject(new Error(event.message)); });
      pending = {};
    };
    return function (request) {
      return new Promise(function (resolve, reject) {
        var id = next++;
        pending[id] = { resolve: resolve, reject: reject };
        worker.postMessage({ id: id, request: request });
      });
    };
  }

  function supportsWasmGc() {
    try {
      return typeof WebAssembly === "object" &&
        WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 3, 1, 0x5f, 0]));
    } catch (ignored) {
      return false;
    }
  }

  var supported = SNAPSHOT && Boolean(STATIC) && supportsWasmGc();
  var broken = false;
  var answer = null;
  /* A slider's input and change events ask for the same state: the second answer comes from here. */
  var CACHE_SIZE = 64;
  var cache = {};
  var order = [];

  function remember(key, text) {
    if (!(key in cache)) order.push(key);
    cache[key] = text;
    while (order.length > CACHE_SIZE) delete cache[order.shift()];
  }

  /* What org.gtt.wasm.BrowserEngine answers: /api/v1/gradients, /api/v1/cliff and /api/v1/cliff/descent. */
  var ENDPOINTS = ["gradients", "cliff", "cliff/descent"];

  function answers(endpoint) {
    return ENDPOINTS.indexOf(endpoint) >= 0;
  }

  GTT.sources.register("engine", {
    name: "engine",
    available: function () { return supported && !broken; },
    /* The module answers the gradients and cliff endpoints; the training race keeps its recorded run. */
    answers: answers,
    /* Why the engine is not offered, for the widgets' note: null when it is (or when a live API serves the page). */
    unavailableReason: function () { return SNAPSHOT && !supported ? "noWasm" : null; },
    compute: function (request) {
      // For any other endpoint the widget keeps its baked state.
      if (!answers(request.endpoint)) return Promise.reject(new GTT.sources.RequestError("offline", 0, null));
      var key = GTT.sources.requestKey(request);
      if (key in cache) return Promise.resolve(cache[key]);
      if (!answer) answer = FROM_DISK ? onPage() : inWorker();
      return answer(request).then(function (reply) {
        if (reply.status === 200) {
          remember(key, reply.body);
          return reply.body;
        }
        var body = JSON.parse(reply.body);
        var kind = reply.status >= 400 && reply.status < 500 ? "rejected" : "server";
        throw new GTT.sources.RequestError(kind, reply.status, body);
      }, function (problem) {
        // the module did not load or run: say so once, then the widgets fall back to their baked state
        broken = true;
        throw new GTT.sources.RequestError("offline", 0, { error: String(problem && problem.message || problem) });
      });
    }
  });
})();
