// npm run audit:verify — walks the audit hash chain and reports every edited, inserted or deleted row.
import { createAuditService } from '../services/accounts/audit-service';
import { openStore, runCli } from './common';

runCli(async () => {
  const { db, file } = await openStore();
  const audit = createAuditService({ db, clock: Date.now });
  const { rows, problems } = await audit.verify();
  await db.close();
  if (problems.length === 0) {
    process.stdout.write(`Nhật ký toàn vẹn / audit log intact: ${rows} rows (${file})\n`);
    return 0;
  }
  process.stdout.write(`NHẬT KÝ BỊ SỬA / AUDIT LOG TAMPERED: ${problems.length} problem(s) in ${rows} rows\n`);
  for (const p of problems) process.stdout.write(`  seq ${p.seq}: ${p.problem}\n`);
  return 2;
});
