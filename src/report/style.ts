import { styleText } from 'node:util';

type Format = Parameters<typeof styleText>[0];

export interface Style {
  readonly bad: (text: string) => string;
  readonly warn: (text: string) => string;
  readonly unknown: (text: string) => string;
  readonly good: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly strong: (text: string) => string;
}

export function makeStyle(color: boolean): Style {
  // styleText would drop colour itself when stdout is not a TTY; the caller has already decided.
  const paint = (format: Format) => (text: string) =>
    color ? styleText(format, text, { validateStream: false }) : text;
  return {
    bad: paint(['red', 'bold']),
    warn: paint('yellow'),
    unknown: paint('magenta'),
    good: paint('green'),
    dim: paint('dim'),
    strong: paint('bold'),
  };
}
