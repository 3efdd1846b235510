/* Typesets the formulas the Markdown renderer marked with .math-inline / .math-display.
   A TeX error is shown on that formula, in words, and the rest of the page is unaffected. */
(function () {
  "use strict";

  function typeset(element) {
    if (element.hasAttribute("data-typeset")) return;
    element.setAttribute("data-typeset", "");
    var tex = element.textContent;
    var display = element.classList.contains("math-display");
    try {
      window.katex.render(tex, element, { displayMode: display, throwOnError: true, output: "htmlAndMathml" });
    } catch (error) {
      showError(element, tex, error);
    }
  }

  function showError(element, tex, error) {
    element.textContent = "";
    element.classList.add("katex-error");
    element.setAttribute("role", "note");
    var source = document.createElement("code");
    source.textContent = tex;
    var message = document.createElement("span");
    message.className = "katex-error-message";
    message.textContent = (error && error.message) ? error.message : String(error);
    element.appendChild(source);
    element.appendChild(message);
  }

  function typesetAll(root) {
    if (!window.katex) return;
    var formulas = (root || document).querySelectorAll(".math-inline, .math-display");
    for (var i = 0; i < formulas.length; i++) typeset(formulas[i]);
  }

  window.GttMath = { typesetAll: typesetAll };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { typesetAll(document); });
  } else {
    typesetAll(document);
  }
})();
