import { UserError } from './errors.js';

/** --now: a date (YYYY-MM-DD) or a full ISO timestamp. */
export function parseNow(text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const time = /^\d{4}-\d{2}-\d{2}(T.*)?$/.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(time)) throw new UserError(`--now ${text} is not a date`, 'use YYYY-MM-DD');
  return new Date(time);
}
