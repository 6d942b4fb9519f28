// The report formatter registry: its keys are exactly the --format choices of check, scan and demo.
import type { Judgement } from '../analyze/judge.js';
import type { ReportFormat } from './format-names.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';
import type { Formatter } from './types.js';

export const reportFormatters: Record<ReportFormat, Formatter<Judgement>> = {
  github: formatGithub,
  json: formatJson,
  junit: formatJunit,
  markdown: formatMarkdown,
  sarif: formatSarif,
  text: formatText,
};
