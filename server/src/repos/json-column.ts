// Decoding of the JSON text columns (target, recurrence, items, fields, tags…) into typed values, so the rest
// of the server only ever sees decoded records. A row whose JSON does not parse, or does not have the expected
// shape, fails here with an error naming the table, the row and the column, instead of as a TypeError later
// in whatever code first touched the value.

/** A stored row whose JSON column cannot be read as its documented shape. */
export class CorruptRowError extends Error {
  constructor(
    readonly table: string,
    readonly rowId: number | string,
    readonly column: string,
    reason: string,
  ) {
    super(`corrupt row ${table}#${rowId}: column ${column} ${reason}`);
    this.name = 'CorruptRowError';
  }
}

/** A cheap structural check: true when the parsed value has the column's shape. */
export type Shape<T> = (v: unknown) => v is T;

export type ColumnRef = { table: string; id: number | string; column: string };

/** Parses one JSON column and checks its shape; throws CorruptRowError naming the row when either fails. */
export function decodeJson<T>(text: string, ref: ColumnRef, shape: Shape<T>): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CorruptRowError(ref.table, ref.id, ref.column, 'is not valid JSON');
  }
  if (!shape(value)) throw new CorruptRowError(ref.table, ref.id, ref.column, 'does not have the expected shape');
  return value;
}

/** As decodeJson, for a nullable column: SQL NULL stays null. */
export const decodeNullableJson = <T>(text: string | null, ref: ColumnRef, shape: Shape<T>): T | null =>
  text === null ? null : decodeJson(text, ref, shape);

// --- Shapes shared by several tables ---

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isString = (v: unknown): v is string => typeof v === 'string';
export const arrayOf =
  <T>(item: Shape<T>): Shape<T[]> =>
  (v: unknown): v is T[] =>
    Array.isArray(v) && v.every(item);
export const isStringArray = arrayOf(isString);
export const isNumberArray = arrayOf(isNumber);
/** Optional keys may be absent; when present they must have the item's shape. */
export const optional = (o: Record<string, unknown>, key: string, shape: (v: unknown) => boolean) => o[key] === undefined || shape(o[key]);

export type ClockWindow = { start: string; end: string };
export const isClockWindow = (v: unknown): v is ClockWindow => isRecord(v) && isString(v.start) && isString(v.end);
export const isClockWindows = arrayOf(isClockWindow);

export type DeviceKind = 'led' | 'kiosk' | 'speaker';
const isDeviceKind = (v: unknown): v is DeviceKind => v === 'led' || v === 'kiosk' || v === 'speaker';
export const isDeviceKinds = arrayOf(isDeviceKind);

/** A stored target of a schedule or an alert: {deviceIds?, groupIds?, kinds?}, alerts add {all?}. */
export type StoredTarget = { deviceIds?: number[]; groupIds?: number[]; kinds?: DeviceKind[]; all?: boolean };
export const isStoredTarget = (v: unknown): v is StoredTarget =>
  isRecord(v) &&
  optional(v, 'deviceIds', isNumberArray) &&
  optional(v, 'groupIds', isNumberArray) &&
  optional(v, 'kinds', isDeviceKinds) &&
  optional(v, 'all', (x) => typeof x === 'boolean');
