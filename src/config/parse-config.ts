// clusters.yaml text -> Config, or a ConfigError that names file, line and key for every problem.
import type { Document, LineCounter } from 'yaml';
import type { z } from 'zod';
import { checkReferences } from './check-references.js';
import { ConfigError, type ConfigProblem, keyPath } from './config-error.js';
import { describeIssue } from './describe-issue.js';
import { readYaml, type YamlInput } from './parse-input.js';
import { plainJson } from './plain-json.js';
import { positionOf, positionOfKey } from './positions.js';
import { type Config, configSchema } from './schema.js';

const MAX_PROBLEMS = 20;

function byPosition(a: ConfigProblem, b: ConfigProblem): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

function fail(file: string, problems: ConfigProblem[]): never {
  throw new ConfigError(file, problems.sort(byPosition).slice(0, MAX_PROBLEMS));
}

type Positions = () => { doc: Document; lines: LineCounter } | null;

function schemaProblems(positions: Positions, issues: readonly z.core.$ZodIssue[]): ConfigProblem[] {
  const yaml = positions();
  const at = (path: readonly PropertyKey[], key?: string) =>
    yaml === null
      ? null
      : key === undefined
        ? positionOf(yaml.doc, yaml.lines, path)
        : positionOfKey(yaml.doc, yaml.lines, path, key);
  return issues.flatMap((issue): ConfigProblem[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const position = at(issue.path, key);
        return {
          line: position?.line ?? null,
          column: position?.column ?? null,
          key: keyPath([...issue.path, key]),
          message: 'unknown key (check its spelling against the README)',
        };
      });
    }
    const position = at(issue.path);
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

/**
 * JSON is parsed without positions; they are found (by the YAML parser, JSON being YAML) only when there is a
 * problem to report, so a problem has the same line and column in either form.
 */
export function parseConfig(text: string, file: string): Config {
  const json = plainJson(text);
  let yaml: YamlInput | null = json ? null : readYaml(text, file);
  if (yaml?.doc.contents === null)
    fail(file, [{ line: null, column: null, key: null, message: 'the file is empty' }]);
  const positions: Positions = () => {
    if (!yaml) {
      try {
        yaml = readYaml(text, file);
      } catch {
        return null;
      }
    }
    return yaml;
  };

  const result = configSchema.safeParse(json ? json.data : yaml?.data, { reportInput: true });
  if (!result.success) fail(file, schemaProblems(positions, result.error.issues));

  const references = checkReferences(result.data);
  if (references.length > 0) {
    fail(
      file,
      references.map(({ path, message }) => {
        const found = positions();
        const position = found && positionOf(found.doc, found.lines, path);
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
