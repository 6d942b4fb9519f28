import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { parsePlanFile } from '../../src/config/plan-file.js';

describe('plan file', () => {
  it('reads ordered steps', () => {
    const plan = parsePlanFile(
      'steps:\n  - name: first\n    drain: HV04\n  - upgrade: { HV03: 2025 }\n  - addNode: { name: HV06, release: "2025" }\n',
      'plan.yaml',
    );
    expect(plan.steps).toEqual([
      { name: 'first', drain: 'HV04' },
      { upgrade: { HV03: '2025' } },
      { addNode: { name: 'HV06', release: '2025', edition: 'datacenter' } },
    ]);
  });

  it.each([
    ['steps:\n  - drian: HV04\n', 2, /unknown key drian/],
    ['steps:\n  - upgrade: { HV03: "2030" }\n', 2, /not a release avma-check can plan/],
    ['steps:\n  - {}\n', 2, /a step needs drain, resume, evict, upgrade, edition or addNode/],
    ['steps: [\n', 2, /invalid YAML/],
  ])('refuses %j with the line', (text, line, message) => {
    try {
      parsePlanFile(text, 'plan.yaml');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems[0]?.line).toBe(line);
      expect((error as ConfigError).problems[0]?.message).toMatch(message);
      return;
    }
    throw new Error('expected a ConfigError');
  });
});
