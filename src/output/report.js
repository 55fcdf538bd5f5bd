// mtlint HTML report: sorting, filtering and the findings' details. Nothing runs per row at
// load: rows are read once, on the first sort; a filter is one generated style rule, so the
// browser hides rows without a script touching them; the details table is parsed on the
// first hover or focus.
(function () {
  "use strict";
  var $ = function (s) { return document.querySelector(s); };
  var sents = $("#s"), list = $("#rows"), top = $("#top"), tip = $("#tip");
  // The controls and the documents are written after the rows (their counts are known only
  // then): show them first.
  sents.parentNode.insertBefore(top, sents);
  top.hidden = false;

  // Sorting: the rows of a list in input order, read on its first sort. Worst first, then
  // best first, then the input order again.
  var order = new Map();
  function sortList(btn) {
    var head = btn.closest("th, [role=columnheader]");
    var body = btn.closest("table") ? btn.closest("table").tBodies[0] : list;
    if (!order.has(body)) {
      order.set(body, Array.prototype.map.call(body.children, function (r, i) {
        return { r: r, i: i, s: +r.dataset.s };
      }));
    }
    var rows = order.get(body).slice(), state = head.getAttribute("aria-sort");
    var dir = btn.dataset.sort === "i" ? 0 : state === "ascending" ? -1 : state === "descending" ? 0 : 1;
    if (dir !== 0) rows.sort(function (a, b) { return (a.s - b.s) * dir || a.i - b.i; });
    var frag = document.createDocumentFragment();
    for (var k = 0; k < rows.length; k++) frag.appendChild(rows[k].r);
    body.appendChild(frag);
    head.parentNode.querySelectorAll("[aria-sort]").forEach(function (h) { h.removeAttribute("aria-sort"); });
    if (dir !== 0) head.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
  }
  document.addEventListener("click", function (e) {
    var b = e.target.closest("button[data-sort]");
    if (b) sortList(b);
    var d = e.target.closest("a[data-doc]");
    if (d) {
      e.preventDefault();
      $("#fd").value = d.dataset.doc;
      filter();
      sents.scrollIntoView();
    }
  });

  // Filtering: one rule hides the rows that do not match; the count comes from one query.
  var style = $("#flt"), shown = $("#shown");
  function filter() {
    var code = $("#fc").value, verdict = $("#fv").value, doc = $("#fd").value, sel = "";
    if (code === "*") sel += ':not([data-c=""])';
    else if (code) sel += '[data-c~="' + code + '"]';
    if (verdict) sel += '[data-v="' + verdict + '"]';
    if (doc) sel += '[data-d="' + doc + '"]';
    style.textContent = sel ? "#rows>.r:not(" + sel + "){display:none}" : "";
    var n = sel ? list.querySelectorAll("#rows>.r" + sel).length : list.children.length;
    shown.textContent = n + (n === 1 ? " sentence shown" : " sentences shown");
    $("#clear").hidden = !sel;
  }
  ["#fc", "#fv", "#fd"].forEach(function (s) { $(s).addEventListener("change", filter); });
  $("#clear").addEventListener("click", function () {
    $("#fc").value = $("#fv").value = $("#fd").value = "";
    filter();
  });

  // Details: one tooltip, filled from the table for the span under the mouse or focused.
  var details = null, current = null;
  function show(m) {
    if (!details) details = JSON.parse($("#details").textContent);
    tip.textContent = "";
    m.dataset.f.split(" ").forEach(function (k) {
      var d = details[+k], line = document.createElement("span"), b = document.createElement("b");
      b.textContent = d[0];
      line.appendChild(b);
      line.appendChild(document.createTextNode(" (" + d[1] + "): " + d[2]));
      if (d[3] !== null) {
        var i = document.createElement("i");
        i.textContent = d[3] === "" ? " → delete it" : " → “" + d[3] + "”";
        line.appendChild(i);
      }
      tip.appendChild(line);
    });
    tip.hidden = false;
    var r = m.getBoundingClientRect(), w = tip.offsetWidth;
    var left = Math.max(4, Math.min(r.left, document.documentElement.clientWidth - w - 4));
    tip.style.left = left + window.scrollX + "px";
    tip.style.top = r.bottom + window.scrollY + 4 + "px";
    m.setAttribute("aria-describedby", "tip");
    current = m;
  }
  function hide(m) {
    if (current && (!m || m === current)) {
      current.removeAttribute("aria-describedby");
      current = null;
      tip.hidden = true;
    }
  }
  document.addEventListener("mouseover", function (e) {
    var m = e.target.closest && e.target.closest(".f");
    if (m) show(m); else if (current && current !== document.activeElement) hide();
  });
  document.addEventListener("focusin", function (e) {
    if (e.target.classList && e.target.classList.contains("f")) show(e.target); else hide();
  });
  document.addEventListener("focusout", function (e) { hide(e.target); });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") hide();
  });
  filter();
})();
