// A config written as JSON is read with JSON.parse, not the YAML parser with positions (a 0.7 MB config took
// about 0.7 s that way). YAML would refuse a key given twice, so such text is left to it, as is anything that is
// not JSON: the YAML parser then reports it with its line and column, as before.

/** The data of text that is plain JSON without a repeated key, or null when the YAML parser must read it. */
export function plainJson(text: string): { data: unknown } | null {
  const start = text.search(/\S/);
  const first = text.charCodeAt(start);
  // Only objects and arrays: a bare scalar is rarer than the YAML document it could also be.
  if (first !== 0x7b && first !== 0x5b) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  return repeatsAKey(text) ? null : { data };
}

/** Whether JSON text (known to be valid) has an object with the same key twice. One pass, one Set per object. */
export function repeatsAKey(text: string): boolean {
  // One entry per open object (its keys so far) or array (null).
  const open: (Set<string> | null)[] = [];
  let keyNext = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      let end = i + 1;
      let escaped = false;
      for (let d = text.charCodeAt(end); d !== 0x22 && end < text.length; d = text.charCodeAt(end)) {
        if (d === 0x5c) {
          escaped = true;
          end++;
        }
        end++;
      }
      const keys = open[open.length - 1];
      if (keyNext && keys) {
        const key = escaped ? (JSON.parse(text.slice(i, end + 1)) as string) : text.slice(i + 1, end);
        if (keys.has(key)) return true;
        keys.add(key);
      }
      keyNext = false;
      i = end;
    } else if (c === 0x7b) {
      open.push(new Set());
      keyNext = true;
    } else if (c === 0x5b) {
      open.push(null);
    } else if (c === 0x7d || c === 0x5d) {
      open.pop();
    } else if (c === 0x2c) {
      keyNext = open[open.length - 1] != null;
    }
  }
  return false;
}
