// The upload form, enhanced: drop a file on it, watch the upload's progress.
// Without JavaScript it is a plain multipart form and works the same.
"use strict";

(function () {
  var form = document.querySelector("form[data-upload]");
  if (!form || !window.FormData || !window.XMLHttpRequest) {
    return;
  }
  var input = form.querySelector("input[type=file]");
  var zone = form.querySelector("[data-drop-zone]");
  var hint = form.querySelector("[data-drop-hint]");
  var progress = form.querySelector("[data-progress]");
  var status = form.querySelector("[data-status]");
  var button = form.querySelector("button[type=submit]");

  hint.hidden = false;
  ["dragenter", "dragover"].forEach(function (name) {
    zone.addEventListener(name, function (event) {
      event.preventDefault();
      zone.classList.add("is-dragging");
    });
  });
  ["dragleave", "drop"].forEach(function (name) {
    zone.addEventListener(name, function () {
      zone.classList.remove("is-dragging");
    });
  });
  zone.addEventListener("drop", function (event) {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length) {
      input.files = event.dataTransfer.files;
      status.textContent = event.dataTransfer.files[0].name;
    }
  });

  function fail(messages) {
    progress.hidden = true;
    button.disabled = false;
    status.textContent = messages.join(" ");
    status.setAttribute("role", "alert");
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var request = new XMLHttpRequest();
    request.open("POST", form.action);
    request.setRequestHeader("Accept", "application/json");
    request.upload.addEventListener("progress", function (progressEvent) {
      if (progressEvent.lengthComputable) {
        var percent = Math.round((progressEvent.loaded / progressEvent.total) * 100);
        progress.value = percent;
        status.textContent = form.dataset.progressText + " " + percent + "%";
      }
    });
    request.addEventListener("load", function () {
      var body = null;
      try {
        body = JSON.parse(request.responseText);
      } catch (error) {
        body = null;
      }
      if (request.status === 200 && body && body.redirect) {
        window.location.assign(body.redirect);
      } else {
        fail(body && body.errors ? body.errors : [form.dataset.failedText]);
      }
    });
    request.addEventListener("error", function () {
      fail([form.dataset.failedText]);
    });
    progress.value = 0;
    progress.hidden = false;
    button.disabled = true;
    status.removeAttribute("role");
    request.send(new FormData(form));
  });
})();
