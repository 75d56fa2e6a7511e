/* 政策文件库 filters (主题分类, 发文机关, 年份, 有效性): plain JavaScript, no server. */
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var list = document.getElementById("doc-list");
  if (!form || !list) { return; }
  var items = Array.prototype.slice.call(list.querySelectorAll(".doc-item"));
  var count = document.getElementById("result-count");
  var empty = document.getElementById("no-results");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));

  function update() {
    var wanted = {};
    selects.forEach(function (s) { if (s.value) { wanted[s.name] = s.value; } });
    var shown = 0;
    items.forEach(function (item) {
      var ok = Object.keys(wanted).every(function (name) {
        return item.getAttribute("data-" + name) === wanted[name];
      });
      item.hidden = !ok;
      if (ok) { shown += 1; }
    });
    var filtered = Object.keys(wanted).length > 0;
    count.textContent = filtered ? "符合条件的文件 " + shown + " 件（共 " + items.length + " 件）" : "共 " + items.length + " 件";
    empty.hidden = shown !== 0;
    // Keep the choice in the address, so a filtered list can be bookmarked or shared.
    if (window.history && window.history.replaceState) {
      var query = selects.filter(function (s) { return s.value; }).map(function (s) {
        return encodeURIComponent(s.name) + "=" + encodeURIComponent(s.value);
      }).join("&");
      try { window.history.replaceState(null, "", query ? "?" + query : window.location.pathname); } catch (e) { /* file: pages */ }
    }
  }

  var params = new URLSearchParams(window.location.search);
  selects.forEach(function (s) {
    var value = params.get(s.name);
    if (value && Array.prototype.some.call(s.options, function (o) { return o.value === value; })) { s.value = value; }
    s.addEventListener("change", update);
  });
  form.addEventListener("reset", function () { window.setTimeout(update, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
  form.hidden = false;
  update();
}());
