// clusters.yaml text -> Config, or a ConfigError that names file, line and key for every problem.
import type { Document, LineCounter } from 'yaml';
import type { z } from 'zod';
import { checkReferences } from './check-references.js';
import { ConfigError, type ConfigProblem, keyPath } from './config-error.js';
import { describeIssue } from './describe-issue.js';
import { readYaml } from './parse-input.js';
import { positionOf, positionOfKey } from './positions.js';
import { type Config, configSchema } from './schema.js';

const MAX_PROBLEMS = 20;

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
  const { doc, lines, data } = readYaml(text, file);
  if (doc.contents === null)
    fail(file, [{ line: null, column: null, key: null, message: 'the file is empty' }]);

  const result = configSchema.safeParse(data, { reportInput: true });
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
