// CTA overlays: the close button, and the designer's live preview.
(function () {
  "use strict";

  document.querySelectorAll("[data-cta-close]").forEach(function (button) {
    button.addEventListener("click", function () {
      button.closest("[data-cta]").hidden = true;
    });
  });

  var form = document.querySelector("[data-overlay-form]");
  var preview = document.querySelector("[data-overlay-preview] [data-cta]");
  if (!form || !preview) {
    return;
  }

  function value(name) {
    var field = form.elements[name];
    return field ? field.value : "";
  }

  // Text only (textContent): what the owner types is never parsed as HTML.
  function update() {
    var kind = value("kind");
    preview.dataset.kind = kind;
    preview.className = "cta cta-" + value("position");
    preview.style.background = value("background_color");
    preview.style.color = value("text_color");
    preview.querySelectorAll(".cta-button").forEach(function (button) {
      button.style.background = value("button_color");
    });
    form.querySelectorAll("[data-for-kind]").forEach(function (group) {
      group.hidden = group.dataset.forKind.split(" ").indexOf(kind) < 0;
    });
    preview.querySelectorAll("[data-part]").forEach(function (part) {
      part.hidden = part.dataset.part !== kind;
    });
    preview.querySelectorAll("[data-preview]").forEach(function (node) {
      node.textContent = value(node.dataset.preview);
    });
    preview.querySelectorAll("[data-preview-value]").forEach(function (node) {
      node.value = value(node.dataset.previewValue);
    });
    var options = preview.querySelector("[data-preview-options]");
    if (options) {
      options.replaceChildren();
      value("options").split("\n").forEach(function (line) {
        if (!line.trim()) {
          return;
        }
        var button = document.createElement("button");
        button.type = "button";
        button.disabled = true;
        button.className = "cta-button";
        button.style.background = value("button_color");
        button.textContent = line.trim();
        options.appendChild(button);
      });
    }
  }

  form.addEventListener("input", update);
  form.addEventListener("change", update);
  update();
})();
