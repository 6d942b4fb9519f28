// Reads every output format back with real parsers and validators, so tests can check that each says what the
// exit code says.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';

const fixture = (path: string) => new URL(`../fixtures/${path}`, import.meta.url).pathname;

export const WORD: Record<number, string> = {
  0: 'PASS',
  1: 'FAIL',
  3: 'INCOMPLETE',
  130: 'INCOMPLETE',
  143: 'INCOMPLETE',
};
export const VERDICT: Record<number, string> = { 0: 'pass', 1: 'fail', 3: 'incomplete' };

/** Validates XML against both Jenkins JUnit schemas with xmllint (Debian's libxml2-utils; .ci/run installs it). */
export function validateJunit(xml: string): void {
  expect(XMLValidator.validate(xml)).toBe(true);
  for (const xsd of ['junit/jenkins-junit.xsd', 'junit/xunit-plugin-junit-10.xsd']) {
    const result = spawnSync('xmllint', ['--nonet', '--noout', '--schema', fixture(xsd), '-'], {
      input: xml,
      encoding: 'utf8',
    });
    if (result.error) throw new Error('xmllint is missing: apt-get install libxml2-utils (.ci/run does)');
    expect(result.stderr, `${xsd}\n${xml.slice(0, 3000)}`).toMatch(/^- validates\s*$/);
    expect(result.status).toBe(0);
  }
}

export interface JunitCounts {
  tests: number;
  failures: number;
  errors: number;
  suites: { name: string; cases: Record<string, unknown>[] }[];
}

export function readJunit(xml: string): JunitCounts {
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => ['testsuite', 'testcase'].includes(name),
  }).parse(xml);
  const root = parsed.testsuites;
  const suites = (root.testsuite ?? []).map((s: { name: string; testcase?: Record<string, unknown>[] }) => ({
    name: s.name,
    cases: s.testcase ?? [],
  }));
  const cases = suites.flatMap((s: { cases: Record<string, unknown>[] }) => s.cases);
  expect(Number(root.tests)).toBe(cases.length);
  expect(Number(root.failures)).toBe(cases.filter((c: object) => 'failure' in c).length);
  expect(Number(root.errors)).toBe(cases.filter((c: object) => 'error' in c).length);
  return { tests: Number(root.tests), failures: Number(root.failures), errors: Number(root.errors), suites };
}

let sarifValidator: ((data: unknown) => boolean) | null = null;

/** Validates against the OASIS SARIF 2.1.0 schema (draft-04: its `id` read as `$id`). */
export function validateSarif(log: unknown): void {
  if (!sarifValidator) {
    const schema = JSON.parse(readFileSync(fixture('sarif/sarif-schema-2.1.0.json'), 'utf8'));
    delete schema.$schema;
    schema.$id = schema.id;
    delete schema.id;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    sarifValidator = ajv.compile(schema) as (data: unknown) => boolean;
  }
  const ok = sarifValidator(log);
  expect(ok, JSON.stringify((sarifValidator as unknown as { errors: unknown }).errors)?.slice(0, 2000)).toBe(
    true,
  );
}

let reportValidator: ((data: unknown) => boolean) | null = null;

/** Validates a JSON report against the shipped schema/report.schema.json. */
export function validateReport(report: unknown): void {
  if (!reportValidator) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats.default(ajv);
    const schema = JSON.parse(
      readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8'),
    );
    reportValidator = ajv.compile(schema) as (data: unknown) => boolean;
  }
  const ok = reportValidator(report);
  expect(ok, JSON.stringify((reportValidator as unknown as { errors: unknown }).errors)?.slice(0, 2000)).toBe(
    true,
  );
}

export interface Annotations {
  error: string[];
  warning: string[];
  notice: string[];
}

export function readGithub(text: string): Annotations {
  const lines = text.split('\n').filter(Boolean);
  for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) [^:]*::/);
  const of = (kind: string) => lines.filter((l) => l.startsWith(`::${kind} `));
  return { error: of('error'), warning: of('warning'), notice: of('notice') };
}

/** Every format of one run, checked against its exit code. */
export function expectOneVerdict(
  code: number,
  out: { text: string; json: string; junit: string; markdown: string; github: string; sarif: string },
): void {
  const word = WORD[code] ?? '?';
  expect(out.text.trimEnd().split('\n').at(-1)).toMatch(
    new RegExp(`^Verdict: ${word}: .*exit code ${code}\\)$`),
  );
  const json = JSON.parse(out.json);
  validateReport(json);
  expect([json.verdict, json.exitCode]).toEqual([VERDICT[code] ?? 'incomplete', code]);
  expect(out.markdown.split('\n')[0]).toMatch(new RegExp(`avma-check: ${word}$`));
  expect(out.markdown).toContain(`(exit code ${code})`);
  validateJunit(out.junit);
  const junit = readJunit(out.junit);
  const annotations = readGithub(out.github);
  const sarif = JSON.parse(out.sarif);
  validateSarif(sarif);
  const levels = new Set(sarif.runs[0].results.map((r: { level: string }) => r.level));
  expect(sarif.runs[0].invocations[0].exitCode).toBe(code);
  expect(annotations.notice.at(-1)).toMatch(
    new RegExp(`title=avma-check%3A ${word}::.*\\(exit code ${code}\\)$`),
  );
  if (code === 1) {
    expect(junit.failures).toBeGreaterThan(0);
    expect(annotations.error.length).toBeGreaterThan(0);
    expect(levels.has('error')).toBe(true);
  } else {
    expect(junit.failures).toBe(0);
    expect(annotations.error).toEqual([]);
    expect(levels.has('error')).toBe(false);
  }
  if (code === 0) {
    expect(junit.errors).toBe(0);
    expect(annotations.warning).toEqual([]);
    expect(levels.has('warning')).toBe(false);
  }
  if (code === 3) {
    expect(junit.errors).toBeGreaterThan(0);
    expect(annotations.warning.length).toBeGreaterThan(0);
    expect(levels.has('warning')).toBe(true);
  }
}
