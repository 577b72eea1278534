/* The main menu folds behind a "Menu" button on narrow screens (progressive enhancement).
 *
 * Without this script the button stays hidden and the menu is simply open. With it, the button shows on narrow
 * screens (the CSS decides what "narrow" is) and toggles the list; aria-expanded tells assistive technology the
 * state. Escape closes an open menu and puts focus back on the button.
 *
 * The user's own menu is a <details> element, so it opens and closes without a script; with it, Escape and a
 * click elsewhere close it as well.
 *
 * A table wider than a phone scrolls sideways inside its wrapper, not the page. A wrapper that scrolls and holds
 * nothing to tab to becomes a named, focusable region, so it can be scrolled with the keyboard too.
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

  var FOCUSABLE = "a[href], button, input, select, textarea, [tabindex]";

  function markScrollingTables() {
    var wraps = document.querySelectorAll(".regie-table-wrap");
    for (var i = 0; i < wraps.length; i += 1) {
      var wrap = wraps[i];
      var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
      if (scrolls && !wrap.hasAttribute("tabindex") && !wrap.querySelector(FOCUSABLE)) {
        var caption = wrap.querySelector("caption");
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", caption ? caption.textContent.trim() : "Tabel, schuif opzij voor meer kolommen");
        wrap.setAttribute("data-regie-scroll-region", "");
      } else if (!scrolls && wrap.hasAttribute("data-regie-scroll-region")) {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
        wrap.removeAttribute("data-regie-scroll-region");
      }
    }
  }

  function closeUserMenus(event) {
    var menus = document.querySelectorAll("details.regie-user-menu[open]");
    for (var i = 0; i < menus.length; i += 1) {
      var menu = menus[i];
      if (event.type === "keydown" && event.key === "Escape") {
        menu.open = false;
        if (menu.contains(document.activeElement)) {
          menu.querySelector("summary").focus();
        }
      } else if (event.type === "click" && !menu.contains(event.target)) {
        menu.open = false;
      }
    }
  }

  function start() {
    document.addEventListener("keydown", closeUserMenus);
    document.addEventListener("click", closeUserMenus);
    var navs = document.querySelectorAll("[data-regie-menu]");
    for (var i = 0; i < navs.length; i += 1) {
      setUp(navs[i]);
    }
    markScrollingTables();
    var pending = null;
    window.addEventListener("resize", function () {
      clearTimeout(pending);
      pending = setTimeout(markScrollingTables, 150);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
