// The timeline compiler's public surface: compile, incremental recompile, validation and conflicts.
export type * from './types';
export { compileTimelines, compileDevice, createCompileCache } from './compile';
export type { CompileCache, CompiledProgram } from './compile';
export { affectedDevices, targetsDevice } from './targeting';
export type { Change } from './targeting';
export { validateSchedule } from './validate';
export type { ScheduleIssue, ScheduleIssueCode, ScheduleStore, ValidateOptions } from './validate';
export { findConflicts } from './conflicts';
export type { Conflict, ConflictCode } from './conflicts';
export { DEFAULT_BROADCAST_SLOTS, DEFAULT_QUIET_HOURS } from './program';
export { DEFAULT_TZ } from './zone';
