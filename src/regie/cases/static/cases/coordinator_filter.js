/* The coordinator filter of "Mijn casussen" as a WAI-ARIA combobox with a list of suggestions (progressive
 * enhancement).
 *
 * Without this script the field is a plain text field: the server looks the typed name up and asks to choose when
 * it matches several colleagues. With it, typing asks /casussen/coordinatoren for at most ten names; ArrowDown and
 * ArrowUp move through them (aria-activedescendant, focus stays in the field), Enter or a click takes one, Escape
 * closes the list (a second Escape empties the field). Taking a suggestion fills the name and puts the person's id
 * in the hidden field; the form is sent as usual with "Filteren" or Enter, so nothing reloads while choosing.
 * A polite live region says how many suggestions there are.
 */
(function () {
  "use strict";

  var WAIT_MS = 150;

  function setUp(root) {
    var input = root.querySelector("input[type=text]");
    var hidden = root.querySelector("[data-regie-combobox-id]");
    var listbox = root.querySelector(".regie-combobox__listbox");
    var status = root.querySelector("[data-regie-combobox-status]");
    var url = root.getAttribute("data-suggestions");
    if (!input || !hidden || !listbox || !status || !url) {
      return;
    }
    var options = [];
    var active = -1;
    var timer = null;
    var asked = 0;
    var chosenName = hidden.value ? input.value : null;

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listbox.id);
    listbox.setAttribute("role", "listbox");

    function announce(text) {
      status.textContent = text;
    }

    function setActive(index) {
      options.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index < 0) {
        input.removeAttribute("aria-activedescendant");
        return;
      }
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    }

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      setActive(-1);
    }

    function open() {
      if (options.length) {
        listbox.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    }

    function choose(index) {
      var option = options[index];
      input.value = option.getAttribute("data-name");
      hidden.value = option.getAttribute("data-id");
      chosenName = input.value;
      close();
      announce(input.value + " gekozen. Kies Filteren om de lijst te filteren.");
    }

    function show(results, text) {
      listbox.textContent = "";
      options = results.map(function (person, i) {
        var option = document.createElement("li");
        option.id = listbox.id + "-" + i;
        option.className = "regie-combobox__option";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.setAttribute("data-id", String(person.id));
        option.setAttribute("data-name", person.name);
        option.textContent = person.name;
        // mousedown, not click: the field keeps focus, so the list is not closed before the choice lands
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          choose(i);
        });
        listbox.appendChild(option);
        return option;
      });
      active = -1;
      if (!options.length) {
        close();
        announce("Geen collega gevonden met " + text + ".");
        return;
      }
      open();
      announce(
        options.length === 1
          ? "1 suggestie. Gebruik pijl omlaag om hem te kiezen."
          : options.length + " suggesties. Gebruik pijl omhoog en omlaag om te kiezen."
      );
    }

    function ask() {
      var text = input.value.trim();
      var ticket = ++asked;
      if (!text) {
        show([], "");
        announce("");
        return;
      }
      fetch(url + "?q=" + encodeURIComponent(text), {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (body) {
          if (ticket === asked && document.activeElement === input) {
            show(body.results || [], text);
          }
        })
        .catch(function () {
          if (ticket === asked) {
            close();
          }
        });
    }

    input.addEventListener("input", function () {
      if (chosenName !== null && input.value !== chosenName) {
        hidden.value = ""; // a changed name is no longer the chosen person; the server looks it up again
        chosenName = null;
      }
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, WAIT_MS);
    });

    input.addEventListener("keydown", function (event) {
      var expanded = input.getAttribute("aria-expanded") === "true";
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!options.length) {
          return;
        }
        event.preventDefault();
        if (!expanded) {
          open();
          setActive(event.key === "ArrowDown" ? 0 : options.length - 1);
          return;
        }
        var step = event.key === "ArrowDown" ? 1 : -1;
        setActive((active + step + options.length) % options.length);
      } else if (event.key === "Enter" && expanded && active >= 0) {
        event.preventDefault(); // take the suggestion; the next Enter sends the form
        choose(active);
      } else if (event.key === "Escape") {
        if (expanded) {
          event.preventDefault();
          close();
        } else if (input.value) {
          event.preventDefault();
          input.value = "";
          hidden.value = "";
          chosenName = null;
        }
      }
    });

    input.addEventListener("blur", close);
  }

  document.querySelectorAll("[data-regie-combobox]").forEach(setUp);
})();
