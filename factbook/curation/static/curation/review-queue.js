// The review queue: each decision is one key (shown on its button), unless a text field has the focus.
"use strict";
document.addEventListener("keydown", function (event) {
  if (event.ctrlKey || event.metaKey || event.altKey || event.target.closest("input, textarea, select")) return;
  const control = document.querySelector('[data-key="' + event.key.toLowerCase() + '"]');
  if (control) {
    event.preventDefault();
    control.click();
  }
});
