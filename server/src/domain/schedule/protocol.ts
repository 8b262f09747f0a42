// The protocol types the compiler produces. Imported by relative path until protocol/src/index.ts
// re-exports './timeline' and './resolve'; then this can become `export * from '@bantin/protocol'`.
export * from '../../../../protocol/src/timeline';
export * from '../../../../protocol/src/resolve';
