// Relay sources area for main.ts: the catalogue of external streams (nguồn tiếp âm) and the SSRF guard that
// checks their URLs, bound to this server's own public name and port so that it never relays itself.
import type { Base } from './base';
import type { AuditService } from '../services/accounts/audit-service';
import { createRelaySourceService } from '../services/relays/relay-source-service';
import { createRelayUrlGuard, publicHost } from '../services/relays/relay-url-guard';

export function composeRelays({ config, db, clock, bus }: Base, { audit }: { audit: AuditService }) {
  const relayUrlGuard = createRelayUrlGuard({ selfHosts: publicHost(config.publicUrl), selfPorts: config.port > 0 ? [config.port] : [] });
  const service = createRelaySourceService({ db, clock, audit, guard: relayUrlGuard });
  // What reaches the air follows a source's approved URL: every committed change is told to the compiler and the
  // relay engine (a deleted or unapproved source stops being relayed at once).
  const changed = async <T>(sourceId: number, result: T) => {
    await bus.emit('relay-source.changed', { sourceId });
    return result;
  };
  const relaySources: typeof service = {
    ...service,
    update: async (actor, id, input) => changed(id, await service.update(actor, id, input)),
    decide: async (actor, id, d) => changed(id, await service.decide(actor, id, d)),
    remove: async (actor, id) => changed(id, await service.remove(actor, id)),
  };
  return { relaySources, relayUrlGuard };
}
