// The SSRF guard of domain/relay-url.ts bound to this machine: names resolved with node:dns (every address,
// within a time limit), this host's interface addresses from node:os, and this server's own names and ports.
// The relay source service checks with it on save; the puller calls it again right before it connects.
import { lookup } from 'node:dns/promises';
import os from 'node:os';
import { checkRelayUrl, type LookupAll, type RelayUrlCheck } from '../../domain/relay-url';

export type RelayUrlGuard = (raw: string, opts: { allowPrivate: boolean }) => Promise<RelayUrlCheck>;

/** dns.lookup with all: true, refused (as unresolvable) after `timeoutMs`. */
export function lookupAll(timeoutMs = 5000): LookupAll {
  return async (hostname) => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`lookup of ${hostname} timed out`)), timeoutMs);
    });
    try {
      return await Promise.race([lookup(hostname, { all: true }), late]);
    } finally {
      clearTimeout(timer);
    }
  };
}

/** Every address of this host's network interfaces (loopback included). */
export function interfaceAddresses(): string[] {
  return Object.values(os.networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address));
}

/** The host of BANTIN_PUBLIC_URL, if it is set and parses. */
export function publicHost(publicUrl: string | null): string[] {
  if (!publicUrl) return [];
  try {
    return [new URL(publicUrl).hostname];
  } catch {
    return [];
  }
}

export function createRelayUrlGuard(deps: { selfHosts: readonly string[]; selfPorts: readonly number[]; lookup?: LookupAll; localAddresses?: () => string[] }): RelayUrlGuard {
  const resolve = deps.lookup ?? lookupAll();
  const local = deps.localAddresses ?? interfaceAddresses;
  return (raw, { allowPrivate }) =>
    checkRelayUrl(raw, { allowPrivate, lookup: resolve, selfHosts: deps.selfHosts, selfPorts: deps.selfPorts, localAddresses: local() });
}
