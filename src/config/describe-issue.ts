// What is wrong with one value of an input file, in words: a missing value is "required", a value of the wrong
// type names what was found (the value itself, unless its key may hold a secret).
import type { z } from 'zod';

/** Keys whose value may be a secret pasted by mistake: their value is never echoed, only its type. */
const SECRET_KEY = /pass(word|phrase)/i;

export function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      // reportInput tells a missing value (required) from one of the wrong type (the found type is named).
      return issue.input === undefined
        ? `required (${issue.message})`
        : `${issue.message}, not ${SECRET_KEY.test(String(issue.path.at(-1))) ? typeName(issue.input) : describeValue(issue.input)}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map(String).join(', ')}`;
    default:
      return issue.message;
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a mapping' : `a ${typeof value}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value === 'number' ? 'the number' : `the ${typeof value}`} ${String(value)}`;
}
