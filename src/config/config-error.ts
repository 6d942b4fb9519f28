/** One thing wrong in an input file, with where it is. */
export interface ConfigProblem {
  readonly line: number | null;
  readonly column: number | null;
  /** The key path, e.g. clusters[0].nodes[2].facts.edition. */
  readonly key: string | null;
  readonly message: string;
}

/** An input file that cannot be used: exit code 2, one line per problem, no stack. */
export class ConfigError extends Error {
  readonly file: string;
  readonly problems: readonly ConfigProblem[];

  constructor(file: string, problems: readonly ConfigProblem[]) {
    super(problems.map((problem) => formatProblem(file, problem)).join('\n'));
    this.name = 'ConfigError';
    this.file = file;
    this.problems = problems;
  }
}

export function formatProblem(file: string, problem: ConfigProblem): string {
  const where = problem.line === null ? file : `${file}:${problem.line}:${problem.column ?? 1}`;
  return problem.key ? `${where}: ${problem.key}: ${problem.message}` : `${where}: ${problem.message}`;
}

export function keyPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text ? `.${String(part)}` : String(part);
  }
  return text;
}
