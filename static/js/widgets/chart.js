/* Chart and axis helpers shared by every widget family: the palette, log10 values on a linear axis
   labelled 10^k, uPlot's common options, and the CSV and PNG downloads. Classic script (no modules),
   so it also runs from file://; it defines window.GTT.chart. */
(function () {
  "use strict";

  var GTT = window.GTT = window.GTT || {};

  /* Okabe & Ito's colour-blind-safe palette, ordered for contrast on a light or a dark page. */
  var PALETTE_LIGHT = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"];
  var PALETTE_DARK = ["#56B4E9", "#E69F00", "#009E73", "#CC79A7", "#F0E442", "#D55E00"];
  var SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

  function superscript(n) {
    var digits = String(Math.abs(n));
    var out = n < 0 ? "⁻" : "";
    for (var i = 0; i < digits.length; i++) out += SUPERSCRIPTS.charAt(digits.charCodeAt(i) - 48);
    return out;
  }

  /* 10^log10 as "7.53 × 10⁻⁵": exact far outside the double range, since only log10 is stored.
     DataTable.java writes the same text for the table baked into the page. */
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

  function cssColor(name, fallback) {
    var value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    return value || fallback;
  }

  function darkMode() {
    return Boolean(window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches);
  }

  function palette() {
    return darkMode() ? PALETTE_DARK : PALETTE_LIGHT;
  }

  /* Axis styling that follows the page's colours (and so its dark mode). */
  function axisStyle() {
    var text = cssColor("--text", "#1c2127");
    var grid = cssColor("--border", "#d5d9dd");
    return { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
  }

  /* A y axis for log10 values plotted on a linear scale: ticks at whole decades, labelled 10^k.
     (uPlot's own log axis cannot reach values beyond the double range, which the engine can return.) */
  function log10Axis(label) {
    return Object.assign({
      label: label,
      size: 64,
      incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
      values: function (u, splits) { return splits.map(tickLabel); }
    }, axisStyle());
  }

  /* Whole decades around [min, max], at least two decades tall. */
  function decadeRange(min, max) {
    if (min === null || max === null || !isFinite(min) || !isFinite(max)) return [-1, 1];
    var low = Math.floor(min);
    var high = Math.ceil(max);
    return high - low < 2 ? [low - 1, high + 1] : [low, high];
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
    text = String(text);
    return /[",\n]/.test(text) ? "\"" + text.replace(/"/g, "\"\"") + "\"" : text;
  }

  /* rows: arrays of cells (the first row is the header). */
  function downloadCsv(filename, rows) {
    var lines = rows.map(function (row) { return row.map(csvField).join(","); });
    download(filename, new Blob([lines.join("\n") + "\n"], { type: "text/csv" }));
  }

  /* The canvases drawn on the page's background colour (a chart's own canvas is transparent),
     stacked top to bottom when there are several. */
  function downloadPng(filename, canvases) {
    var width = 0;
    var height = 0;
    canvases.forEach(function (c) { width = Math.max(width, c.width); height += c.height; });
    var copy = document.createElement("canvas");
    copy.width = width;
    copy.height = height;
    var ctx = copy.getContext("2d");
    ctx.fillStyle = cssColor("--bg", "#ffffff");
    ctx.fillRect(0, 0, width, height);
    var y = 0;
    canvases.forEach(function (c) { ctx.drawImage(c, 0, y); y += c.height; });
    copy.toBlob(function (blob) { download(filename, blob); }, "image/png");
  }

  function escapeHtml(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  /* "{0} s" with the arguments filled in: the message files mark numbers that way. */
  function format(template) {
    var args = arguments;
    return String(template).replace(/\{(\d)\}/g, function (all, i) { return String(args[Number(i) + 1]); });
  }

  GTT.chart = {
    HEIGHT: 300,
    superscript: superscript,
    powerOfTen: powerOfTen,
    tickLabel: tickLabel,
    exactValue: exactValue,
    cssColor: cssColor,
    darkMode: darkMode,
    palette: palette,
    axisStyle: axisStyle,
    log10Axis: log10Axis,
    decadeRange: decadeRange,
    downloadCsv: downloadCsv,
    downloadPng: downloadPng,
    escapeHtml: escapeHtml,
    format: format
  };
})();
