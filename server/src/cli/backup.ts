// npm run backup -- FILE — online backup through SQLite's backup API, safe while the server runs.
import { backupDatabase } from '../services/accounts/backup-service';
import { openStore, runCli } from './common';

runCli(async () => {
  const dest = process.argv[2];
  if (!dest) {
    process.stderr.write('Cách dùng / usage: npm run backup -- FILE\n');
    return 64;
  }
  const { db } = await openStore();
  const r = await backupDatabase(db, dest);
  await db.close();
  process.stdout.write(`Đã sao lưu / backed up: ${r.file} (${r.bytes} bytes, integrity ok)\n`);
  return 0;
});
