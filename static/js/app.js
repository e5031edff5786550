// Small progressive enhancements; every page works without JavaScript.
"use strict";

(function () {
  function isField(element) {
    return "value" in element && typeof element.select === "function";
  }

  function select(element) {
    // A field selects its value; any other element (a code sample) its text.
    if (isField(element)) {
      element.focus();
      element.select();
      element.setSelectionRange(0, element.value.length);
      return;
    }
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function copyWithSelection(element) {
    // Fallback for browsers without the asynchronous clipboard API.
    select(element);
    return document.execCommand("copy");
  }

  function copyText(element) {
    var text = isField(element) ? element.value : element.textContent;
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () {
        if (!copyWithSelection(element)) {
          throw new Error("copy failed");
        }
      });
    }
    return copyWithSelection(element)
      ? Promise.resolve()
      : Promise.reject(new Error("copy failed"));
  }

  // <button data-copy="ELEMENT_ID" data-copy-status="STATUS_ID"
  //   data-copied-text="…" data-failed-text="…">
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    button.addEventListener("click", function () {
      var input = document.getElementById(button.dataset.copy);
      var status = document.getElementById(button.dataset.copyStatus);
      copyText(input).then(
        function () {
          status.textContent = button.dataset.copiedText;
        },
        function () {
          status.textContent = button.dataset.failedText;
          select(input);
        }
      );
    });
  });

  // <form data-confirm="question">: ask before submitting.
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.dataset.confirm)) {
        event.preventDefault();
      }
    });
  });
})();
