// Progressive enhancement of the person fields: as the curator types, the
// people whose names hold the words are offered, each with their office,
// country and years. Without JavaScript the field takes a slug or a name,
// which the server resolves, so nothing depends on this file.
(function () {
  "use strict";
  if (!window.fetch) return;
  var inputs = document.querySelectorAll("input[data-people]");
  Array.prototype.forEach.call(inputs, function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    if (!list) return;
    var timer = 0, seq = 0;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) return;
      timer = setTimeout(function () {
        var n = ++seq;
        fetch(input.getAttribute("data-people") + "?q=" + encodeURIComponent(q), { credentials: "same-origin" })
          .then(function (resp) { return resp.ok ? resp.json() : null; })
          .then(function (items) {
            if (!items || n !== seq) return; // a later search is on its way
            while (list.firstChild) list.removeChild(list.firstChild);
            items.forEach(function (it) {
              var o = document.createElement("option");
              o.value = it.Value;
              o.textContent = it.Label;
              list.appendChild(o);
            });
          })
          .catch(function () { /* the field still takes a name or a slug */ });
      }, 200);
    });
  });
})();
