/* Page behaviour shared by every page: the lesson menu starts closed on narrow screens. */
(function () {
  "use strict";

  function collapseMenuOnNarrowScreens() {
    var menu = document.querySelector(".lessons-menu");
    if (menu && window.matchMedia("(max-width: 52rem)").matches) menu.removeAttribute("open");
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", collapseMenuOnNarrowScreens);
  } else {
    collapseMenuOnNarrowScreens();
  }
})();
