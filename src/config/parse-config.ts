// clusters.yaml text -> Config, or a ConfigError that names file, line and key for every problem.
import { type Document, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { checkReferences } from './check-references.js';
import { ConfigError, type ConfigProblem, keyPath } from './config-error.js';
import { positionOf, positionOfKey } from './positions.js';
import { type Config, configSchema } from './schema.js';

const MAX_PROBLEMS = 20;

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `required (${issue.message})` : issue.message;
    case 'invalid_value':
      return `expected one of ${issue.values.map(String).join(', ')}`;
    default:
      return issue.message;
  }
}

function byPosition(a: ConfigProblem, b: ConfigProblem): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

function fail(file: string, problems: ConfigProblem[]): never {
  throw new ConfigError(file, problems.sort(byPosition).slice(0, MAX_PROBLEMS));
}

function schemaProblems(
  doc: Document,
  lines: LineCounter,
  issues: readonly z.core.$ZodIssue[],
): ConfigProblem[] {
  return issues.flatMap((issue): ConfigProblem[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const position = positionOfKey(doc, lines, issue.path, key);
        return {
          line: position?.line ?? null,
          column: position?.column ?? null,
          key: keyPath([...issue.path, key]),
          message: 'unknown key (check its spelling against the README)',
        };
      });
    }
    const position = positionOf(doc, lines, issue.path);
    return [
      {
        line: position?.line ?? null,
        column: position?.column ?? null,
        key: keyPath(issue.path),
        message: describeIssue(issue),
      },
    ];
  });
}

export function parseConfig(text: string, file: string): Config {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    fail(
      file,
      doc.errors.map((error) => {
        const { line, col } = lines.linePos(error.pos[0]);
        const message = error.message.split('\n')[0] ?? 'cannot be parsed';
        return { line, column: col, key: null, message: `invalid YAML: ${message}` };
      }),
    );
  }
  if (doc.contents === null)
    fail(file, [{ line: null, column: null, key: null, message: 'the file is empty' }]);

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    fail(file, [
      { line: null, column: null, key: null, message: `invalid YAML: ${(error as Error).message}` },
    ]);
  }
  const result = configSchema.safeParse(data);
  if (!result.success) fail(file, schemaProblems(doc, lines, result.error.issues));

  const references = checkReferences(result.data);
  if (references.length > 0) {
    fail(
      file,
      references.map(({ path, message }) => {
        const position = positionOf(doc, lines, path);
        return {
          line: position?.line ?? null,
          column: position?.column ?? null,
          key: keyPath(path),
          message,
        };
      }),
    );
  }
  return result.data;
}
