/* 站内检索: character-bigram index over titles, 发文字号 and all texts; plain JavaScript.
   The index is split into groups (search/gNN.js) loaded when a search is made. */
(function () {
  "use strict";
  var DOCS = window.STUDIO_SEARCH_DOCS || { groups: [], docs: {} };
  var form = document.getElementById("search-form");
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var results = document.getElementById("results");
  if (!form || !input) { return; }
  var script = document.currentScript;
  var base = script ? script.src.replace(/assets\/search\.js(\?.*)?$/, "") : "";
  var MAX_RESULTS = 200;

  function normalise(text) {
    return text.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  }
  function pairs(text) {
    var out = [];
    var chars = Array.from(text);
    for (var i = 0; i + 1 < chars.length; i += 1) {
      var p = chars[i] + chars[i + 1];
      if (out.indexOf(p) < 0) { out.push(p); }
    }
    return out;
  }
  function loadGroups(done) {
    var store = window.STUDIO_SEARCH_GROUPS || {};
    var missing = DOCS.groups.filter(function (g) { return !store[g]; });
    var left = missing.length;
    if (!left) { done(); return; }
    missing.forEach(function (g) {
      var tag = document.createElement("script");
      tag.src = base + "search/g" + g + ".js";
      tag.onload = tag.onerror = function () { left -= 1; if (!left) { done(); } };
      document.head.appendChild(tag);
    });
  }
  function decode(postings, width, docs) {
    var out = [];
    var alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
    for (var i = 0; i < postings.length; i += width) {
      var n = 0;
      for (var j = 0; j < width; j += 1) { n = n * 64 + alphabet.indexOf(postings.charAt(i + j)); }
      out.push(docs[n]);
    }
    return out;
  }
  function matches(query) {
    var store = window.STUDIO_SEARCH_GROUPS || {};
    var keys = pairs(query);
    var found = {};
    Object.keys(store).forEach(function (g) {
      var group = store[g];
      var hits = null;
      if (keys.length === 0) {
        // One character: every pair that holds it.
        hits = {};
        Object.keys(group.idx).forEach(function (k) {
          if (k.indexOf(query) >= 0) { decode(group.idx[k], group.w, group.docs).forEach(function (s) { hits[s] = true; }); }
        });
        hits = Object.keys(hits);
      } else {
        keys.forEach(function (k) {
          var list = group.idx[k] ? decode(group.idx[k], group.w, group.docs) : [];
          hits = hits === null ? list : hits.filter(function (s) { return list.indexOf(s) >= 0; });
        });
      }
      (hits || []).forEach(function (s) { found[s] = true; });
    });
    return Object.keys(found).filter(function (s) { return DOCS.docs[s]; });
  }
  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) { el.className = className; }
    if (text) { el.textContent = text; }
    return el;
  }
  function render(query, slugs) {
    results.textContent = "";
    var scored = slugs.map(function (s) {
      var d = DOCS.docs[s];
      var inTitle = normalise(d.t + d.n).indexOf(query) >= 0;
      return { slug: s, doc: d, score: inTitle ? 1 : 0 };
    });
    scored.sort(function (a, b) {
      if (a.score !== b.score) { return b.score - a.score; }
      var da = a.doc.p || a.doc.d || "", db = b.doc.p || b.doc.d || "";
      return da < db ? 1 : da > db ? -1 : (a.slug < b.slug ? -1 : 1);
    });
    scored.slice(0, MAX_RESULTS).forEach(function (r) {
      var d = r.doc;
      var li = element("li", "doc-item");
      var h = element("h2", "doc-title");
      var a = element("a", "", d.t);
      a.href = base + d.u;
      h.appendChild(a);
      li.appendChild(h);
      var meta = element("p", "doc-meta");
      [d.n, d.o, d.d ? "成文日期：" + d.d : ""].forEach(function (t) { if (t) { meta.appendChild(element("span", "", t)); } });
      meta.appendChild(element("span", d.v === "现行有效" ? "badge" : "badge badge-warn", d.v || "有效性未标注"));
      li.appendChild(meta);
      if (d.c.length) {
        var links = element("p", "doc-links");
        links.appendChild(element("span", "doc-links-label", "相关解读："));
        d.c.forEach(function (c) {
          var link = element("a", "", c[0]);
          link.href = c[2] ? c[1] : base + c[1];
          links.appendChild(link);
          links.appendChild(document.createTextNode(" "));
        });
        li.appendChild(links);
      }
      results.appendChild(li);
    });
    var shown = Math.min(scored.length, MAX_RESULTS);
    status.textContent = scored.length === 0 ? "没有找到与“" + input.value.trim() + "”相关的文件，请换用其他词语。"
      : "找到 " + scored.length + " 件相关文件" + (shown < scored.length ? "，显示前 " + shown + " 件" : "") + "。";
  }
  function search() {
    var raw = input.value.trim();
    var query = normalise(raw);
    if (!query) { status.textContent = "请输入检索词。"; results.textContent = ""; return; }
    status.textContent = "正在检索……";
    loadGroups(function () { render(query, matches(query)); });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (window.history && window.history.replaceState) {
      try { window.history.replaceState(null, "", "?q=" + encodeURIComponent(input.value.trim())); } catch (e) { /* file: pages */ }
    }
    search();
  });
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) { input.value = initial; search(); }
}());
