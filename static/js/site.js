/* Page behaviour shared by every page. */
(function () {
  "use strict";

  /* The lesson menu starts closed on narrow screens, so the text comes first. */
  function collapseMenuOnNarrowScreens() {
    var menu = document.querySelector(".lessons-menu");
    if (menu && window.matchMedia("(max-width: 52rem)").matches) menu.removeAttribute("open");
  }

  /* A formula, table or code block wider than the screen scrolls sideways; keyboard users must be able
     to reach it to scroll it, so it joins the tab order while (and only while) it overflows. */
  function markScrollableBlocks() {
    var blocks = document.querySelectorAll(".lesson-body .math-display, .lesson-body table, .lesson-body pre");
    for (var i = 0; i < blocks.length; i++) {
      var block = blocks[i];
      if (block.scrollWidth > block.clientWidth + 1) block.setAttribute("tabindex", "0");
      else if (block.getAttribute("tabindex") === "0") block.removeAttribute("tabindex");
    }
  }

  var pending = false;
  function markSoon() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      markScrollableBlocks();
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", collapseMenuOnNarrowScreens);
  } else {
    collapseMenuOnNarrowScreens();
  }
  // "load" comes after the deferred scripts, so the formulas are typeset by then.
  window.addEventListener("load", markScrollableBlocks);
  window.addEventListener("resize", markSoon);
})();
