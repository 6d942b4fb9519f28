// The diff formatter registry: its keys are exactly diff's --format choices.
import type { DiffResult } from '../../analyze/diff.js';
import type { DiffFormat } from '../format-names.js';
import type { Formatter } from '../types.js';
import { formatDiffJson } from './json.js';
import { formatDiffMarkdown } from './markdown.js';
import { formatDiffText } from './text.js';

export const diffFormatters: Record<DiffFormat, Formatter<DiffResult>> = {
  json: formatDiffJson,
  markdown: formatDiffMarkdown,
  text: formatDiffText,
};
