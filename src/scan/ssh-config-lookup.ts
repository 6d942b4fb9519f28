// What an OpenSSH client config says for one host, evaluated as ssh does: the first value of a keyword wins
// (IdentityFile accumulates), Host patterns match the name as given, Match host the HostName, an Include sees
// its parent's state and cannot change it. Host names compare without case. Match exec is never run, and
// Match criteria avma-check cannot evaluate (exec, canonical, final, localnetwork, tagged, ...) never match.
import type { ConfigFile, ConfigLine, Criterion } from './ssh-config-file.js';

export interface LookupContext {
  localUser: string;
}

/** Keyword (lower case) -> values; IdentityFile's values accumulate. */
export type HostOptions = ReadonlyMap<string, readonly string[]>;

function patternMatches(pattern: string, text: string): boolean {
  const body = pattern
    .toLowerCase()
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`).test(text.toLowerCase());
}

/** OpenSSH's pattern lists: comma or space separated; a matching negated pattern wins over everything. */
export function matchesPatternList(patterns: readonly string[], text: string): boolean {
  let matched = false;
  for (const pattern of patterns.flatMap((p) => p.split(','))) {
    if (!pattern) continue;
    if (pattern.startsWith('!')) {
      if (patternMatches(pattern.slice(1), text)) return false;
    } else if (patternMatches(pattern, text)) matched = true;
  }
  return matched;
}

interface State {
  originalHost: string;
  options: Map<string, string[]>;
  context: LookupContext;
}

function currentHost(state: State): string {
  const hostname = state.options.get('hostname')?.[0];
  return hostname ? hostname.replace(/%h/g, state.originalHost).replace(/%%/g, '%') : state.originalHost;
}

function criterionMatches(criterion: Criterion, state: State): boolean | null {
  const argument = (criterion.argument ?? '').split(',');
  switch (criterion.name) {
    case 'all':
      return true;
    case 'host':
      return matchesPatternList(argument, currentHost(state));
    case 'originalhost':
      return matchesPatternList(argument, state.originalHost);
    case 'user':
      return matchesPatternList(argument, state.options.get('user')?.[0] ?? state.context.localUser);
    case 'localuser':
      return matchesPatternList(argument, state.context.localUser);
    default:
      return null;
  }
}

function matchLineMatches(criteria: readonly Criterion[], state: State): boolean {
  for (const criterion of criteria) {
    const result = criterionMatches(criterion, state);
    if (result === null) return false;
    if (result === criterion.negate) return false;
  }
  return criteria.length > 0;
}

function apply(lines: readonly ConfigLine[], state: State, active: boolean, neverMatch: boolean): void {
  let on = active;
  for (const line of lines) {
    switch (line.kind) {
      case 'host':
        on = !neverMatch && matchesPatternList(line.patterns, state.originalHost);
        break;
      case 'match':
        on = !neverMatch && matchLineMatches(line.criteria, state);
        break;
      case 'include':
        for (const file of line.files) apply(file.lines, state, on, neverMatch || !on);
        break;
      case 'option': {
        if (!on) break;
        const existing = state.options.get(line.keyword);
        if (line.keyword === 'identityfile')
          state.options.set(line.keyword, [...(existing ?? []), ...line.values]);
        else if (!existing) state.options.set(line.keyword, line.values);
        break;
      }
    }
  }
}

/** Every option the config sets for `host` (the name as given, before HostName). */
export function lookupHost(config: ConfigFile | null, host: string, context: LookupContext): HostOptions {
  const state: State = { originalHost: host, options: new Map(), context };
  if (config) apply(config.lines, state, true, false);
  return state.options;
}
