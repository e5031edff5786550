// Channels in the links, QR code and bio page lists: drag a row onto a channel
// chip to file the item there. The chips stay links that filter the list, and
// each row's "Add to channel" form does the same without script or a mouse.
"use strict";

(function () {
  var panel = document.querySelector("[data-channel-drop]");
  if (!panel) {
    return;
  }
  var status = panel.querySelector("[data-drop-status]");
  var dragged = null;

  function say(message, isError) {
    status.textContent = message;
    status.classList.toggle("is-error", Boolean(isError));
  }

  function addBadge(row, channel) {
    var list = row.querySelector("[data-channel-badges]");
    if (!list || list.querySelector('[data-channel-id="' + channel.id + '"]')) {
      return;
    }
    var item = document.createElement("li");
    var link = document.createElement("a");
    link.className = "badge channel-badge";
    link.href = channel.url;
    link.dataset.channelId = String(channel.id);
    var swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.setAttribute("aria-hidden", "true");
    swatch.style.backgroundColor = channel.color;
    link.appendChild(swatch);
    link.appendChild(document.createTextNode(channel.name));
    item.appendChild(link);
    list.appendChild(item);
    list.hidden = false;
  }

  function file(chip, row) {
    var body = new FormData();
    body.append("type", panel.dataset.itemType);
    body.append("id", row.dataset.dragItem);
    say(panel.dataset.sendingText || "…", false);
    fetch(chip.dataset.dropUrl, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: {
        Accept: "application/json",
        "X-CSRFToken": panel.dataset.csrfToken,
      },
    })
      .then(function (response) {
        return response.json().then(function (answer) {
          return { ok: response.ok, status: response.status, answer: answer };
        });
      })
      .then(function (result) {
        say(result.answer.message, !result.ok && result.status !== 409);
        if (result.answer.channel) {
          addBadge(row, result.answer.channel);
        }
      })
      .catch(function () {
        say(panel.dataset.failedText, true);
      });
  }

  document.querySelectorAll("tr[data-drag-item]").forEach(function (row) {
    row.addEventListener("dragstart", function (event) {
      dragged = row;
      row.classList.add("is-dragging");
      event.dataTransfer.effectAllowed = "copy";
      event.dataTransfer.setData("text/plain", row.dataset.dragLabel || "");
    });
    row.addEventListener("dragend", function () {
      row.classList.remove("is-dragging");
      dragged = null;
    });
  });

  panel.querySelectorAll("[data-drop-url]").forEach(function (chip) {
    chip.addEventListener("dragover", function (event) {
      if (dragged) {
        event.preventDefault();
        event.dataTransfer.dropEffect = "copy";
        chip.classList.add("is-drop-target");
      }
    });
    chip.addEventListener("dragleave", function () {
      chip.classList.remove("is-drop-target");
    });
    chip.addEventListener("drop", function (event) {
      chip.classList.remove("is-drop-target");
      if (!dragged) {
        return;
      }
      event.preventDefault();
      file(chip, dragged);
    });
  });
})();
