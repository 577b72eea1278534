/* The main menu folds behind a "Menu" button on narrow screens (progressive enhancement).
 *
 * Without this script the button stays hidden and the menu is simply open. With it, the button shows on narrow
 * screens (the CSS decides what "narrow" is) and toggles the list; aria-expanded tells assistive technology the
 * state. Escape closes an open menu and puts focus back on the button.
 */
(function () {
  "use strict";

  function setUp(nav) {
    var button = nav.querySelector(".regie-nav__toggle");
    var list = document.getElementById(button && button.getAttribute("aria-controls"));
    if (!button || !list) {
      return;
    }

    function set(open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      nav.classList.toggle("regie-nav--open", open);
    }

    nav.classList.add("regie-nav--collapsible");
    button.hidden = false;
    set(false);

    button.addEventListener("click", function () {
      set(button.getAttribute("aria-expanded") !== "true");
    });
    nav.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        set(false);
        if (getComputedStyle(button).display !== "none") {
          button.focus();
        }
      }
    });
  }

  function start() {
    var navs = document.querySelectorAll("[data-regie-menu]");
    for (var i = 0; i < navs.length; i += 1) {
      setUp(navs[i]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
