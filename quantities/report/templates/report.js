// The HTML report's script (inlined into the page; the CSP names its hash). It reads only
// the page's own data-* attributes; no article text is ever parsed as code or markup.
(function () {
  "use strict";
  var d = document;
  function all(sel) { return Array.prototype.slice.call(d.querySelectorAll(sel)); }
  function value(id) { var el = d.getElementById(id); return el ? el.value : ""; }

  function clear() {
    shown = { ids: null, marks: [], at: 0 };
    all(".hl").forEach(function (el) { el.classList.remove("hl"); });
    all("[aria-pressed=true]").forEach(function (el) { el.setAttribute("aria-pressed", "false"); });
  }

  function resetFilters() {
    ["filter-figure", "filter-outlet", "filter-severity"].forEach(function (id) {
      var el = d.getElementById(id); if (el) { el.value = ""; }
    });
    apply();
  }

  var shown = { ids: null, marks: [], at: 0 };

  function go(el) {
    el.scrollIntoView({ block: "center" });
    el.focus({ preventScroll: true });
  }

  function show(ids, trigger) {
    if (shown.ids === ids && shown.marks.length > 1 && trigger && trigger.getAttribute("aria-pressed") === "true") {
      shown.at = (shown.at + 1) % shown.marks.length;  // again: the next claim of the finding
      go(shown.marks[shown.at]);
      return;
    }
    clear();
    shown = { ids: ids, marks: [], at: 0 };
    var first = null;
    ids.split(" ").forEach(function (id) {
      var el = id ? d.getElementById(id) : null;
      if (!el) { return; }
      var article = el.closest("article");
      if (article && article.hidden) { resetFilters(); }
      var details = el.closest("details");
      if (details) { details.open = true; }
      el.classList.add("hl");
      shown.marks.push(el);
      if (!first) { first = el; }
    });
    if (trigger && trigger.hasAttribute("aria-pressed")) { trigger.setAttribute("aria-pressed", "true"); }
    if (first) { go(first); }
  }

  function apply() {
    var fig = value("filter-figure"), outlet = value("filter-outlet"), sev = value("filter-severity");
    all(".finding").forEach(function (li) {
      li.hidden = (fig && li.dataset.fig !== fig) || (sev && li.dataset.sev !== sev) ||
        (outlet && li.dataset.outlets.split(" ").indexOf(outlet) < 0);
    });
    all(".group").forEach(function (g) {
      g.hidden = g.querySelectorAll(".finding:not([hidden])").length === 0;
    });
    all(".figure[data-fig], .chart[data-fig]").forEach(function (s) { s.hidden = !!fig && s.dataset.fig !== fig; });
    all("tr[data-outlet], article[data-outlet]").forEach(function (el) { el.hidden = !!outlet && el.dataset.outlet !== outlet; });
    all("mark.claim").forEach(function (m) { m.classList.toggle("dim", !!fig && m.dataset.fig !== fig); });
  }

  // A claim's note stays inside its article (articles contain their paint, so that a page of
  // a thousand lays out only what is seen) and the window: shifted left when it would run past
  // the right edge, above the claim when it would run past the article's end.
  function place(ev) {
    var mark = ev.target.closest && ev.target.closest("mark.claim");
    var tip = mark && mark.querySelector(".tip");
    if (!tip) { return; }
    tip.style.left = "0px";
    tip.classList.remove("above");
    var frame = mark.closest("article"), edge = frame ? frame.getBoundingClientRect() : null;
    var low = Math.max(8, edge ? edge.left + 4 : 8);
    var high = Math.min(d.documentElement.clientWidth - 8, edge ? edge.right - 4 : Infinity);
    var box = tip.getBoundingClientRect();
    var shift = box.right > high ? high - box.right : 0;
    if (box.left + shift < low) { shift = low - box.left; }
    tip.style.left = shift + "px";
    if (edge && box.bottom > edge.bottom - 4) { tip.classList.add("above"); }
  }
  d.addEventListener("mouseover", place);
  d.addEventListener("focusin", place);

  d.addEventListener("click", function (ev) {
    if (ev.target.closest("summary mark")) { ev.preventDefault(); return; }  // a headline's claim: its note, not a toggle
    var target = ev.target.closest("[data-claims]");
    if (!target) { return; }
    ev.preventDefault();
    show(target.getAttribute("data-claims"), target);
  });
  d.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { clear(); return; }
    var target = ev.target.closest && ev.target.closest("svg [data-claims]");
    if (target && (ev.key === "Enter" || ev.key === " ")) {
      ev.preventDefault();
      show(target.getAttribute("data-claims"), target);
    }
  });
  ["filter-figure", "filter-outlet", "filter-severity"].forEach(function (id) {
    var el = d.getElementById(id); if (el) { el.addEventListener("change", apply); }
  });
  var button = d.getElementById("clear");
  if (button) { button.addEventListener("click", function () { clear(); resetFilters(); }); }
  window.addEventListener("beforeprint", function () { all("details").forEach(function (x) { x.open = true; }); });
}());
