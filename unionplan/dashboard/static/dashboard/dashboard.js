/* Draws the dashboard's charts with the vendored ECharts from the numbers in #dashboard-data. */
window.addEventListener("DOMContentLoaded", function () {
  var data = JSON.parse(document.getElementById("dashboard-data").textContent);
  var t = data.labels;  // the words of the charts, translated by the view
  var font = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';
  function chart(id, option) {
    var el = document.getElementById(id);
    if (!el || !window.echarts) return;
    var c = echarts.init(el, null, { renderer: "canvas" });
    option.textStyle = { fontFamily: font };
    option.animation = false;
    c.setOption(option);
    // Follow the chart's box, not only the window: a phone turned sideways, a grid reflowed.
    if (window.ResizeObserver) new ResizeObserver(function () { c.resize(); }).observe(el);
    else window.addEventListener("resize", function () { c.resize(); });
    el.dataset.rendered = "1";
  }
  var grid = { left: 40, right: 16, top: 36, bottom: 28 };
  chart("chart-items", {
    tooltip: { trigger: "axis", renderMode: "richText" }, legend: { top: 0 }, grid: grid,
    xAxis: { type: "category", data: data.months }, yAxis: { type: "value", minInterval: 1 },
    series: [
      { name: t.done, type: "bar", stack: "s", data: data.done, itemStyle: { color: "#1a7f37" } },
      { name: t.overdue, type: "bar", stack: "s", data: data.overdue, itemStyle: { color: "#cf222e" } },
      { name: t.other, type: "bar", stack: "s", data: data.other, itemStyle: { color: "#8c959f" } }
    ]
  });
  chart("chart-participation", {
    tooltip: { trigger: "axis", renderMode: "richText" }, legend: { top: 0 }, grid: { left: 40, right: 40, top: 36, bottom: 28 },
    xAxis: { type: "category", data: data.months },
    yAxis: [{ type: "value", name: t.attendance_unit, minInterval: 1 }, { type: "value", name: t.records_unit, minInterval: 1 }],
    series: [
      { name: t.attendance, type: "bar", data: data.attendance, itemStyle: { color: "#0b57d0" } },
      { name: t.records, type: "line", yAxisIndex: 1, data: data.records, itemStyle: { color: "#b3261e" } }
    ]
  });
  chart("chart-budget", {
    tooltip: { trigger: "axis", renderMode: "richText" }, legend: { top: 0 }, grid: { left: 60, right: 16, top: 36, bottom: 48 },
    xAxis: { type: "category", data: data.categories, axisLabel: { interval: 0, rotate: data.categories.length > 5 ? 25 : 0 } },
    yAxis: { type: "value", name: t.yuan },
    series: [
      { name: t.budget, type: "bar", data: data.budget, itemStyle: { color: "#8c959f" } },
      { name: t.spent, type: "bar", data: data.spent, itemStyle: { color: "#b3261e" } }
    ]
  });
  chart("chart-targets", {
    tooltip: { trigger: "item", renderMode: "richText" }, legend: { bottom: 0 },
    series: [{ type: "pie", radius: ["35%", "65%"], data: data.targets, label: { formatter: t.pie } }]
  });
});
