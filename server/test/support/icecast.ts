// A real Icecast 2 server for tests: its XML config, logs and pid in a temp dir, on a free loopback port, stopped
// (and its folder removed) by stop(). Icecast refuses to run as root, so a root test run starts it as nobody.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const ICECAST_BIN = '/usr/bin/icecast2';

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

export type TestIcecast = { port: number; pid: number; sourcePassword: string; status: () => Promise<IcecastStatus>; stop: () => Promise<void> };
export type IcecastSource = { listenurl: string; server_name?: string; server_type?: string };
export type IcecastStatus = { icestats: { source?: IcecastSource | IcecastSource[] } };

/** `clients`: how many listeners it admits (a bench connects hundreds). */
export async function startIcecast(opts: { clients?: number } = {}): Promise<TestIcecast> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bantin-icecast-'));
  const logs = path.join(dir, 'log');
  fs.mkdirSync(logs);
  fs.chmodSync(dir, 0o755);
  fs.chmodSync(logs, 0o777);
  const port = await freePort();
  const sourcePassword = 'source-pw-test';
  const config = path.join(dir, 'icecast.xml');
  fs.writeFileSync(
    config,
    `<icecast>
  <location>test</location><admin>test@localhost</admin>
  <limits><sources>8</sources><clients>${opts.clients ?? 20}</clients></limits>
  <authentication><source-password>${sourcePassword}</source-password><admin-user>admin</admin-user><admin-password>admin-pw-test</admin-password></authentication>
  <hostname>127.0.0.1</hostname>
  <listen-socket><port>${port}</port><bind-address>127.0.0.1</bind-address></listen-socket>
  <fileserve>1</fileserve>
  <paths><basedir>/usr/share/icecast2</basedir><logdir>${logs}</logdir><webroot>/usr/share/icecast2/web</webroot><adminroot>/usr/share/icecast2/admin</adminroot></paths>
  <logging><accesslog>access.log</accesslog><errorlog>error.log</errorlog><loglevel>2</loglevel></logging>
</icecast>`,
  );
  fs.chmodSync(config, 0o644);
  const asRoot = process.getuid?.() === 0;
  const [bin, args] = asRoot
    ? ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', ICECAST_BIN, '-c', config]]
    : [ICECAST_BIN, ['-c', config]];
  const child = spawn(bin, args, { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const status = async () => (await (await fetch(`http://127.0.0.1:${port}/status-json.xsl`)).json()) as IcecastStatus;
  const end = Date.now() + 20_000;
  for (;;) {
    try {
      await status();
      break;
    } catch (err) {
      if (Date.now() > end || child.exitCode !== null) throw new Error(`icecast did not start: ${String(err)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    port,
    pid: child.pid!,
    sourcePassword,
    status,
    async stop() {
      child.kill('SIGKILL');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The sources Icecast lists (its JSON gives one object, or an array for several). */
export const sourcesOf = (s: IcecastStatus): IcecastSource[] => {
  const src = s.icestats.source;
  return src === undefined ? [] : Array.isArray(src) ? src : [src];
};
