// The player's door to @bantin/protocol. Types come from the package (erased at build time); runtime code
// comes only from protocol's zod-free module (resolve.ts), imported by path: importing the package index
// would bundle zod (~30 KB gzip, measured) and break the player's 40 KB budget. The server validates what it
// sends; the player checks shapes by hand where it must (net/inbound.ts).
export { whatPlaysAt, findSegmentIndex } from '../../../protocol/src/resolve';
export { unpackTimeline } from '../../../protocol/src/packed';
export type { PlayingNow } from '../../../protocol/src/resolve';
export type { DeviceTimeline, MediaKind, MediaRef, PriorityClass, Segment, TextBody, TimelineItem } from '../../../protocol/src/timeline';
export type { AlertMessage, Command, DeviceToServer, Heartbeat, PlayRecord, ServerToDevice } from '../../../protocol/src/messages';
