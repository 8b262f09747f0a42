// `@bantin/protocol`: the contract between the bantin server and its screens and loudspeakers — the zod
// schemas (server side, tools) plus everything of the zod-free core (`@bantin/protocol/core`).
export * from './core/index';
export * from './timeline';
export * from './messages';
