/* Search on every page: lunr over the lessons' sections, which the build writes as a classic script
   (static/search/index-LANG.js) so that it loads from file:// as well as from the server. lunr and the
   index are loaded when the box is first used. Chinese has no spaces between words, so CJK runs are cut
   into overlapping character bigrams (遗忘门 → 遗忘, 忘门) both when indexing and when searching; other
   text is cut into words and stemmed (lunr's English Porter stemmer). */
(function () {
  "use strict";

  var MAX_RESULTS = 12;
  var SNIPPET_BEFORE = 40;
  var SNIPPET_LENGTH = 160;
  var CJK = /[\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f\u31a0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  var WORD_OR_CJK = /[\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f\u31a0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[\p{L}\p{N}]+/gu;

  function isCjk(text) {
    return CJK.test(text.charAt(0));
  }

  /* Tokens of a text, each with its place in the text (for the snippet): words, and for each CJK run
     its bigrams (a run of one character is kept whole). */
  function tokens(text) {
    var out = [];
    var lower = String(text).toLowerCase();
    var match;
    WORD_OR_CJK.lastIndex = 0;
    while ((match = WORD_OR_CJK.exec(lower)) !== null) {
      var run = match[0];
      if (!isCjk(run) || run.length === 1) {
        out.push({ str: run, start: match.index, length: run.length });
        continue;
      }
      for (var i = 0; i + 1 < run.length; i++) {
        out.push({ str: run.substr(i, 2), start: match.index + i, length: 2 });
      }
    }
    return out;
  }

  function lunrTokenizer(obj, metadata) {
    if (obj === null || obj === undefined) return [];
    return tokens(obj).map(function (t, index) {
      var meta = window.lunr.utils.clone(metadata) || {};
      meta.position = [t.start, t.length];
      meta.index = index;
      return new window.lunr.Token(t.str, meta);
    });
  }

  /* English stop words and stemming apply to words only; a CJK bigram passes unchanged. A word is
     indexed both stemmed (so "clipped" finds "clipping") and as written (so "clipp", still being
     typed, finds it as a prefix). */
  function registerPipeline(lunr) {
    if (lunr.Pipeline.registeredFunctions.gttStem) return;
    var stemWords = function (token) { return isCjk(token.toString()) ? token : lunr.stemmer(token); };
    var stemAndKeep = function (token) {
      if (isCjk(token.toString())) return token;
      var written = token.clone();
      var stemmed = lunr.stemmer(token);
      return stemmed.toString() === written.toString() ? stemmed : [stemmed, written];
    };
    var dropStopWords = function (token) { return isCjk(token.toString()) ? token : lunr.stopWordFilter(token); };
    lunr.Pipeline.registerFunction(stemWords, "gttStem");
    lunr.Pipeline.registerFunction(stemAndKeep, "gttStemAndKeep");
    lunr.Pipeline.registerFunction(dropStopWords, "gttStopWords");
    registerPipeline.stem = stemWords;
    registerPipeline.index = stemAndKeep;
    registerPipeline.stop = dropStopWords;
  }

  function buildIndex(lunr, sections) {
    registerPipeline(lunr);
    return lunr(function () {
      this.tokenizer = lunrTokenizer;
      this.pipeline.reset();
      this.pipeline.add(registerPipeline.stop, registerPipeline.index);
      this.searchPipeline.reset();
      this.searchPipeline.add(registerPipeline.stem);
      this.metadataWhitelist = ["position"];
      this.ref("id");
      this.field("title", { boost: 8 });
      this.field("heading", { boost: 4 });
      this.field("text");
      for (var i = 0; i < sections.length; i++) {
        var s = sections[i];
        this.add({ id: String(i), title: s.title, heading: s.heading, text: s.text });
      }
    });
  }

  /* Every word of the query must occur. The last one may still be being typed: it matches either as
     a whole word (stemmed) or as the start of a word as written, and lunr has no "or" between required
     terms, so the two queries run and their results merge (best score wins). */
  function run(lunr, index, query) {
    var terms = tokens(query).map(function (t) { return t.str; })
      .filter(function (t) { return isCjk(t) || lunr.stopWordFilter(new lunr.Token(t)) !== undefined; });
    if (terms.length === 0) return [];
    var required = lunr.Query.presence.REQUIRED;
    function search(lastAsPrefix) {
      return index.query(function (q) {
        terms.forEach(function (term, i) {
          var single = isCjk(term) && term.length === 1;
          var prefix = single || (lastAsPrefix && i === terms.length - 1 && !isCjk(term));
          if (prefix) q.term(term, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, presence: required });
          else q.term(term, { presence: required });
        });
      });
    }
    var best = {};
    search(false).concat(search(true)).forEach(function (result) {
      var known = best[result.ref];
      if (!known) {
        best[result.ref] = result;
      } else {
        known.matchData.combine(result.matchData);
        known.score = Math.max(known.score, result.score);
      }
    });
    return Object.keys(best).map(function (ref) { return best[ref]; })
      .sort(function (a, b) { return b.score - a.score; });
  }

  /* Sections whose title or heading matched come first, then by lunr's score. */
  function ranked(results) {
    function inHeading(result) {
      var meta = result.matchData.metadata;
      for (var term in meta) {
        if (meta[term].title || meta[term].heading) return 1;
      }
      return 0;
    }
    return results.map(function (r, i) { return { r: r, heading: inHeading(r), order: i }; })
      .sort(function (a, b) { return (b.heading - a.heading) || (b.r.score - a.r.score) || (a.order - b.order); })
      .map(function (x) { return x.r; });
  }

  /* The part of the text around its first match, with the matched terms marked. */
  function snippet(section, result) {
    var spans = [];
    var meta = result.matchData.metadata;
    for (var term in meta) {
      if (meta[term].text) spans = spans.concat(meta[term].text.position);
    }
    spans.sort(function (a, b) { return a[0] - b[0]; });
    var text = section.text;
    var from = spans.length ? Math.max(0, spans[0][0] - SNIPPET_BEFORE) : 0;
    var to = Math.min(text.length, from + SNIPPET_LENGTH);
    var parts = [];
    var at = from;
    spans.forEach(function (span) {
      var start = span[0], end = span[0] + span[1];
      if (start < at || end > to) return;
      parts.push({ text: text.slice(at, start) });
      parts.push({ text: text.slice(start, end), mark: true });
      at = end;
    });
    parts.push({ text: text.slice(at, to) });
    if (from > 0) parts.unshift({ text: "… " });
    if (to < text.length) parts.push({ text: " …" });
    return parts;
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("cannot load " + src)); };
      document.head.appendChild(script);
    });
  }

  function setUp(box) {
    var input = box.querySelector(".site-search-input");
    var list = box.querySelector(".site-search-results");
    var status = box.querySelector(".site-search-status");
    var empty = box.querySelector(".site-search-empty");
    var lang = box.getAttribute("data-lang");
    var root = box.getAttribute("data-root");
    var ready = null;
    var sections = [];
    var index = null;
    var shown = [];
    var active = -1;

    function load() {
      if (ready) return ready;
      status.textContent = box.getAttribute("data-loading");
      var lunrReady = window.lunr ? Promise.resolve() : loadScript(box.getAttribute("data-lunr"));
      var indexReady = window.GttSearchIndex && window.GttSearchIndex[lang] ? Promise.resolve()
        : loadScript(box.getAttribute("data-index"));
      ready = Promise.all([lunrReady, indexReady]).then(function () {
        sections = window.GttSearchIndex[lang];
        index = buildIndex(window.lunr, sections);
        status.textContent = "";
      }, function (error) {
        ready = null;
        status.textContent = box.getAttribute("data-unavailable");
        throw error;
      });
      return ready;
    }

    function close() {
      list.hidden = true;
      empty.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function select(i) {
      var options = list.querySelectorAll("[role=option]");
      if (options.length === 0) return;
      active = (i + options.length) % options.length;
      for (var k = 0; k < options.length; k++) options[k].setAttribute("aria-selected", k === active ? "true" : "false");
      input.setAttribute("aria-activedescendant", options[active].id);
      options[active].scrollIntoView({ block: "nearest" });
    }

    function open(i) {
      var target = shown[i];
      if (target) window.location.href = root + target.href;
    }

    function render(results) {
      list.textContent = "";
      shown = [];
      active = -1;
      input.removeAttribute("aria-activedescendant");
      results.slice(0, MAX_RESULTS).forEach(function (result, i) {
        var section = sections[Number(result.ref)];
        var href = section.anchor ? section.page + "#" + section.anchor : section.page;
        shown.push({ href: href });
        var option = document.createElement("li");
        option.id = "site-search-result-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.setAttribute("data-href", href);
        var heading = document.createElement("span");
        heading.className = "site-search-heading";
        heading.textContent = section.heading || section.title;
        option.appendChild(heading);
        if (section.heading) {
          var lesson = document.createElement("span");
          lesson.className = "site-search-lesson";
          lesson.textContent = section.title;
          option.appendChild(lesson);
        }
        var text = document.createElement("span");
        text.className = "site-search-snippet";
        snippet(section, result).forEach(function (part) {
          var node = part.mark ? document.createElement("mark") : document.createTextNode(part.text);
          if (part.mark) node.textContent = part.text;
          text.appendChild(node);
        });
        option.appendChild(text);
        option.addEventListener("mousedown", function (event) { event.preventDefault(); });
        option.addEventListener("click", function () { open(i); });
        list.appendChild(option);
      });
      var count = Math.min(results.length, MAX_RESULTS);
      status.textContent = count === 0 ? empty.textContent
        : box.getAttribute("data-found").replace("{n}", String(count));
      empty.hidden = count > 0;
      list.hidden = count === 0;
      input.setAttribute("aria-expanded", count > 0 ? "true" : "false");
    }

    function update() {
      var query = input.value.trim();
      if (query === "") {
        list.textContent = "";
        status.textContent = "";
        close();
        return;
      }
      load().then(function () {
        if (input.value.trim() !== query) return; // a newer query is on its way
        render(ranked(run(window.lunr, index, query)));
        box.setAttribute("data-results-for", query);
      }, function () {});
    }

    input.addEventListener("focus", function () {
      load().catch(function () {});
      if (input.value.trim() !== "") update();
    });
    input.addEventListener("input", update);
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        if (list.hidden && input.value.trim() !== "") update();
        select(active + (event.key === "ArrowDown" ? 1 : -1));
      } else if (event.key === "Enter") {
        event.preventDefault();
        open(active < 0 ? 0 : active);
      } else if (event.key === "Escape") {
        if (!list.hidden) {
          event.preventDefault();
          close();
        } else {
          input.value = "";
          update();
        }
      }
    });
    input.addEventListener("blur", close);

    // "/" jumps to the box from anywhere except where "/" is being typed.
    document.addEventListener("keydown", function (event) {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
      var target = event.target;
      var tag = target && target.tagName;
      if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable)) return;
      event.preventDefault();
      input.focus();
      input.select();
    });
  }

  function start() {
    var boxes = document.querySelectorAll(".site-search");
    for (var i = 0; i < boxes.length; i++) setUp(boxes[i]);
  }

  // For tests and for anyone reusing the tokenizer.
  window.GttSearch = { tokens: tokens };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
