// The splash page editor: the preview follows the form as the user types.
// The text is cleaned here as the server cleans it, so the preview never runs code.
(function () {
  "use strict";
  var ALLOWED = ["P", "BR", "B", "STRONG", "I", "EM", "U", "S", "UL", "OL", "LI", "A"];
  var root = document.querySelector("[data-preview-root]");
  if (!root) { return; }
  var target = function (name) { return root.querySelector('[data-preview="' + name + '"]'); };

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
    into.textContent = "";
    copy(source, into);
  };

  var update = function (input) {
    var name = input.getAttribute("data-preview-input");
    var shown = target(name);
    if (!shown) { return; }
    if (name === "text") {
      cleanInto(input.value, shown);
    } else if (name === "button_label") {
      shown.textContent = input.value || shown.getAttribute("data-default");
    } else {
      shown.textContent = input.value;
    }
  };

  document.querySelectorAll("[data-preview-input]").forEach(function (input) {
    input.addEventListener("input", function () { update(input); });
    update(input);
  });

  var banner = document.querySelector('input[type="file"][name="banner"]');
  if (banner) {
    banner.addEventListener("change", function () {
      var image = target("banner");
      if (banner.files && banner.files[0]) {
        image.src = URL.createObjectURL(banner.files[0]);
        image.hidden = false;
      }
    });
  }
})();
