// `@bantin/protocol/core`: the zod-free half of the protocol — plain types of the timeline and of every
// message, the pure rules both ends share (what plays at t, packing, backoff, clock offset, targeting, roles,
// CSV, storage that never throws). The player imports only this entry; its bundle must never contain zod.
export * from './timeline';
export * from './packed';
export * from './quiz';
export * from './resolve';
export * from './messages';
export * from './backoff';
export * from './clock';
export * from './targeting';
export * from './roles';
export * from './csv';
export * from './citizen-report';
export * from './web-storage';
export * from './layout';
