// Remote strings through every formatter of every registry: no escape sequence, bell, bidi override or broken
// markup reaches a terminal or a file.
import { describe, expect, it } from 'vitest';
import { diffResult } from '../../src/analyze/diff.js';
import { DEFAULT_GATE } from '../../src/analyze/gate.js';
import { judgePlan } from '../../src/analyze/plan.js';
import { diffFormatters } from '../../src/report/diff/index.js';
import { DIFF_FORMATS, PLAN_FORMATS, REPORT_FORMATS } from '../../src/report/format-names.js';
import { reportFormatters } from '../../src/report/index.js';
import { planFormatters } from '../../src/report/plan/index.js';
import { render } from '../../src/report/types.js';
import { judged, NOW } from '../helpers/judgement.js';
import { hostile } from './lab.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const context = { color: false, exitCode: 1 };
const judgement = judged([hostile]);
const plan = judgePlan(
  [hostile],
  [{ title: 'drain \u001b[2JN2', changes: [{ kind: 'drain', cluster: hostile.name, node: 'N2' }] }],
  { now: NOW, expiryWarningDays: 30, ignore: null, baseline: null, gate: DEFAULT_GATE },
);
const diff = diffResult('a\u001b[31m.json', 'b.json', [
  { kind: 'vm-added', cluster: hostile.name, vm: 'vm\u001b[31m\u202eevil', verdict: 'at-risk' },
]);

describe('hostile strings', () => {
  it('the registries cover exactly the --format choices', () => {
    expect(Object.keys(reportFormatters).sort()).toEqual([...REPORT_FORMATS].sort());
    expect(Object.keys(planFormatters).sort()).toEqual([...PLAN_FORMATS].sort());
    expect(Object.keys(diffFormatters).sort()).toEqual([...DIFF_FORMATS].sort());
  });

  it.each(REPORT_FORMATS)('report %s prints no control character', (format) => {
    expect(render(reportFormatters[format], judgement, context)).not.toMatch(CONTROLS);
  });

  it.each(PLAN_FORMATS)('plan %s prints no control character', (format) => {
    expect(render(planFormatters[format], plan, context)).not.toMatch(CONTROLS);
  });

  it.each(DIFF_FORMATS)('diff %s prints no control character', (format) => {
    expect(render(diffFormatters[format], diff, context)).not.toMatch(CONTROLS);
  });

  it('the text report caps long remote strings', () => {
    const output = render(reportFormatters.text, judgement, context);
    expect(output.split('\n').every((line) => line.length < 1200)).toBe(true);
  });
});
