// Splash and frame pages: the countdown, the Continue button, the frame's close button.
// An external file, so the page's Content-Security-Policy needs no inline script.
(function () {
  "use strict";
  var counter = document.querySelector("[data-countdown]");
  if (counter) {
    var left = parseInt(counter.getAttribute("data-countdown"), 10) || 0;
    var next = document.querySelector("[data-continue]");
    var number = counter.querySelector("[data-seconds]");
    var finish = function () {
      counter.hidden = true;
      if (next) {
        next.removeAttribute("aria-disabled");
        next.classList.remove("is-disabled");
        if (next.hasAttribute("data-redirect")) {
          window.location.href = next.href;
        }
      }
    };
    if (next) {
      next.setAttribute("aria-disabled", "true");
      next.classList.add("is-disabled");
      next.addEventListener("click", function (event) {
        if (next.getAttribute("aria-disabled") === "true") { event.preventDefault(); }
      });
    }
    var tick = function () {
      if (left <= 0) { finish(); return; }
      if (number) { number.textContent = String(left); }
      left -= 1;
      window.setTimeout(tick, 1000);
    };
    tick();
  }
  var close = document.querySelector("[data-close-bar]");
  if (close) {
    close.addEventListener("click", function () {
      document.body.classList.add("bar-closed");
    });
  }
})();
