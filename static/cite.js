// Progressive enhancement of the citation form: the sources on record are
// searched as the curator types. Without JavaScript the Search button does
// the same, so nothing depends on this file.
(function () {
  "use strict";
  var q = document.getElementById("cite-q");
  if (!q || !window.fetch || !window.DOMParser) return;
  var timer = 0, seq = 0;
  q.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var n = ++seq;
      var params = new URLSearchParams(new FormData(q.form));
      fetch(q.form.action.split("?")[0] + "?" + params.toString(), { credentials: "same-origin" })
        .then(function (resp) { return resp.ok ? resp.text() : null; })
        .then(function (html) {
          if (html === null || n !== seq) return; // a later search is on its way
          var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("found-sources");
          var here = document.getElementById("found-sources");
          if (fresh && here) here.replaceWith(document.importNode(fresh, true));
        })
        .catch(function () { /* the Search button still works */ });
    }, 250);
  });
})();
