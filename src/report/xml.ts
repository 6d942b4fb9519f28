// XML text: sanitised (no controls), escaped, and without what XML 1.0 cannot carry (lone surrogates, U+FFFE/F).
import { sanitize } from './sanitize.js';

const NOT_XML = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g;

export function xmlText(text: string, max = 4000): string {
  return sanitize(text, max)
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Multi-line XML text: each line sanitised and escaped on its own, line breaks kept, about `max` characters. */
export function xmlLines(text: string, max = 8000): string {
  const out: string[] = [];
  let left = max;
  for (const line of text.split('\n')) {
    if (left <= 0) {
      out.push('…');
      break;
    }
    out.push(xmlText(line, left));
    left -= line.length + 1;
  }
  return out.join('\n');
}
