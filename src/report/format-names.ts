// The --format choices of each kind of result. The registries (report/index.ts, report/plan/index.ts,
// report/diff/index.ts) map exactly these names to formatters; kept apart so that --help loads no formatter.
export const REPORT_FORMATS = ['text', 'json', 'junit', 'markdown', 'github', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const PLAN_FORMATS = ['text', 'json', 'junit', 'markdown', 'github'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

export const DIFF_FORMATS = ['text', 'json', 'markdown'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** Formats that a person reads: the interactive view may still be shown when one of these goes to stdout. */
export const HUMAN_FORMATS: readonly string[] = ['text'];
