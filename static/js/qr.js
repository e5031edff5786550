// The QR designer, enhanced: only the chosen type's fields show, and the
// preview is redrawn (debounced) as the design changes. Without JavaScript
// every type's fields show and the server uses the chosen type's.
"use strict";

(function () {
  var form = document.querySelector("form[data-qr-designer]");
  if (!form || !window.FormData || !window.fetch) {
    return;
  }
  var kind = form.querySelector("select[name=kind]");
  var fieldsets = form.querySelectorAll("fieldset[data-qr-kind]");
  var image = form.querySelector("[data-preview]");
  var status = form.querySelector("[data-preview-status]");
  var hint = form.querySelector("[data-no-js-hint]");
  var timer = null;
  var shown = null; // the object URL of the image on display
  var sequence = 0; // answers to older requests are dropped

  function showChosenType() {
    fieldsets.forEach(function (fieldset) {
      fieldset.hidden = fieldset.dataset.qrKind !== kind.value;
    });
  }

  function display(blob) {
    if (shown) {
      URL.revokeObjectURL(shown);
    }
    shown = URL.createObjectURL(blob);
    image.src = shown;
    image.hidden = false;
    status.textContent = "";
  }

  function refresh() {
    var number = ++sequence;
    var body = new FormData(form);
    if (kind.disabled) {
      body.set("kind", kind.value);
    }
    fetch(form.dataset.previewUrl, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: {"X-Requested-With": "XMLHttpRequest"}
    }).then(function (response) {
      if (number !== sequence) {
        return null;
      }
      if (response.ok) {
        return response.blob().then(function (blob) {
          if (number === sequence) {
            display(blob);
          }
        });
      }
      return response.text().then(function (message) {
        if (number === sequence) {
          status.textContent = message;
        }
      });
    }).catch(function () {
      /* offline: keep the last preview */
    });
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 400);
  }

  if (hint) {
    hint.hidden = true;
  }
  showChosenType();
  kind.addEventListener("change", showChosenType);
  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  if (kind.disabled) {
    refresh(); // an edit: draw the stored design at once
  }
})();
