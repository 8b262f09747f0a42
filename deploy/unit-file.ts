// Reads a systemd unit file: sections of `Key=value` lines, comments and blank lines skipped; a key given
// more than once (Environment=) keeps every value in order.
import { readFileSync } from 'node:fs';

export type UnitFile = Record<string, Record<string, string[]>>;

export function parseUnitFile(text: string): UnitFile {
  const unit: UnitFile = {};
  let section: Record<string, string[]> | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      section = unit[header[1]!] ??= {};
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0 || section === null) throw new Error(`not a unit file line: ${line}`);
    (section[line.slice(0, eq).trim()] ??= []).push(line.slice(eq + 1).trim());
  }
  return unit;
}

export const readUnitFile = (file: string): UnitFile => parseUnitFile(readFileSync(file, 'utf8'));

/** The Environment= assignments of [Service], as one object (a later assignment wins, as in systemd). */
export function unitEnvironment(unit: UnitFile): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of unit.Service?.Environment ?? []) {
    for (const pair of line.split(/\s+/)) {
      const eq = pair.indexOf('=');
      if (eq > 0) env[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
  }
  return env;
}
