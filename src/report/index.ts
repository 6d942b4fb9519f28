// The formatter registry: its keys are the --format choices.
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatText } from './text.js';
import type { Formatter } from './types.js';

export const formatters = {
  github: formatGithub,
  json: formatJson,
  junit: formatJunit,
  markdown: formatMarkdown,
  text: formatText,
} as const satisfies Record<string, Formatter>;

export type FormatName = keyof typeof formatters;
export const FORMAT_NAMES = Object.keys(formatters) as FormatName[];
