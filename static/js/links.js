// Rows of the link form (targeting, query parameters): add and remove them.
// Without JavaScript the form offers a fixed number of empty rows, which is enough
// to work; copying short links is app.js's [data-copy].
"use strict";

(function () {
  function clearRow(row) {
    row.querySelectorAll("input, select, textarea").forEach(function (field) {
      if (field.type === "checkbox" || field.type === "radio") {
        field.checked = false;
      } else {
        field.value = "";
      }
    });
  }

  function revealButtons(root) {
    root.querySelectorAll("[data-add-row], [data-remove-row]").forEach(function (button) {
      button.hidden = false;
    });
  }

  function addRow(prefix) {
    // Django's formset protocol: a row numbered TOTAL_FORMS, then one more total.
    var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
    var template = document.querySelector('template[data-row-template="' + prefix + '"]');
    var rows = document.querySelector('[data-rows="' + prefix + '"]');
    if (!total || !template || !rows) {
      return;
    }
    var holder = document.createElement("div");
    holder.innerHTML = template.innerHTML.replace(/__prefix__/g, total.value);
    var row = holder.querySelector("[data-row]");
    revealButtons(row);
    rows.appendChild(row);
    total.value = String(Number(total.value) + 1);
    var first = row.querySelector("input, select");
    if (first) {
      first.focus();
    }
  }

  function removeRow(row) {
    // An emptied row is ignored on submit, and clears a stored one when editing:
    // no renumbering of the rows that follow is needed.
    clearRow(row);
    row.hidden = true;
    var rows = row.closest("[data-rows]");
    var add = rows && document.querySelector('[data-add-row="' + rows.dataset.rows + '"]');
    if (add) {
      add.focus();
    }
  }

  revealButtons(document);

  document.addEventListener("click", function (event) {
    var add = event.target.closest("[data-add-row]");
    if (add) {
      addRow(add.dataset.addRow);
      return;
    }
    var remove = event.target.closest("[data-remove-row]");
    if (remove) {
      removeRow(remove.closest("[data-row]"));
    }
  });
})();
