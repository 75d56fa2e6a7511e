/* Reader preferences: the 适老化 large-text mode, remembered across pages, and printing.
   Loaded in <head> so the large text is applied before the page is drawn. */
(function () {
  "use strict";
  var KEY = "policy-studio.large-text";
  var root = document.documentElement;

  function stored() {
    try { return window.localStorage.getItem(KEY) === "1"; } catch (e) { return false; }
  }
  function remember(on) {
    try { window.localStorage.setItem(KEY, on ? "1" : "0"); } catch (e) { /* private mode: this page only */ }
  }
  function apply(on) {
    root.classList.toggle("large-text", on);
    var button = document.getElementById("large-text-toggle");
    if (button) {
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.textContent = on ? "恢复标准字号" : "适老化大字";
    }
  }

  apply(stored());

  document.addEventListener("DOMContentLoaded", function () {
    var toggle = document.getElementById("large-text-toggle");
    if (toggle) {
      toggle.hidden = false;
      apply(root.classList.contains("large-text"));
      toggle.addEventListener("click", function () {
        var on = !root.classList.contains("large-text");
        remember(on);
        apply(on);
      });
    }
    var print = document.getElementById("print-page");
    if (print && typeof window.print === "function") {
      print.hidden = false;
      print.addEventListener("click", function () { window.print(); });
    }
  });

  // Another tab changed the setting: follow it.
  window.addEventListener("storage", function (event) {
    if (event.key === KEY) { apply(event.newValue === "1"); }
  });
}());
