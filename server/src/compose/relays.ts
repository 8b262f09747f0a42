// Relay sources area for main.ts: the catalogue of external streams (nguồn tiếp âm) and the SSRF guard that
// checks their URLs, bound to this server's own public name and port so that it never relays itself.
import type { Base } from './base';
import type { AuditService } from '../services/accounts/audit-service';
import { createRelaySourceService } from '../services/relays/relay-source-service';
import { createRelayUrlGuard, publicHost } from '../services/relays/relay-url-guard';

export function composeRelays({ config, db, clock }: Base, { audit }: { audit: AuditService }) {
  const relayUrlGuard = createRelayUrlGuard({ selfHosts: publicHost(config.publicUrl), selfPorts: config.port > 0 ? [config.port] : [] });
  const relaySources = createRelaySourceService({ db, clock, audit, guard: relayUrlGuard });
  return { relaySources, relayUrlGuard };
}
