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
  // line (a paragraph can be a screen tall); notes that would collide are pushed down. All
  // measuring is done before any moving, so the page is laid out once, not once per note.
  var wide = window.matchMedia("(min-width: 75rem)");
  function placeNotes() {
    var texts = [];
    document.querySelectorAll("details.document").forEach(function (details) {
      var text = details.querySelector(".text");
      if (!text) { return; }
      var side = wide.matches && details.open;
      if (text.classList.contains("side-notes") || side) {
        text.classList.toggle("side-notes", side);
        text.style.minHeight = "";
      }
      if (side) { texts.push(text); }
    });
    var layouts = texts.map(function (text) {
      var origin = text.getBoundingClientRect().top;
      return Array.prototype.filter.call(text.querySelectorAll(".note"), function (note) {
        return note.offsetParent !== null;  // not filtered out
      }).map(function (note) {
        var anchor = text.querySelector("#f" + note.getAttribute("data-n"));
        return {note: note, top: anchor ? anchor.getBoundingClientRect().top - origin : 0, height: note.offsetHeight};
      });
    });
    texts.forEach(function (text, index) {
      var bottom = 0;
      layouts[index].forEach(function (placed) {
        var top = Math.max(placed.top, bottom);
        placed.note.style.top = top + "px";
        bottom = top + placed.height + 8;
      });
      text.style.minHeight = bottom + "px";
    });
  }
  var placing = false;
  function placeNotesSoon() {  // once per frame, however many documents opened at once
    if (placing) { return; }
    placing = true;
    requestAnimationFrame(function () { placing = false; placeNotes(); });
  }
  wide.addEventListener("change", placeNotesSoon);
  window.addEventListener("resize", placeNotesSoon);
  document.querySelectorAll("details.document").forEach(function (details) {
    details.addEventListener("toggle", placeNotesSoon);
  });
  document.querySelectorAll("input[data-severity]").forEach(function (box) {
    box.addEventListener("change", placeNotesSoon);
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
