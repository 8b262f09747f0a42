// The timeline compiler's public surface: compile, incremental recompile, validation and conflicts.
export type * from './types';
export { compileTimelines, compileDevice, createCompileCache } from './compile';
export type { CompileCache, CompiledProgram } from './compile';
export { affectedDevices, targetsDevice } from './targeting';
export type { Change } from './targeting';
