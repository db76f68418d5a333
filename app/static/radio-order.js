// The program editor's running total: the chosen bulletins' seconds on air, with the
// program's frame (jingles, opening and close), against the slot's length. The server
// writes the same total into the page, so this only keeps it current while ticking.
(function () {
  "use strict";
  function mmss(seconds) {
    var s = Math.round(seconds);
    var rest = s % 60;
    return Math.floor(s / 60) + ":" + (rest < 10 ? "0" : "") + rest;
  }
  function update(total, table) {
    var sum = 0, chosen = 0;
    table.querySelectorAll("tbody tr[data-seconds]").forEach(function (row) {
      var box = row.querySelector("input[type=checkbox]");
      if (box && box.checked) {
        sum += Number(row.getAttribute("data-seconds")) || 0;
        chosen += 1;
      }
    });
    if (chosen) { sum += Number(total.getAttribute("data-frame")) || 0; }
    var over = sum > (Number(total.getAttribute("data-target")) || 0);
    total.querySelector(".order-total-value").textContent = mmss(sum);
    total.querySelector(".order-total-over").hidden = !over;
    total.classList.toggle("over", over);
  }
  document.addEventListener("DOMContentLoaded", function () {
    var total = document.getElementById("order-total");
    var table = document.querySelector("table.order");
    if (!total || !table) { return; }
    table.addEventListener("change", function () { update(total, table); });
    update(total, table);
  });
})();
