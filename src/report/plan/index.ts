// The plan formatter registry: its keys are exactly plan's --format choices.
import type { PlanJudgement } from '../../analyze/plan.js';
import type { PlanFormat } from '../format-names.js';
import type { Formatter } from '../types.js';
import { formatPlanGithub } from './github.js';
import { formatPlanJson } from './json.js';
import { formatPlanJunit } from './junit.js';
import { formatPlanMarkdown } from './markdown.js';
import { formatPlanText } from './text.js';

export const planFormatters: Record<PlanFormat, Formatter<PlanJudgement>> = {
  github: formatPlanGithub,
  json: formatPlanJson,
  junit: formatPlanJunit,
  markdown: formatPlanMarkdown,
  text: formatPlanText,
};
