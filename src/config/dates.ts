// Dates as people write them: YYYY-MM-DD or a full ISO 8601 time. An impossible date (2026-02-30) is an error,
// never a silent roll-over into the next month.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export function parseDate(text: string): Date | null {
  const match = ISO.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hours = '0', minutes = '0', seconds = '0'] = match.map(
    (part) => part ?? undefined,
  );
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return null;
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) return null;
  const time = Date.parse(text.trim());
  return Number.isNaN(time) ? null : new Date(time);
}
