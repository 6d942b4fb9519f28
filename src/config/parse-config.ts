// clusters.yaml text -> Config, or a ConfigError that names file, line and key for every problem.
import { LineCounter, parseDocument } from 'yaml';
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

export function parseConfig(text: string, file: string): Config {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      file,
      doc.errors.slice(0, MAX_PROBLEMS).map((error) => {
        const position = error.linePos?.[0];
        const message = error.message.split('\n')[0] ?? 'invalid YAML';
        return {
          line: position?.line ?? null,
          column: position?.col ?? null,
          key: null,
          message: `invalid YAML: ${message}`,
        };
      }),
    );
  }
  if (doc.contents === null)
    throw new ConfigError(file, [{ line: null, column: null, key: null, message: 'the file is empty' }]);

  const result = configSchema.safeParse(doc.toJS({ maxAliasCount: 100 }));
  if (!result.success) {
    const problems: ConfigProblem[] = [];
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const position = positionOfKey(doc, lines, issue.path, key);
          problems.push({
            line: position?.line ?? null,
            column: position?.column ?? null,
            key: keyPath([...issue.path, key]),
            message: 'unknown key (check its spelling against the README)',
          });
        }
        continue;
      }
      const position = positionOf(doc, lines, issue.path);
      problems.push({
        line: position?.line ?? null,
        column: position?.column ?? null,
        key: keyPath(issue.path),
        message: describeIssue(issue),
      });
    }
    throw new ConfigError(file, problems.slice(0, MAX_PROBLEMS));
  }

  const references = checkReferences(result.data);
  if (references.length > 0) {
    throw new ConfigError(
      file,
      references.slice(0, MAX_PROBLEMS).map(({ path, message }) => {
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
