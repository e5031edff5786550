/* Draws the statistics charts with Chart.js (static/vendor/chartjs).
 *
 * Each <figure data-chart="line|bars" data-chart-source="ID"> gets a chart of
 * the JSON that the page put in <script type="application/json" id="ID">
 * (Django's json_script). The figures stay hidden without JavaScript: the
 * tables next to them carry the same numbers.
 */
(function () {
  "use strict";

  function colour(name, fallback) {
    var value = getComputedStyle(document.documentElement).getPropertyValue(name);
    return value.trim() || fallback;
  }

  function palette() {
    return {
      primary: colour("--primary", "#2848c8"),
      second: colour("--focus", "#f0a500"),
      text: colour("--text", "#1f2430"),
      grid: colour("--border", "#d5d9e0"),
    };
  }

  function readData(id) {
    var element = document.getElementById(id);
    if (!element) {
      return null;
    }
    try {
      return JSON.parse(element.textContent);
    } catch (error) {
      return null;
    }
  }

  function scales(colours, indexAxis) {
    var counts = {
      beginAtZero: true,
      ticks: { precision: 0, color: colours.text },
      grid: { color: colours.grid },
    };
    var labels = { ticks: { color: colours.text }, grid: { display: false } };
    return indexAxis === "y" ? { x: counts, y: labels } : { x: labels, y: counts };
  }

  function lineChart(canvas, data, colours) {
    var lines = [colours.primary, colours.second];
    return new window.Chart(canvas, {
      type: "line",
      data: {
        labels: data.labels,
        datasets: data.datasets.map(function (dataset, index) {
          var line = lines[index % lines.length];
          return {
            label: dataset.label,
            data: dataset.data,
            borderColor: line,
            backgroundColor: line,
            pointRadius: data.labels.length > 60 ? 0 : 3,
          };
        }),
      },
      options: {
        maintainAspectRatio: false,
        interaction: { mode: "index", intersect: false },
        plugins: { legend: { labels: { color: colours.text } } },
        scales: scales(colours, "x"),
      },
    });
  }

  function barChart(canvas, data, colours) {
    return new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: data.datasets.map(function (dataset) {
          return {
            label: dataset.label,
            data: dataset.data,
            backgroundColor: colours.primary,
          };
        }),
      },
      options: {
        indexAxis: "y",
        maintainAspectRatio: false,
        plugins: { legend: { display: false } },
        scales: scales(colours, "y"),
      },
    });
  }

  function draw(figure, colours) {
    var data = readData(figure.getAttribute("data-chart-source"));
    var canvas = figure.querySelector("canvas");
    if (!data || !canvas) {
      return;
    }
    figure.hidden = false;
    if (figure.getAttribute("data-chart") === "bars") {
      // A bar per label, each tall enough to read.
      figure.style.height = Math.max(12, data.labels.length * 2.25 + 3) + "rem";
      barChart(canvas, data, colours);
    } else {
      lineChart(canvas, data, colours);
    }
  }

  function drawAll() {
    if (typeof window.Chart !== "function") {
      return; // the library did not load: the tables stay
    }
    var colours = palette();
    document.querySelectorAll("figure[data-chart]").forEach(function (figure) {
      draw(figure, colours);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
