// Small progressive enhancements; every page works without JavaScript.
"use strict";

(function () {
  function copyWithSelection(input) {
    // Fallback for browsers without the asynchronous clipboard API.
    input.focus();
    input.select();
    input.setSelectionRange(0, input.value.length);
    return document.execCommand("copy");
  }

  function copyText(input) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(input.value).catch(function () {
        if (!copyWithSelection(input)) {
          throw new Error("copy failed");
        }
      });
    }
    return copyWithSelection(input)
      ? Promise.resolve()
      : Promise.reject(new Error("copy failed"));
  }

  // <button data-copy="INPUT_ID" data-copy-status="STATUS_ID"
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
          input.focus();
          input.select();
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
