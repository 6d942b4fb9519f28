// ProxyJump values: "none", or comma-separated jump hosts, each [user@]host[:port] or ssh://[user@]host[:port]
// (an IPv6 address in brackets).

export interface JumpSpec {
  user: string | null;
  host: string;
  port: number | null;
}

function parsePort(text: string, spec: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!(port >= 1 && port <= 65535)) throw new Error(`"${spec}" has an invalid port`);
  return port;
}

function parseOne(spec: string): JumpSpec {
  const rest = spec.startsWith('ssh://') ? spec.slice(6).replace(/\/$/, '') : spec;
  const at = rest.lastIndexOf('@');
  const user = at >= 0 ? rest.slice(0, at) : null;
  const address = at >= 0 ? rest.slice(at + 1) : rest;
  let host = address;
  let port: number | null = null;
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(address);
  if (bracketed) {
    host = bracketed[1] ?? '';
    if (bracketed[2] !== undefined) port = parsePort(bracketed[2], spec);
  } else if (address.includes(':')) {
    const colon = address.lastIndexOf(':');
    host = address.slice(0, colon);
    port = parsePort(address.slice(colon + 1), spec);
  }
  if (!host || /[\s/]/.test(host) || user === '') throw new Error(`"${spec}" is not [user@]host[:port]`);
  return { user, host, port };
}

/** The jump hosts in order; [] for "none". Throws an Error that quotes the bad part. */
export function parseProxyJump(value: string): JumpSpec[] {
  if (value.trim().toLowerCase() === 'none') return [];
  return value.split(',').map((spec) => parseOne(spec.trim()));
}
