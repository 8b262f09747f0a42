// Shared start-up of the command-line tools: the same config and database the server uses.
import fs from 'node:fs';
import { loadConfig, ConfigError } from '../config';
import { openDb } from '../db/sqlite';
import { migrate } from '../db/migrate';
import { dbFile } from '../main';

export async function openStore() {
  const config = loadConfig(process.env);
  const file = dbFile(config);
  if (!fs.existsSync(file)) {
    throw new ConfigError(`Không thấy cơ sở dữ liệu / No database at ${file} (BANTIN_DATA_DIR=${config.dataDir})`);
  }
  const db = await openDb(file);
  await migrate(db);
  return { config, db, file };
}

export function runCli(main: () => Promise<number>) {
  main()
    .then((code) => process.exit(code))
    .catch((err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    });
}
