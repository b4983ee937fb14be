// factlint HTML report: optional enhancements. Without this script the report is complete
// static content; with it, the reader gets severity filters, expand/collapse all, the
// marked span of the finding followed from the list outlined, notes beside their spans on wide
// screens, and every document open to print.
(function () {
  "use strict";
  var body = document.body;
  var severityOf = {};
  document.querySelectorAll(".note[data-n]").forEach(function (note) {
    severityOf[note.getAttribute("data-n")] = note.getAttribute("data-severity");
  });
  document.querySelectorAll(".controls").forEach(function (controls) { controls.hidden = false; });

  function hiddenSeverities() {
    var hidden = {};
    document.querySelectorAll("input[data-severity]").forEach(function (box) {
      if (!box.checked) { hidden[box.getAttribute("data-severity")] = true; }
    });
    return hidden;
  }

  function applyFilters() {
    var hidden = hiddenSeverities();
    ["error", "warning", "info"].forEach(function (severity) {
      body.classList.toggle("hide-" + severity, !!hidden[severity]);
    });
    document.querySelectorAll("mark[data-f]").forEach(function (mark) {
      var shown = mark.getAttribute("data-f").split(" ").some(function (n) { return !hidden[severityOf[n]]; });
      mark.classList.toggle("muted", !shown);
    });
  }
  document.querySelectorAll("input[data-severity]").forEach(function (box) {
    box.addEventListener("change", applyFilters);
  });

  function setAllOpen(open) {
    document.querySelectorAll("details.document").forEach(function (details) { details.open = open; });
  }
  document.querySelectorAll("button[data-open]").forEach(function (button) {
    button.addEventListener("click", function () { setAllOpen(button.getAttribute("data-open") === "true"); });
  });

  // Follow a link to a finding: open its document, outline its marked span, bring it into view.
  function showTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) { return; }
    var details = target.closest("details");
    if (details && !details.open) { details.open = true; }
    document.querySelectorAll("mark.current").forEach(function (mark) { mark.classList.remove("current"); });
    var match = /^f(\d+)$/.exec(id);
    if (match) {
      document.querySelectorAll("mark[data-f]").forEach(function (mark) {
        if (mark.getAttribute("data-f").split(" ").indexOf(match[1]) >= 0) { mark.classList.add("current"); }
      });
    }
    target.scrollIntoView({block: "center"});
  }
  window.addEventListener("hashchange", showTarget);

  // On a wide screen, each note sits in a margin beside its marked span instead of after the
  // line (a paragraph can be a screen tall); notes that would collide are pushed down.
  var wide = window.matchMedia("(min-width: 75rem)");
  function placeNotes() {
    document.querySelectorAll(".text").forEach(function (text) {
      var notes = text.querySelectorAll(".note");
      text.classList.toggle("side-notes", wide.matches);
      text.style.minHeight = "";
      notes.forEach(function (note) { note.style.top = ""; });
      if (!wide.matches || !text.offsetParent) { return; }
      var origin = text.getBoundingClientRect().top;
      var bottom = 0;
      notes.forEach(function (note) {
        if (note.offsetParent === null) { return; }  // filtered out
        var anchor = text.querySelector("#f" + note.getAttribute("data-n"));
        var top = Math.max(anchor ? anchor.getBoundingClientRect().top - origin : 0, bottom);
        note.style.top = top + "px";
        bottom = top + note.offsetHeight + 8;
      });
      text.style.minHeight = bottom + "px";
    });
  }
  wide.addEventListener("change", placeNotes);
  window.addEventListener("resize", placeNotes);
  document.querySelectorAll("details.document").forEach(function (details) {
    details.addEventListener("toggle", placeNotes);
  });
  document.querySelectorAll("input[data-severity]").forEach(function (box) {
    box.addEventListener("change", placeNotes);
  });
  placeNotes();
  showTarget();

  // Print every document, open or not, and put the page back as it was afterwards.
  var closedBeforePrint = [];
  window.addEventListener("beforeprint", function () {
    closedBeforePrint = Array.prototype.filter.call(document.querySelectorAll("details.document"), function (d) { return !d.open; });
    closedBeforePrint.forEach(function (details) { details.open = true; });
    document.querySelectorAll(".text").forEach(function (text) { text.style.minHeight = ""; });
  });
  window.addEventListener("afterprint", function () {
    closedBeforePrint.forEach(function (details) { details.open = false; });
    placeNotes();
  });
})();
