// Offers the records matching what is typed in a filter's record field (persons, organisations,
// sources), from /autocomplete/<kind>/: the field holds the chosen record's id, the list shows its name.
"use strict";
document.querySelectorAll("input[data-autocomplete]").forEach((input) => {
  const choices = document.getElementById(input.getAttribute("list"));
  let pending;
  input.addEventListener("input", () => {
    clearTimeout(pending);
    const query = input.value.trim();
    if (query.length < 2 || /^\d+$/.test(query)) return; // an id was picked, or too little to search
    pending = setTimeout(async () => {
      const response = await fetch(`${input.dataset.autocomplete}?${new URLSearchParams({ q: query })}`);
      if (!response.ok) return;
      const { results } = await response.json();
      choices.replaceChildren(...results.map(({ id, text }) => {
        const option = document.createElement("option");
        option.value = id;
        option.label = text;
        option.textContent = text;
        return option;
      }));
    }, 200);
  });
});
