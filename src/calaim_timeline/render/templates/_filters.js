(function () {
  "use strict";
  var closed = [];
  window.addEventListener("beforeprint", function () {
    closed = Array.prototype.slice.call(document.querySelectorAll("details:not([open])"));
    closed.forEach(function (details) { details.open = true; });
  });
  window.addEventListener("afterprint", function () {
    closed.forEach(function (details) { details.open = false; });
  });
}());
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-filter]"));
  // Each element's words, its cells' text joined by spaces: a phrase may run across cells.
  var texts = items.map(function (item) {
    var found = [], walker = document.createTreeWalker(item, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) { found.push(node.data); }
    return found.join(" ").replace(/\s+/g, " ").toLowerCase();
  });
  var groups = Array.prototype.slice.call(document.querySelectorAll("[data-group]"));
  var shown = document.getElementById("shown");
  function has(list, word) { return (" " + (list || "") + " ").indexOf(" " + word + " ") >= 0; }
  function apply() {
    var initiative = form.elements.initiative.value, kind = form.elements.kind.value;
    var change = form.elements.change.value;
    var words = form.elements.search.value.trim().replace(/\s+/g, " ").toLowerCase();
    var count = 0;
    items.forEach(function (item, index) {
      var keep = (!initiative || item.getAttribute("data-initiative") === initiative) &&
        (!kind || item.getAttribute("data-kind") === kind) &&
        (!change || has(item.getAttribute("data-change"), change)) &&
        (!words || texts[index].indexOf(words) >= 0);
      item.hidden = !keep;
      if (keep) { count += 1; }
    });
    groups.forEach(function (group) {
      group.hidden = group.querySelector("[data-filter]:not([hidden])") === null;
    });
    shown.textContent = count === items.length ? "Showing all " + count + "." :
      "Showing " + count + " of " + items.length + ".";
  }
  form.hidden = false;
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  apply();
}());
