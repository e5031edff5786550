// The reference page: one sample language for the whole page, chosen with tabs
// and remembered. Without JavaScript every language is shown, one after another.
"use strict";

(function () {
  var STORAGE_KEY = "developers-language";
  var groups = document.querySelectorAll("[data-samples]");

  function remembered() {
    try {
      return window.localStorage.getItem(STORAGE_KEY);
    } catch (error) {
      return null;
    }
  }

  function remember(language) {
    try {
      window.localStorage.setItem(STORAGE_KEY, language);
    } catch (error) {
      // Private browsing: the choice lasts for this page only.
    }
  }

  function show(language) {
    groups.forEach(function (group) {
      if (!group.querySelector('[role="tab"][data-language="' + language + '"]')) {
        return;
      }
      group.querySelectorAll('[role="tab"]').forEach(function (tab) {
        var selected = tab.dataset.language === language;
        tab.setAttribute("aria-selected", selected ? "true" : "false");
        tab.tabIndex = selected ? 0 : -1;
      });
      group.querySelectorAll('[role="tabpanel"]').forEach(function (panel) {
        panel.hidden = panel.dataset.language !== language;
      });
      group.querySelector(".copy-status").textContent = "";
    });
  }

  function choose(tab) {
    // Every group changes height: keep the chosen tab where the reader sees it.
    var before = tab.getBoundingClientRect().top;
    show(tab.dataset.language);
    remember(tab.dataset.language);
    window.scrollBy(0, tab.getBoundingClientRect().top - before);
    tab.focus();
  }

  groups.forEach(function (group) {
    var tablist = group.querySelector('[role="tablist"]');
    var tabs = Array.prototype.slice.call(tablist.querySelectorAll('[role="tab"]'));
    group.classList.add("samples-tabbed");
    tablist.hidden = false;
    tabs.forEach(function (tab, index) {
      tab.addEventListener("click", function () {
        choose(tab);
      });
      tab.addEventListener("keydown", function (event) {
        var next = null;
        if (event.key === "ArrowRight") next = tabs[(index + 1) % tabs.length];
        if (event.key === "ArrowLeft") next = tabs[(index - 1 + tabs.length) % tabs.length];
        if (event.key === "Home") next = tabs[0];
        if (event.key === "End") next = tabs[tabs.length - 1];
        if (next) {
          event.preventDefault();
          choose(next);
        }
      });
    });
  });

  var first = document.querySelector('[role="tab"]');
  show(remembered() || (first && first.dataset.language) || "curl");
})();
