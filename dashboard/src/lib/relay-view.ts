// What the relay sources screen shows a person: which buttons a row offers (admins write, reviewers decide,
// nobody decides on their own submission, as the server enforces) and the checks of the form before sending.
import type { Role } from './api';
import { can } from './permissions';
import type { RelaySource } from './relays-api';

export interface RelayRowActions {
  /** Edit and delete (admins only). */
  write: boolean;
  /** Approve and reject: a reviewer, on a waiting source that is not their own. */
  decide: boolean;
  /** A waiting source this reviewer added or changed: they may not decide on it. */
  own: boolean;
}

export function relayRowActions(source: RelaySource, roles: readonly Role[], userId: number | null): RelayRowActions {
  const reviewer = can(roles, 'review.content');
  const own = userId !== null && (source.createdBy?.id === userId || source.submittedBy?.id === userId);
  const waiting = source.state === 'submitted';
  return { write: can(roles, 'relays.manage'), decide: reviewer && waiting && !own, own: reviewer && waiting && own };
}

/** True when the approved address differs from the current one: the old one is still what plays. */
export function playsOldAddress(source: RelaySource): boolean {
  return source.approved !== null && (source.approved.url !== source.url || source.approved.allowPrivate !== source.allowPrivate);
}

export interface RelayDraft {
  name: string;
  url: string;
  allowPrivate: boolean;
}

export type RelayDraftError = 'form.needName' | 'form.needUrl';

/** The form's own checks (the server checks the address itself: scheme, private addresses, name lookup). */
export function relayDraftErrors(d: RelayDraft): Partial<Record<'name' | 'url', RelayDraftError>> {
  return { ...(d.name.trim() ? {} : { name: 'form.needName' as const }), ...(d.url.trim() ? {} : { url: 'form.needUrl' as const }) };
}
