// Every letter and digit of the matched elements, drawn in the element's own computed font on a
// canvas, compared with the .notdef glyph of that font stack (U+10FFFF, a noncharacter no font
// has): a letter drawn exactly like it is an empty box. Returns the boxes and the letters checked.
async (selector) => {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 120;
  const context = canvas.getContext("2d", { willReadFrequently: true });
  function pixels(font, text) {
    context.clearRect(0, 0, canvas.width, canvas.height);
    context.font = font;
    context.textBaseline = "middle";
    context.fillText(text, 20, 60);
    return context.getImageData(0, 0, canvas.width, canvas.height).data.join(",");
  }
  const boxes = [];
  const checked = new Set();
  for (const element of document.querySelectorAll(selector)) {
    const family = getComputedStyle(element).fontFamily;
    const font = "48px " + family;
    const text = element.value !== undefined && element.tagName !== "LI" ? element.value : element.textContent;
    const letters = [...new Set([...text].filter((c) => /[\p{L}\p{N}]/u.test(c)))];
    for (const letter of letters) await document.fonts.load(font, letter);
    const notdef = pixels(font, "\u{10FFFF}");
    for (const letter of letters) {
      checked.add(letter);
      if (pixels(font, letter) === notdef) boxes.push(letter + " in " + family);
    }
  }
  const loaded = [...document.fonts].filter((face) => face.status === "loaded").map((face) => face.family);
  return { boxes, checked: [...checked].join(""), loaded };
}
