// The overview's account table: sort by any column and filter by text and worst severity.
// The table is complete and ordered (most serious first) without this script; it only adds
// the controls, which stay hidden when scripts do not run.
(function () {
  "use strict";
  var table = document.getElementById("accounts");
  var controls = document.getElementById("account-controls");
  if (!table || !controls) {
    return;
  }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var search = document.getElementById("account-search");
  var worst = document.getElementById("account-worst");
  var shown = document.getElementById("account-shown");
  var rank = { high: 0, medium: 1, low: 2, none: 3 };

  function applyFilter() {
    var query = search.value.trim().toLowerCase();
    var wanted = worst.value;
    var count = 0;
    rows.forEach(function (row) {
      var visible =
        (query === "" || row.getAttribute("data-search").indexOf(query) !== -1) &&
        (wanted === "" ||
          row.getAttribute("data-worst") === wanted ||
          (wanted === "any" && row.getAttribute("data-worst") !== "none"));
      row.hidden = !visible;
      if (visible) {
        count += 1;
      }
    });
    shown.textContent = String(count);
  }

  function cellValue(row, column, numeric) {
    var cell = row.cells[column];
    var text = cell.getAttribute("data-sort") || cell.textContent.trim();
    return numeric ? Number(text) || 0 : text.toLowerCase();
  }

  function sortBy(column, numeric, descending) {
    var ordered = rows.slice().sort(function (a, b) {
      var x = cellValue(a, column, numeric);
      var y = cellValue(b, column, numeric);
      var order = x < y ? -1 : x > y ? 1 : 0;
      if (order === 0) {
        order = rank[a.getAttribute("data-worst")] - rank[b.getAttribute("data-worst")];
      }
      return descending ? -order : order;
    });
    ordered.forEach(function (row) {
      body.appendChild(row);
    });
  }

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, column) {
    var numeric = header.classList.contains("n");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    while (header.firstChild) {
      button.appendChild(header.firstChild);
    }
    header.appendChild(button);
    button.addEventListener("click", function () {
      // Numbers sort largest first on the first click, names A to Z.
      var descending = header.getAttribute("aria-sort") === (numeric ? "descending" : "ascending")
        ? !numeric
        : numeric;
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) {
        other.removeAttribute("aria-sort");
      });
      header.setAttribute("aria-sort", descending ? "descending" : "ascending");
      sortBy(column, numeric, descending);
    });
  });

  search.addEventListener("input", applyFilter);
  worst.addEventListener("change", applyFilter);
  controls.hidden = false;
  applyFilter();
})();
