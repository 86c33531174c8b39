// The query page: YASGUI on this archive's endpoint, the gallery's one-click examples, the row-cap note and
// a CSV link for the query in the editor. Plain script, no build step.
(function () {
  "use strict";
  var page = document.getElementById("yasgui");
  if (!page || typeof Yasgui === "undefined") return;
  var note = document.getElementById("row-cap-note");
  var csv = document.getElementById("csv-link");

  var yasgui = new Yasgui(page, {
    requestConfig: { endpoint: "/sparql", method: "POST" },
    copyEndpointOnNewTab: false,
    persistenceId: "dhakira-sparql",
    yasqe: { value: document.getElementById("initial-query").textContent }
  });

  function tab() {
    return yasgui.getTab();
  }

  function updateCsvLink() {
    var q = tab().getYasqe().getValue();
    csv.href = "/sparql?format=csv&query=" + encodeURIComponent(q);
  }

  // The endpoint says when the row cap cut an answer (X-Dhakira-Row-Cap: N; truncated); so does the page.
  var watched = typeof WeakSet === "function" ? new WeakSet() : null;
  function watch(t) {
    var yasqe = t.getYasqe();
    if (!yasqe || (watched && watched.has(yasqe))) return;
    if (watched) watched.add(yasqe);
    yasqe.on("queryResponse", function (_yasqe, response) {
      var r = response && (response.header ? response : response.response);
      var cap = r && r.header ? r.header["x-dhakira-row-cap"] : null;
      note.hidden = !(cap && cap.indexOf("truncated") >= 0);
    });
    yasqe.on("change", updateCsvLink);
  }

  yasgui.on("query", function (_yasgui, t) {
    note.hidden = true;
    watch(t);
  });
  yasgui.on("tabSelect", function () { setTimeout(function () { watch(tab()); updateCsvLink(); }, 0); });
  watch(tab());
  updateCsvLink();

  Array.prototype.forEach.call(document.querySelectorAll("button.example"), function (button) {
    button.addEventListener("click", function () {
      var query = document.getElementById("example-" + button.getAttribute("data-example")).textContent;
      var t = tab();
      watch(t);
      t.getYasqe().setValue(query);
      updateCsvLink();
      t.query();
    });
  });
})();
