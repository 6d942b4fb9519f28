// YAML text -> a document with positions, or a ConfigError naming file, line and column of each syntax error.
import { type Document, LineCounter, parseDocument } from 'yaml';
import { ConfigError } from './config-error.js';

export interface YamlInput {
  doc: Document;
  lines: LineCounter;
  /** The plain data, aliases bounded so a YAML bomb cannot expand. */
  data: unknown;
}

export function readYaml(text: string, file: string): YamlInput {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const fail = (problems: { line: number | null; column: number | null; message: string }[]): never => {
    throw new ConfigError(
      file,
      problems.slice(0, 20).map((p) => ({ ...p, key: null })),
    );
  };
  if (doc.errors.length > 0) {
    fail(
      doc.errors.map((error) => {
        const { line, col } = lines.linePos(error.pos[0]);
        return {
          line,
          column: col,
          message: `invalid YAML: ${error.message.split('\n')[0] ?? 'cannot be parsed'}`,
        };
      }),
    );
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // The text after ': ' quotes the file (an alias name), which may be a secret pasted where it does not belong.
    const message = (error as Error).message.split(': ')[0];
    fail([{ line: null, column: null, message: `invalid YAML: ${message}` }]);
  }
  return { doc, lines, data };
}

/** JSON text -> data, or a ConfigError naming the file. */
export function readJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(file, [
      { line: null, column: null, key: null, message: `not valid JSON (${(error as Error).message})` },
    ]);
  }
}
