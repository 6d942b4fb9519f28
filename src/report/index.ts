// The formatter registry: its keys are the --format choices.
import { formatJson } from './json.js';
import { formatText } from './text.js';
import type { Formatter } from './types.js';

export const formatters = {
  json: formatJson,
  text: formatText,
} as const satisfies Record<string, Formatter>;

export type FormatName = keyof typeof formatters;
export const FORMAT_NAMES = Object.keys(formatters) as FormatName[];
