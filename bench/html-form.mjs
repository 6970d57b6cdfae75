// What a browser's `new FormData(form)` holds for a server-rendered form, read from the HTML with
// the browser's rules (checked boxes only, selected options or a single select's first, no buttons,
// no disabled controls), so that a benchmark posts exactly what the page would.

const ENTITIES = { amp: "&", quot: '"', apos: "'", lt: "<", gt: ">", nbsp: "\u00a0" };

function decode(text) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity) => {
    if (entity[0] === "#") {
      const code = entity[1] === "x" || entity[1] === "X" ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1));
      return String.fromCodePoint(code);
    }
    return ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

function attributes(source) {
  const attrs = new Map();
  for (const m of source.matchAll(/([^\s"'=<>/]+)(?:\s*=\s*"([^"]*)")?/g)) attrs.set(m[1].toLowerCase(), decode(m[2] ?? ""));
  return attrs;
}

const NOT_SENT = new Set(["submit", "button", "image", "reset", "file"]);

/** The [name, value] pairs of the form whose id is `formId`, in document order. */
export function formEntries(html, formId) {
  const start = html.search(new RegExp(`<form\\b[^>]*\\bid="${formId}"`));
  if (start < 0) throw new Error(`no form #${formId} in the page`);
  const end = html.indexOf("</form>", start);
  const body = html.slice(start, end < 0 ? undefined : end);
  const entries = [];
  const controls = /<input\b([^>]*)>|<textarea\b([^>]*)>([\s\S]*?)<\/textarea>|<select\b([^>]*)>([\s\S]*?)<\/select>/g;
  for (const m of body.matchAll(controls)) {
    const attrs = attributes(m[1] ?? m[2] ?? m[4]);
    const name = attrs.get("name");
    if (!name || attrs.has("disabled")) continue;
    if (m[1] !== undefined) {
      const type = (attrs.get("type") ?? "text").toLowerCase();
      if (NOT_SENT.has(type)) continue;
      if ((type === "checkbox" || type === "radio") && !attrs.has("checked")) continue;
      entries.push([name, attrs.get("value") ?? (type === "checkbox" || type === "radio" ? "on" : "")]);
    } else if (m[2] !== undefined) {
      // The HTML parser drops one newline right after <textarea>.
      entries.push([name, decode(m[3]).replace(/^\r?\n/, "")]);
    } else {
      const options = [...m[5].matchAll(/<option\b([^>]*)>([\s\S]*?)<\/option>/g)]
        .map((o) => ({ attrs: attributes(o[1]), text: decode(o[2].replace(/<[^>]*>/g, "")).trim() }))
        .filter((o) => !o.attrs.has("disabled"));
      const chosen = options.filter((o) => o.attrs.has("selected"));
      // A single select sends its last selected option, or its first one when none is selected.
      const single = chosen.at(-1) ?? options[0];
      const sent = attrs.has("multiple") ? chosen : single ? [single] : [];
      for (const o of sent) entries.push([name, o.attrs.get("value") ?? o.text]);
    }
  }
  return entries;
}
