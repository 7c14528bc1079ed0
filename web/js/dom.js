// Small DOM builders shared by the views. Text always goes in as text nodes; the only HTML the
// page inserts is the API's snippet, in results-view.js.

import { formatDate } from './format.js';
import { markedSegments } from './query-words.js';

// Creates <tag> with `properties` (className, id, href, textContent, dataset…, and any attribute
// through `attributes`) and `children` (nodes or strings).
export function element(tag, properties = {}, children = []) {
  const { attributes = {}, dataset = {}, ...direct } = properties;
  const node = document.createElement(tag);
  Object.assign(node, direct);
  Object.assign(node.dataset, dataset);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

// `text` as nodes with the words of `terms` (query-words.js) in <mark>.
export function markedTextNodes(text, terms) {
  return markedSegments(text, terms).map((segment) =>
    segment.marked ? element('mark', { textContent: segment.text }) : document.createTextNode(segment.text));
}

// Fills a meta line with "date · source · author", leaving out the empty ones; hides it when
// there is nothing to show.
export function fillMetaLine(metaElement, fields) {
  const parts = [];
  if (fields.date) parts.push(element('time', { dateTime: fields.date, textContent: formatDate(fields.date) }));
  for (const text of [fields.source, fields.author]) {
    if (text) parts.push(document.createTextNode(text));
  }
  metaElement.replaceChildren();
  parts.forEach((part, index) => {
    if (index > 0) metaElement.append(' · ');
    metaElement.append(part);
  });
  metaElement.hidden = parts.length === 0;
}

// True for a click that should stay in this page (not ctrl/middle-click to a new tab).
export function isPlainLeftClick(event) {
  return event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey;
}

// Sets `node.textContent` only when it changes, so that an aria-live region does not announce
// the same words again after a redraw.
export function setTextIfChanged(node, text) {
  if (node.textContent !== text) node.textContent = text;
}
