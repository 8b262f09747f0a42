// The contract between the bantin server and its screens and loudspeakers.
export * from './timeline';
export * from './resolve';
export * from './packed';
export * from './messages';
