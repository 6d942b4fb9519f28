// The run's secrets, masked in what a node sent back: a node that was given the password can echo it (a script
// that logs its input, a hostile node), and its output goes into error messages, reports and --debug dumps that
// are pasted into bug reports and CI logs.
export const REDACTED = '[redacted]';

export type Redact = {
  text(text: string): string;
  bytes(bytes: Buffer): Buffer;
};

export function redactor(secrets: readonly (string | null | undefined)[]): Redact {
  const values = [...new Set(secrets.filter((s): s is string => typeof s === 'string' && s.length > 0))];
  // Longest first, so that a secret containing another is masked whole.
  values.sort((a, b) => b.length - a.length);
  const needles = values.map((value) => Buffer.from(value, 'utf8'));
  const mask = Buffer.from(REDACTED);
  return {
    text: (text) => values.reduce((out, value) => out.split(value).join(REDACTED), text),
    bytes: (bytes) =>
      needles.reduce((out, needle) => {
        if (out.indexOf(needle) < 0) return out;
        const parts: Buffer[] = [];
        let from = 0;
        for (let at = out.indexOf(needle); at >= 0; at = out.indexOf(needle, from)) {
          parts.push(out.subarray(from, at), mask);
          from = at + needle.length;
        }
        parts.push(out.subarray(from));
        return Buffer.concat(parts);
      }, bytes),
  };
}
