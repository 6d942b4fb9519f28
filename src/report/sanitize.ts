// biome-ignore-all lint/suspicious/noControlCharactersInRegex: matching control characters is what this file is for.
// Every string that came from a node, a guest or an input file passes here before it reaches a terminal.

const ESCAPE_SEQUENCES =
  // CSI ... final byte; OSC/DCS/APC/PM/SOS ... BEL or ST; any other two-byte escape
  /\u001b\[[0-?]*[ -/]*[@-~]?|\u001b[\]PX^_][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]?|\u009b[0-?]*[ -/]*[@-~]?/g;
// C0 and C1 controls, DEL, and bidirectional overrides that reorder what a reader sees.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export const MAX_DISPLAY_LENGTH = 200;

/** One line of plain text: escape sequences and controls removed, capped at `max` characters. */
export function sanitize(text: string, max = MAX_DISPLAY_LENGTH): string {
  const clean = text.replace(ESCAPE_SEQUENCES, '').replace(CONTROLS, ' ');
  const chars = Array.from(clean);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : clean;
}

/** For JSON: escapes what JSON.stringify leaves raw but a terminal would act on (C1 controls, bidi overrides). */
export function escapeJsonControls(json: string): string {
  return json.replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
