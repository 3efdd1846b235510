/* Starts the engine's WebAssembly module (org.gtt.wasm.BrowserEngine, compiled by TeaVM 0.16 for Wasm GC)
   without compiling any JavaScript at run time, so it also runs under a Content-Security-Policy that allows
   WebAssembly but not eval (script-src 'self' 'wasm-unsafe-eval'). TeaVM's own loader
   (classes.wasm-runtime.js) builds its JavaScript-interop glue with `new Function` as it starts, for
   every arity up to 32 whether the module uses it or not; the module itself imports only a few of those
   functions, and each is an ordinary closure here. This file implements the imports of TeaVM 0.16's
   runtime (Apache License 2.0, https://github.com/konsoletyper/teavm) that a module of ours can ask for,
   with the same behaviour; the one thing it cannot do is compile a @JSBody script: it accepts the
   pass-through bodies TeaVM's class library uses ("return x;") and refuses any other, so a module that
   needs more fails to link here (the widgets then keep their baked charts) instead of running wrongly.
   Classic script: loaded by importScripts in the worker and by a <script> element on the page. */
(function (scope) {
  "use strict";

  var STACK_FRAME = /.+:wasm-function\[[0-9]+]:0x([0-9a-f]+).*/;
  var IDENTIFIER_PATH = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;
  var PASS_THROUGH = /^\s*return\s+([A-Za-z_$][\w$]*)\s*;?\s*$/;

  /* A global by name ("Float64Array", "console.log"), as TeaVM's `new Function("return " + name)` finds it. */
  function globalNamed(name) {
    if (!IDENTIFIER_PATH.test(name)) throw new Error("not a global name: " + name);
    return name.split(".").reduce(function (object, key) { return object[key]; }, self);
  }

  function alignUp(value, bits) {
    return ((value - 1 >> bits) + 1) << bits;
  }

  function customSectionJson(module, name) {
    var sections = WebAssembly.Module.customSections(module, name);
    return sections.length === 1 ? JSON.parse(new TextDecoder().decode(sections[0])) : {};
  }

  /* Whether the engine has the js-string builtins (then the module's "wasm:js-string" imports are built in). */
  var builtinsSupported = null;
  function stringBuiltinsSupported() {
    if (builtinsSupported === null) {
      var probe = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 7, 1, 96, 1, 127, 1, 100, 111, 2, 31, 1, 14, 119, 97, 115,
        109, 58, 106, 115, 45, 115, 116, 114, 105, 110, 103, 12, 102, 114, 111, 109, 67, 104, 97, 114, 67, 111, 100, 101, 0,
        0, 3, 1, 0, 5, 4, 1, 1, 0, 0, 7, 10, 1, 6, 109, 101, 109, 111, 114, 121, 2, 0, 10, 129, 128, 128, 0, 0]);
      builtinsSupported = WebAssembly.compile(probe, { builtins: ["js-string"] })
        .then(function (module) { return WebAssembly.instantiate(module, {}); })
        .then(function () { return true; }, function () { return false; });
    }
    return builtinsSupported;
  }

  function stringImports() {
    return {
      fromCharCode: function (code) { return String.fromCharCode(code); },
      fromCharCodeArray: function () { throw new Error("Not supported"); },
      intoCharCodeArray: function () { throw new Error("Not supported"); },
      concat: function (a, b) { return a + b; },
      charCodeAt: function (s, i) { return s.charCodeAt(i); },
      length: function (s) { return s.length; },
      substring: function (s, from, to) { return s.substring(from, to); }
    };
  }

  /* The linear memory and its description, as TeaVM's loader sets them up for a module without Emscripten parts. */
  function memoryImports(imports, module) {
    var requirements = customSectionJson(module, "teavm.memoryRequirements");
    var heapOffset = alignUp(requirements.dataSize || 0, 8);
    var initial = Math.max(requirements.min || 0, 1);
    var maxSize = (1 << 31) - 1 | 0;
    var shared = requirements.shared || false;
    var memory = new WebAssembly.Memory({ shared: shared, initial: initial, maximum: shared ? initial : (maxSize - 1 >> 16) + 1 });
    imports.env = { memory: memory };
    imports.teavmMemory = {
      linearMemory: function () { return memory.buffer; },
      notifyHeapResized: function () {},
      heapOffset: new WebAssembly.Global({ value: "i32", mutable: false }, heapOffset),
      maxSize: new WebAssembly.Global({ value: "i32", mutable: false }, maxSize)
    };
  }

  function runtimeImports(imports, context, stringBuiltins) {
    var JAVA_EXCEPTION = Symbol("javaException");

    /* A Java exception seen from JavaScript: an Error whose message the module supplies when asked. */
    function JavaError(javaException) {
      var error = new Error();
      Object.setPrototypeOf(error, JavaError.prototype);
      error[JAVA_EXCEPTION] = javaException;
      context.exports["teavm.setJsException"](javaException, error);
      return error;
    }
    JavaError.prototype = Object.create(Error.prototype, {
      message: {
        get: function () {
          var message = context.exports["teavm.exceptionMessage"];
          var toJs = context.exports["teavm.stringToJs"];
          if (typeof message === "function" && typeof toJs === "function") {
            var text = message(this[JAVA_EXCEPTION]);
            if (text != null) return toJs(text);
          }
          return "(could not fetch message)";
        }
      }
    });

    if (!stringBuiltins) imports["wasm:js-string"] = stringImports();
    imports.teavmDate = { currentTimeMillis: function () { return Date.now(); } };
    var line = "";
    imports.teavmConsole = {
      putcharStderr: function (c) { if (c === 10) { console.error(line); line = ""; } else line += String.fromCharCode(c); },
      putcharStdout: function (c) { if (c === 10) { console.log(line); line = ""; } else line += String.fromCharCode(c); }
    };
    var collected = new FinalizationRegistry(function (held) {
      var report = context.exports["teavm.reportGarbageCollectedValue"];
      if (typeof report !== "undefined") report(held.queue, held.ref);
    });
    var collectedStrings = new FinalizationRegistry(function (held) {
      var report = context.exports && context.exports["teavm.reportGarbageCollectedString"];
      if (typeof report === "function") report(held);
    });
    imports.teavmAsync = {
      offer: function (value, callback, at) { return setTimeout(function () { callback(value); }, Math.max(0, at - Date.now())); },
      kill: function (id) { clearTimeout(id); }
    };
    imports.teavm = {
      createWeakRef: function (value, ref, queue) {
        if (queue !== null) collected.register(value, { ref: ref, queue: queue });
        return new WeakRef(value);
      },
      deref: function (ref) { var value = ref.deref(); return value !== undefined ? value : null; },
      createStringWeakRef: function (value, held) { collectedStrings.register(value, held); return new WeakRef(value); },
      stringDeref: function (ref) { return ref.deref(); },
      takeStackTrace: function () {
        var frames = [];
        (new Error().stack || "").split("\n").forEach(function (text) {
          var match = STACK_FRAME.exec(text);
          if (match !== null && match.length >= 2) frames.push(parseInt(match[1], 16));
        });
        return {
          getStack: function () {
            return frames.map(function (at) {
              return { className: "java.lang.Throwable$FakeClass", method: "fakeMethod", file: "Throwable.java", line: at };
            });
          }
        };
      },
      decorateException: function (javaException) { JavaError(javaException); }
    };
    imports.teavmMath = Math;
    imports.teavmJso = jsoImports(context, stringBuiltins, JAVA_EXCEPTION, JavaError);
  }

  /* TeaVM's teavmJso imports, each a closure where TeaVM's loader compiles one per arity. */
  function jsoImports(context, stringBuiltins, JAVA_EXCEPTION, JavaError) {
    var JAVA_OBJECT = Symbol("javaObject");
    var FUNCTIONS = Symbol("functions");
    var FUNCTION_ORIGIN = Symbol("functionOrigin");
    var WRAPPER_CALL = Symbol("wrapperCallMarker");
    var jsWrappers = new WeakMap();
    var javaWrappers = new WeakMap();
    var primitiveWrappers = new Map();
    var primitiveRegistry = new FinalizationRegistry(function (key) { primitiveWrappers.delete(key); });
    var hashCodes = new WeakMap();
    var seed = 2463534242;
    function nextHash() {
      var x = seed;
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      seed = x;
      return x;
    }
    function identity(x) { return x; }
    function safeName(name) {
      return name.replace(/^[^A-Za-z_$]/, "_").replace(/[^\w$]/g, "_");
    }
    function exports() { return context.exports; }
    function jsException(e) {
      if (e instanceof WebAssembly.Exception) {
        var tag = exports()["teavm.javaException"];
        if (e.is(tag)) {
          var javaException = e.getArg(tag, 0);
          var extracted = exports()["teavm.js.extractException"](javaException);
          if (extracted !== null) return extracted;
          var js = exports()["teavm.getJsException"](javaException);
          return typeof js === "undefined" ? JavaError(javaException) : js;
        }
      }
      return e;
    }
    function rethrowJavaAsJs(e) { throw jsException(e); }
    function rethrowJsAsJava(e) {
      exports()["teavm.js.throwException"](JAVA_EXCEPTION in e ? e[JAVA_EXCEPTION] : exports()["teavm.js.wrapException"](e));
      throw e;
    }
    function guarded(call) {
      return function () {
        try {
          return call.apply(this, arguments);
        } catch (e) {
          rethrowJsAsJava(e);
        }
      };
    }
    function setProperty(object, name, value) {
      if (object !== null) {
        object[name] = value;
        return;
      }
      var path = name.split(".");
      var last = path.pop();
      (path.length ? globalNamed(path.join(".")) : self)[last] = value;
    }
    /* A JavaScript function calling the exported Java method fn with its arguments (the last ones as an array when varargs). */
    function defineFunction(fn, varargs) {
      var arity = fn.length;
      return function () {
        var args = Array.prototype.slice.call(arguments, 0, arity);
        if (varargs) args[arity - 1] = Array.prototype.slice.call(arguments, arity - 1);
        try {
          return fn.apply(null, args);
        } catch (e) {
          rethrowJavaAsJs(e);
        }
      };
    }
    var jso = {
      stringBuiltinsSupported: function () { return stringBuiltins; },
      isUndefined: function (x) { return typeof x === "undefined"; },
      emptyArray: function () { return []; },
      appendToArray: function (array, x) { return array.push(x); },
      unwrapBoolean: function (x) { return x ? 1 : 0; },
      wrapBoolean: function (x) { return !!x; },
      getProperty: guarded(function (object, name) { return object !== null ? object[name] : globalNamed(name); }),
      setProperty: setProperty,
      setPropertyPure: setProperty,
      global: guarded(globalNamed),
      createClass: function (name, parent, constructor) {
        var init = parent === null ? function (javaObject) { this[JAVA_OBJECT] = javaObject; this[FUNCTIONS] = null; }
          : function (javaObject) { parent.call(this, javaObject); };
        var cls = function (marker, javaObject) {
          if (marker === WRAPPER_CALL) {
            init.call(this, javaObject);
          } else if (constructor === null) {
            throw new Error("This class can't be instantiated directly");
          } else {
            try {
              return constructor.apply(null, arguments);
            } catch (e) {
              rethrowJavaAsJs(e);
            }
          }
        };
        cls.prototype = Object.create(parent ? parent.prototype : Object.prototype);
        cls.prototype.constructor = cls;
        var wrapper = function (javaObject) { return cls.call(this, WRAPPER_CALL, javaObject); };
        Object.defineProperty(wrapper, "name", { value: safeName(name || "JavaObject") });
        wrapper[WRAPPER_CALL] = cls;
        wrapper.prototype = cls.prototype;
        return wrapper;
      },
      exportClass: function (cls) { return cls[WRAPPER_CALL]; },
      defineMethod: function (cls, name, fn, varargs) {
        var call = defineFunction(fn, varargs);
        cls.prototype[name] = function () {
          return call.apply(null, [this].concat(Array.prototype.slice.call(arguments)));
        };
      },
      defineStaticMethod: function (cls, name, fn, varargs) { cls[name] = defineFunction(fn, varargs); },
      defineFunction: defineFunction,
      defineProperty: function (cls, name, getter, setter) {
        var descriptor = { get: function () { try { return getter(this); } catch (e) { rethrowJavaAsJs(e); } } };
        if (setter !== null) descriptor.set = function (v) { try { setter(this, v); } catch (e) { rethrowJavaAsJs(e); } };
        Object.defineProperty(cls.prototype, name, descriptor);
      },
      defineStaticProperty: function (cls, name, getter, setter) {
        var descriptor = { get: function () { try { return getter(); } catch (e) { rethrowJavaAsJs(e); } } };
        if (setter !== null) descriptor.set = function (v) { try { setter(v); } catch (e) { rethrowJavaAsJs(e); } };
        Object.defineProperty(cls, name, descriptor);
      },
      javaObjectToJS: function (javaObject, cls) {
        if (javaObject === null) return null;
        var known = jsWrappers.get(javaObject);
        if (typeof known !== "undefined") {
          var alive = known.deref();
          if (typeof alive !== "undefined") return alive;
        }
        var wrapper = new cls(javaObject);
        jsWrappers.set(javaObject, new WeakRef(wrapper));
        return wrapper;
      },
      unwrapJavaObject: function (object) { return object[JAVA_OBJECT]; },
      asFunction: function (object, name) {
        if (object === null || object === undefined) return null;
        var functions = object[FUNCTIONS];
        if (functions === null) {
          functions = Object.create(null);
          object[FUNCTIONS] = functions;
        }
        var fn = functions[name];
        if (typeof fn !== "function") {
          fn = function () { return object[name].apply(object, arguments); };
          fn[FUNCTION_ORIGIN] = object;
          functions[name] = fn;
        }
        return fn;
      },
      functionAsObject: function (fn, name) {
        if (fn === null || fn === undefined) return null;
        var origin = fn[FUNCTION_ORIGIN];
        if (typeof origin !== "undefined") {
          var functions = origin[FUNCTIONS];
          if (functions !== undefined && functions[name] === fn) return origin;
        }
        var object = {};
        object[name] = function () {
          try {
            return fn.apply(null, arguments);
          } catch (e) {
            rethrowJavaAsJs(e);
          }
        };
        return object;
      },
      wrapObject: function (x) {
        if (x === null) return null;
        var wrapper;
        if (typeof x === "object" || typeof x === "function" || typeof x === "symbol") {
          wrapper = x[JAVA_OBJECT];
          if (typeof wrapper === "object") return wrapper;
          var ref = javaWrappers.get(x);
          wrapper = ref ? ref.deref() : undefined;
          if (wrapper !== undefined) return wrapper;
          wrapper = exports()["teavm.jso.createWrapper"](x);
          javaWrappers.set(x, new WeakRef(wrapper));
          return wrapper;
        }
        var primitive = primitiveWrappers.get(x);
        wrapper = primitive ? primitive.deref() : undefined;
        if (wrapper !== undefined) return wrapper;
        wrapper = exports()["teavm.jso.createWrapper"](x);
        primitiveWrappers.set(x, new WeakRef(wrapper));
        primitiveRegistry.register(wrapper, x);
        return wrapper;
      },
      isPrimitive: function (x, type) { return typeof x === type || x === null; },
      instanceOf: function (x, cls) { return x instanceof cls; },
      instanceOfOrNull: function (x, cls) { return x === null || x instanceof cls; },
      sameRef: function (a, b) { return a === b; },
      hashCode: function (x) {
        if (typeof x === "object" || typeof x === "function" || typeof x === "symbol") {
          var known = hashCodes.get(x);
          if (typeof known === "number") return known;
          known = nextHash();
          hashCodes.set(x, known);
          return known;
        }
        if (typeof x === "number") return x | 0;
        if (typeof x === "bigint") return Number(BigInt.asIntN(32, x));
        if (typeof x === "boolean") return x ? 1 : 0;
        return 0;
      },
      apply: guarded(function (object, name, args) {
        return object === null ? globalNamed(name).apply(null, args) : object[name].apply(object, args);
      }),
      concatArray: function (a, b) { return a.concat(b); },
      getJavaException: function (e) { return e[JAVA_EXCEPTION]; },
      getJSException: function (e) { return exports()["teavm.getJsException"](e); },
      jsExports: function () { return context.userExports; }
    };
    ["wrapByte", "wrapShort", "wrapChar", "wrapInt", "wrapLong", "wrapFloat", "wrapDouble",
      "unwrapByte", "unwrapShort", "unwrapChar", "unwrapInt", "unwrapLong", "unwrapFloat", "unwrapDouble"].forEach(function (name) {
      jso[name] = identity;
    });
    for (var arity = 0; arity < 32; arity++) addCalls(jso, arity, guarded);
    return jso;
  }

  /* callFunctionN, callMethodN, constructN, arrayOfN, bindFunctionN and createFunctionN for one arity N. */
  function addCalls(jso, arity, guarded) {
    jso["callFunction" + arity] = guarded(function (fn) {
      return fn.apply(null, Array.prototype.slice.call(arguments, 1, arity + 1));
    });
    jso["callMethod" + arity] = guarded(function (instance, method) {
      var args = Array.prototype.slice.call(arguments, 2, arity + 2);
      return instance !== null ? instance[method].apply(instance, args) : globalNamed(method).apply(null, args);
    });
    jso["construct" + arity] = guarded(function (Constructor) {
      var args = Array.prototype.slice.call(arguments, 1, arity + 1);
      return Reflect.construct(Constructor, args);
    });
    jso["arrayOf" + arity] = function () { return Array.prototype.slice.call(arguments, 0, arity); };
    jso["bindFunction" + arity] = function (fn) { return fn.bind.apply(fn, [null].concat(Array.prototype.slice.call(arguments, 1))); };
    /* (parameter names…, body): TeaVM compiles the body; only a body that returns one of its parameters runs here. */
    jso["createFunction" + arity] = function () {
      var names = Array.prototype.slice.call(arguments, 0, arity);
      var body = arguments[arity];
      var match = PASS_THROUGH.exec(body);
      var index = match ? names.indexOf(match[1]) : -1;
      if (index < 0) throw new Error("this engine cannot run a JavaScript body without eval: " + body);
      return function () { return arguments[index]; };
    };
  }

  /* TeaVM.wasmGC.load(bytes) without eval: resolves to { exports, instance, module }. */
  function load(bytes) {
    return stringBuiltinsSupported().then(function (stringBuiltins) {
      return WebAssembly.compile(bytes, { builtins: ["js-string"] }).then(function (module) {
        var userExports = {};
        var context = { exports: null, userExports: userExports };
        var imports = {};
        runtimeImports(imports, context, stringBuiltins);
        memoryImports(imports, module);
        return WebAssembly.instantiate(module, imports).then(function (instance) {
          context.exports = instance.exports;
          Object.keys(instance.exports).forEach(function (name) {
            var value = instance.exports[name];
            if (value instanceof WebAssembly.Global) Object.defineProperty(userExports, name, { get: function () { return value.value; } });
          });
          return { exports: userExports, instance: instance, module: module };
        });
      });
    });
  }

  scope.GTTEngineLoader = { load: load };
})(typeof self !== "undefined" ? self : window);
