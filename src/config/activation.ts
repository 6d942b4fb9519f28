// Which guests use AVMA, as the config says (domain.md section 0): a per-VM declaration wins, then the first
// exception whose VM name pattern matches, then the default of the cluster (or of `defaults`); with none of
// them, AVMA is assumed.
import type { ActivationBasis, VmActivation } from '../model/facts.js';
import type { ActivationSettings, ClusterConfig, Config } from './schema.js';

export interface ResolvedActivation {
  activation: VmActivation;
  activationBasis: ActivationBasis;
}

/** A cluster's `activation` replaces that of `defaults` as a whole. */
export function activationSettingsOf(config: Config, cluster: ClusterConfig): ActivationSettings | undefined {
  return cluster.activation ?? config.defaults?.activation;
}

/**
 * Whether a VM name matches a pattern: `*` any run of characters, `?` one character, without regard to case,
 * the whole name. Linear in practice: no regular expression, so no pattern can make it backtrack for long.
 */
export function matchesVmPattern(pattern: string, name: string): boolean {
  const p = Array.from(pattern.toLowerCase());
  const t = Array.from(name.toLowerCase());
  let i = 0;
  let j = 0;
  let star = -1;
  let mark = 0;
  while (j < t.length) {
    if (i < p.length && (p[i] === '?' || p[i] === t[j])) {
      i++;
      j++;
    } else if (i < p.length && p[i] === '*') {
      star = i++;
      mark = j;
    } else if (star >= 0) {
      i = star + 1;
      j = ++mark;
    } else return false;
  }
  while (p[i] === '*') i++;
  return i === p.length;
}

export function resolveActivation(
  name: string,
  settings: ActivationSettings | undefined,
  declared?: VmActivation,
): ResolvedActivation {
  if (declared) return { activation: declared, activationBasis: 'declared' };
  for (const exception of settings?.exceptions ?? []) {
    const patterns = typeof exception.vms === 'string' ? [exception.vms] : exception.vms;
    if (patterns.some((pattern) => matchesVmPattern(pattern, name)))
      return { activation: exception.activation, activationBasis: 'pattern' };
  }
  if (settings?.default) return { activation: settings.default, activationBasis: 'default' };
  return { activation: 'avma', activationBasis: 'assumed' };
}
