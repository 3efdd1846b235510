/* What the page (file://) and the worker (http) share to talk to the WebAssembly engine (org.gtt.wasm.BrowserEngine):
   the request as JSON text plus the value of each of its numbers, and the answer's doubles spelled as the
   server spells them. JavaScript does every number conversion because its Number <-> text conversions are
   exact by the language's definition and TeaVM's are not; the Java side says which number goes where.
   Classic script: loaded by importScripts in the worker and by a <script> element on the page. */
(function (scope) {
  "use strict";

  /* The i-th number literal of the text, in order (strings skipped), as the doubles they read as. */
  var TOKENS = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

  /* {endpoint, method, query|body} -> [endpoint, method, text, Float64Array]: the arguments of answer(). */
  function encode(request) {
    var text;
    var numbers = [];
    if (request.method === "POST") {
      text = JSON.stringify(request.body);
      var match;
      TOKENS.lastIndex = 0;
      while ((match = TOKENS.exec(text)) !== null) {
        if (match[0].charAt(0) !== "\"") numbers.push(Number(match[0]));
      }
    } else {
      var query = request.query || {};
      var strings = {};
      Object.keys(query).forEach(function (key) {
        strings[key] = String(query[key]);
        numbers.push(Number(strings[key]));
      });
      text = JSON.stringify(strings);
    }
    return [request.endpoint, request.method, text, new Float64Array(numbers)];
  }

  /* Java's Double.toString as Jackson's fast writer has it (JDK 19+): the shortest digits that read back
     to the same double, the closest of them to it; with one digit, the closest two-digit decimal instead;
     plain between 10^-3 and 10^7, else d.dddE±n; NaN and the infinities quoted. */
  function javaDouble(x) {
    if (x !== x) return "\"NaN\"";
    if (x === Infinity) return "\"Infinity\"";
    if (x === -Infinity) return "\"-Infinity\"";
    if (x === 0) return 1 / x < 0 ? "-0.0" : "0.0";
    var sign = x < 0 ? "-" : "";
    var parts = decimal(Math.abs(x).toExponential());
    if (parts.digits.length === 1) parts = decimal(Math.abs(x).toExponential(1));
    return sign + spell(parts.digits, parts.exponent);
  }

  /* "d.ddde±n" -> significant digits without trailing zeros, and the exponent. */
  function decimal(exponential) {
    var at = exponential.indexOf("e");
    var digits = exponential.slice(0, at).replace(".", "").replace(/0+$/, "");
    return { digits: digits || "0", exponent: Number(exponential.slice(at + 1)) };
  }

  function spell(digits, exponent) {
    if (exponent >= -3 && exponent < 7) {
      if (exponent < 0) return "0." + "0".repeat(-exponent - 1) + digits;
      var whole = digits.length > exponent + 1 ? digits.slice(0, exponent + 1)
        : digits + "0".repeat(exponent + 1 - digits.length);
      var fraction = digits.length > exponent + 1 ? digits.slice(exponent + 1) : "0";
      return whole + "." + fraction;
    }
    return digits.charAt(0) + "." + (digits.length > 1 ? digits.slice(1) : "0") + "E" + exponent;
  }

  /* answer()'s "status\nbody" with U+0001 where each double goes -> {status, body} with the doubles spelled. */
  function decode(answer, numbers) {
    var newline = answer.indexOf("\n");
    var pieces = answer.slice(newline + 1).split("\u0001");
    var body = pieces[0];
    for (var i = 1; i < pieces.length; i++) body += javaDouble(numbers[i - 1]) + pieces[i];
    return { status: Number(answer.slice(0, newline)), body: body };
  }

  /* One request through the loaded module's exports. */
  function run(exports, request) {
    var args = encode(request);
    var answer = exports.answer(args[0], args[1], args[2], args[3]);
    return decode(answer, exports.answerNumbers());
  }

  scope.GTTEngineCodec = { encode: encode, decode: decode, run: run, javaDouble: javaDouble };
})(typeof self !== "undefined" ? self : window);
