// Small behaviours of our pages, wired by data- attributes: the Content-Security-Policy
// allows no inline script (onclick=…) and no style attribute, so they live here.
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    var el = event.target.closest("[data-print], [data-select-on-click], [data-copy-from], [data-check-all], [data-check-none]");
    if (!el) return;
    if (el.hasAttribute("data-print")) window.print();
    if (el.hasAttribute("data-select-on-click")) el.select();
    if (el.dataset.copyFrom) {
      var source = document.querySelector(el.dataset.copyFrom);
      if (source && navigator.clipboard) navigator.clipboard.writeText(source.value);
    }
    if (el.dataset.checkAll || el.dataset.checkNone) {
      var checked = Boolean(el.dataset.checkAll);
      document.querySelectorAll(el.dataset.checkAll || el.dataset.checkNone).forEach(function (box) {
        box.checked = checked;
      });
    }
  });

  document.addEventListener("submit", function (event) {
    var message = event.target.dataset && event.target.dataset.confirm;
    if (message && !window.confirm(message)) event.preventDefault();
  });

  document.addEventListener("change", function (event) {
    if (event.target.hasAttribute("data-autosubmit")) event.target.form.submit();
  });

  // Widths from data-percent (progress bars); again on content that htmx swaps in.
  function widths(root) {
    root.querySelectorAll("[data-percent]").forEach(function (bar) {
      bar.style.width = Math.max(0, Math.min(100, Number(bar.dataset.percent) || 0)) + "%";
    });
  }
  document.addEventListener("DOMContentLoaded", function () { widths(document); });
  document.addEventListener("htmx:load", function (event) { widths(event.target); });
})();
