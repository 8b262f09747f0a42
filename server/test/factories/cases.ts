// Integration-test factories for citizens' reports: filed through the case service as a kiosk would (the
// socket path itself is tested in realtime/citizen-report.int.test.ts).
import { randomUUID } from 'node:crypto';
import type { CitizenReport } from '@bantin/protocol';
import type { CaseService } from '../../src/services/cases/case-service';
import type { Db } from '../../src/db/sqlite';
import { addDevice } from './retention';

export const addKiosk = (db: Db) => addDevice(db, { kind: 'kiosk' });

/** Files one report from `deviceId` and returns its case id. */
export async function fileReport(db: Db, cases: CaseService, deviceId: number, extra: Partial<CitizenReport> = {}): Promise<number> {
  const m: CitizenReport = {
    type: 'citizen-report.v1',
    eventId: randomUUID(),
    category: 'false_news',
    platform: 'facebook',
    description: 'Trang giả mạo UBND phường kêu gọi quyên góp',
    createdAt: 0,
    ...extra,
  };
  const r = await cases.ingest({ id: deviceId, kind: 'kiosk' }, m);
  if (!r.ok) throw new Error(`report refused: ${r.code}`);
  return (await db.get<{ id: number }>('SELECT id FROM citizen_reports WHERE event_id = ?', [m.eventId]))!.id;
}
