// The bio page builder: the preview follows the form as the user types, and the
// blocks get "add", "move up/down" and "remove" buttons. Without JavaScript the
// form still works: ORDER numbers, Delete boxes and one empty block per save.
// Everything user-typed is put in the preview as text, or cleaned HTML as the
// server cleans it, so the preview never runs code.
(function () {
  "use strict";
  var form = document.querySelector("[data-bio-builder]");
  var root = document.querySelector("[data-preview-root]");
  if (!form || !root) { return; }
  var blocksBox = form.querySelector("[data-blocks]");
  var template = form.querySelector("[data-block-template]");
  var total = form.querySelector('input[name="blocks-TOTAL_FORMS"]');
  var initial = form.querySelector('input[name="blocks-INITIAL_FORMS"]');
  var previewBlocks = root.querySelector("[data-preview-blocks]");
  var networks = JSON.parse(document.getElementById("bio-networks").textContent);
  var ALLOWED = ["P", "BR", "B", "STRONG", "I", "EM", "U", "S", "UL", "OL", "LI", "A"];
  var COLOUR = /^#[0-9a-f]{6}$/i;

  form.classList.add("bio-js");
  var noJsHelp = form.querySelector("[data-no-js-help]");
  if (noJsHelp) { noJsHelp.hidden = true; }

  var field = function (name) { return form.querySelector('[name="' + name + '"]'); };
  var value = function (name) { var f = field(name); return f ? f.value : ""; };
  var shown = function (name) { return root.querySelector('[data-preview="' + name + '"]'); };
  var make = function (tag, className, text) {
    var element = document.createElement(tag);
    if (className) { element.className = className; }
    if (text !== undefined) { element.textContent = text; }
    return element;
  };

  var cleanInto = function (html, into) {
    var source = new DOMParser().parseFromString(html, "text/html").body;
    var copy = function (from, to) {
      Array.prototype.forEach.call(from.childNodes, function (node) {
        if (node.nodeType === Node.TEXT_NODE) {
          to.appendChild(document.createTextNode(node.textContent));
        } else if (node.nodeType === Node.ELEMENT_NODE) {
          if (ALLOWED.indexOf(node.tagName) === -1) {
            if (["SCRIPT", "STYLE"].indexOf(node.tagName) === -1) { copy(node, to); }
            return;
          }
          var element = document.createElement(node.tagName);
          var href = node.getAttribute("href") || "";
          if (node.tagName === "A" && /^https?:\/\//i.test(href)) {
            element.setAttribute("href", href);
            element.setAttribute("rel", "nofollow noopener");
          }
          copy(node, element);
          to.appendChild(element);
        }
      });
    };
    copy(source, into);
  };

  // Profile and theme.
  var updateProfile = function () {
    shown("name").textContent = value("name");
    shown("description").textContent = value("description");
  };
  var updateTheme = function () {
    var colour = function (name, fallback) {
      var v = value(name);
      return COLOUR.test(v) ? v : fallback;
    };
    var background = colour("background", "#ffffff");
    var gradient = field("use_gradient");
    if (gradient && gradient.checked) {
      background = "linear-gradient(180deg, " + background + ", " +
        colour("background_end", background) + ")";
    }
    root.style.setProperty("--bio-background", background);
    root.style.setProperty("--bio-text", colour("text_colour", "#1f2430"));
    root.style.setProperty("--bio-button", colour("button_colour", "#3557d4"));
    root.style.setProperty("--bio-button-text", colour("button_text_colour", "#ffffff"));
    ["rounded", "square", "outline"].forEach(function (style) {
      root.classList.toggle("bio-buttons-" + style, value("button_style") === style);
    });
    var endField = form.querySelector('[data-field="background_end"]');
    if (endField && gradient) { endField.hidden = !gradient.checked; }
  };
  var avatar = field("avatar");
  if (avatar) {
    avatar.addEventListener("change", function () {
      var image = shown("avatar");
      if (avatar.files && avatar.files[0]) {
        image.src = URL.createObjectURL(avatar.files[0]);
        image.hidden = false;
      }
    });
  }

  // Blocks.
  var blockForms = function () {
    return Array.prototype.filter.call(
      blocksBox.querySelectorAll("[data-block]"),
      function (box) { return !box.hidden; }
    );
  };
  var blockValue = function (box, name) {
    var input = box.querySelector('[data-block-input="' + name + '"]');
    return input ? input.value : "";
  };
  var networkOf = function (url) {
    var host;
    try { host = new URL(url).hostname.replace(/^www\./, ""); } catch (e) { return null; }
    var found = null;
    Object.keys(networks).forEach(function (name) {
      networks[name][1].forEach(function (h) {
        if (host === h || host.slice(-(h.length + 1)) === "." + h) { found = name; }
      });
    });
    return found;
  };
  var videoId = function (url) {
    var match = /(?:youtu\.be\/|[?&]v=|\/(?:embed|shorts|live|v)\/)([A-Za-z0-9_-]{11})/.exec(url);
    if (match) { return match[1]; }
    return /^[A-Za-z0-9_-]{11}$/.test(url.trim()) ? url.trim() : "";
  };
  var previewOf = function (box) {
    var kind = blockValue(box, "kind");
    var title = blockValue(box, "title");
    var item = make("div", "bio-block bio-block-" + kind);
    if (kind === "link" && title) {
      var link = make("a", "bio-button", title);
      link.href = "#";
      item.appendChild(link);
    } else if (kind === "heading" && title) {
      item.appendChild(make("h2", "bio-heading", title));
    } else if (kind === "text") {
      var text = make("div", "bio-text");
      cleanInto(blockValue(box, "text"), text);
      item.appendChild(text);
    } else if (kind === "social") {
      var list = make("ul", "bio-socials");
      blockValue(box, "social_urls").split("\n").forEach(function (line) {
        var name = networkOf(line.trim());
        if (!name) { return; }
        var entry = make("li");
        var anchor = make("a", "bio-social bio-social-" + name, networks[name][0]);
        anchor.href = "#";
        entry.appendChild(anchor);
        list.appendChild(entry);
      });
      item.appendChild(list);
    } else if (kind === "image") {
      var file = box.querySelector('input[type="file"]');
      var source = file && file.files && file.files[0] ?
        URL.createObjectURL(file.files[0]) : box.getAttribute("data-image-url");
      if (source) {
        var image = make("img", "bio-image");
        image.src = source;
        image.alt = title;
        item.appendChild(image);
      }
    } else if (kind === "youtube") {
      var id = videoId(blockValue(box, "video"));
      if (id) { item.appendChild(make("p", "bio-button", "▶ YouTube · " + id)); }
    } else if (kind === "email") {
      var email = blockValue(box, "email");
      if (email) {
        var mail = make("a", "bio-button", title || email);
        mail.href = "#";
        item.appendChild(mail);
      }
    }
    return item.childNodes.length ? item : null;
  };
  var showKindFields = function (box) {
    var kind = blockValue(box, "kind");
    box.querySelectorAll("[data-kinds]").forEach(function (part) {
      part.hidden = part.getAttribute("data-kinds").split(" ").indexOf(kind) === -1;
    });
  };
  var renumber = function () {
    blockForms().forEach(function (box, index) {
      var order = box.querySelector("[data-block-order]");
      if (order) { order.value = index + 1; }
    });
  };
  var updateBlocks = function () {
    previewBlocks.textContent = "";
    blockForms().forEach(function (box) {
      var item = previewOf(box);
      if (item) { previewBlocks.appendChild(item); }
    });
  };
  var enhance = function (box) {
    box.querySelector("[data-block-tools]").hidden = false;
    showKindFields(box);
    box.querySelector("[data-block-up]").addEventListener("click", function () {
      var before = box.previousElementSibling;
      while (before && before.hidden) { before = before.previousElementSibling; }
      if (before) { blocksBox.insertBefore(box, before); }
      renumber();
      updateBlocks();
    });
    box.querySelector("[data-block-down]").addEventListener("click", function () {
      var after = box.nextElementSibling;
      while (after && after.hidden) { after = after.nextElementSibling; }
      if (after) { blocksBox.insertBefore(after, box); }
      renumber();
      updateBlocks();
    });
    box.querySelector("[data-block-remove]").addEventListener("click", function () {
      var remove = box.querySelector('input[name$="-DELETE"]');
      if (remove) { remove.checked = true; }
      box.hidden = true;
      renumber();
      updateBlocks();
    });
  };

  // The no-JS empty block gives way to the "Add a block" button, unless the
  // user already filled it in (a form shown again with its errors).
  var boxes = blocksBox.querySelectorAll("[data-block]");
  var last = boxes[boxes.length - 1];
  var isBlank = function (box) {
    var typed = Array.prototype.some.call(
      box.querySelectorAll("input[data-block-input], textarea[data-block-input]"),
      function (input) { return input.type === "file" ? input.files.length : input.value.trim(); }
    );
    return !typed && !box.querySelector(".errorlist");
  };
  var lastIsBlank = last && boxes.length > Number(initial.value) && isBlank(last);
  if (lastIsBlank) {
    last.remove();
    total.value = Number(total.value) - 1;
  }
  blocksBox.querySelectorAll("[data-block]").forEach(enhance);
  renumber();

  var addButton = form.querySelector("[data-add-block]");
  addButton.hidden = false;
  addButton.addEventListener("click", function () {
    var index = Number(total.value);
    var holder = document.createElement("div");
    holder.innerHTML = template.innerHTML.replace(/__prefix__/g, String(index));
    var box = holder.querySelector("[data-block]");
    blocksBox.appendChild(box);
    total.value = index + 1;
    enhance(box);
    renumber();
    updateBlocks();
    var first = box.querySelector('[data-block-input="kind"]');
    if (first) { first.focus(); }
  });

  form.addEventListener("input", function (event) {
    var box = event.target.closest("[data-block]");
    if (box) {
      showKindFields(box);
      updateBlocks();
    } else {
      updateProfile();
      updateTheme();
    }
  });
  form.addEventListener("change", function (event) {
    var box = event.target.closest("[data-block]");
    if (box) { showKindFields(box); updateBlocks(); } else { updateTheme(); }
  });
  updateProfile();
  updateTheme();
  updateBlocks();
})();
