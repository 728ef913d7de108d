// Correcting a claim's span by selecting words in its sentence: fills text, start and end
// (offsets in code points, as Python counts them) and moves the highlight.
"use strict";
(function () {
  function codePoints(text) { return Array.from(text).length; }

  function offsetIn(container, node, offset) {
    const range = document.createRange();
    range.setStart(container, 0);
    range.setEnd(node, offset);
    return codePoints(range.toString());
  }

  // Whole words: a selection that starts or ends inside a word takes all of it.
  function toWords(chars, start, end) {
    while (start < end && /\s/u.test(chars[start])) start++;
    while (end > start && /\s/u.test(chars[end - 1])) end--;
    while (start > 0 && !/\s/u.test(chars[start - 1])) start--;
    while (end < chars.length && !/\s/u.test(chars[end])) end++;
    return [start, end];
  }

  function mark(container, chars, start, end) {
    const highlight = document.createElement("mark");
    highlight.textContent = chars.slice(start, end).join("");
    container.replaceChildren(chars.slice(0, start).join(""), highlight, chars.slice(end).join(""));
  }

  function setField(id, value) {
    const field = document.getElementById(id);
    if (field) {
      field.value = value;
      field.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }

  function pick(container, status) {
    const selection = window.getSelection();
    if (!selection.rangeCount || selection.isCollapsed) return;
    const range = selection.getRangeAt(0);
    if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return;
    const chars = Array.from(container.textContent);
    const [start, end] = toWords(chars, offsetIn(container, range.startContainer, range.startOffset),
                                 offsetIn(container, range.endContainer, range.endOffset));
    if (start >= end) return;
    setField("id_text", chars.slice(start, end).join(""));
    setField("id_start", start);
    setField("id_end", end);
    mark(container, chars, start, end);
    selection.removeAllRanges();
    status.textContent = "Span set to characters " + start + "–" + end + " of the sentence. Save to keep it.";
  }

  document.addEventListener("DOMContentLoaded", function () {
    const container = document.querySelector("[data-span-picker]");
    if (!container || !document.getElementById("id_text")) return;
    const status = document.createElement("p");
    status.className = "span-picker-status";
    status.setAttribute("role", "status");
    status.textContent = "Select words in the highlighted sentence to make them the claim's span.";
    container.closest(".claim-context").after(status);
    container.addEventListener("mouseup", function () { pick(container, status); });
    container.addEventListener("keyup", function () { pick(container, status); });
  });
})();
