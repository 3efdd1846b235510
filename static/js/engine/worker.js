/* The in-browser engine's worker (over http(s)): loads the loader (no eval: see loader.js), the codec and the
   module, then answers {id, request} messages with {id, status, body} (or {id, error} if the module failed). */
"use strict";
importScripts("loader.js", "codec.js");

/* The bytes, not the URL: compiling from a stream needs the host to send application/wasm, and plain static
   hosts do not all do that. */
var loaded = fetch(new URL("../../wasm/engine.wasm", self.location.href).href)
  .then(function (response) {
    if (!response.ok) throw new Error("engine.wasm: HTTP " + response.status);
    return response.arrayBuffer();
  })
  .then(function (bytes) { return self.GTTEngineLoader.load(new Uint8Array(bytes)); });

self.onmessage = function (event) {
  var id = event.data.id;
  loaded.then(function (module) {
    var answer = self.GTTEngineCodec.run(module.exports, event.data.request);
    self.postMessage({ id: id, status: answer.status, body: answer.body });
  }).catch(function (problem) {
    self.postMessage({ id: id, error: String(problem && problem.message || problem) });
  });
};
