// Relays on air (tiếp âm): while a relay entry's window is on, its approved source is pulled ONCE by one ffmpeg,
// however many loudspeakers and zones it reaches. ffmpeg normalises loudness and writes two outputs: PCM for the
// stream zones (relay-pcm.ts, read by each zone's feeder) and MP3 frames for the web players (the live hub, heard
// over the live socket). Dead air — the source fails, stalls, or is silent for BANTIN_RELAY_SILENCE_S — takes
// the relay off air (RelayAir: the compiler puts the fallback in its window), opens an incident, and the source is
// tried again with backoff; the first audible audio puts it back on air and closes the incident.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { Db } from '../../db/sqlite';
import type { Logger } from '../../log';
import { dayRange, scheduleOccurrences } from '../../domain/schedule/occurrences';
import { ZoneCalendar } from '../../domain/schedule/zone';
import { relayRepo } from '../../repos/relay-repo';
import { scheduleRepo, type ScheduleRow } from '../../repos/schedule-repo';
import type { RelayAir } from '../../services/relays/relay-air';
import type { EventBus } from '../../services/event-bus';
import { relayContentId, toScheduleInput } from '../../services/scheduling/timeline-input';
import type { RelaySourceService } from '../../services/relays/relay-source-service';
import { backoffCeiling } from '@bantin/protocol/core';
import { liveMp3Output, type LiveHub, type LivePublisher } from '../live/live-hub';
import { createFrameSplitter } from '../mp3-frames';
import { createRelayPcm, rmsDbfs, type RelayPcm } from './relay-pcm';

export const RELAY_RATE = 44_100;
/** Below this level audio counts as silence (a carrier with nothing on it). */
const SILENCE_DBFS = -50;
/** No audio at all for this long (connecting included) is a failed source. */
const STALL_MS = 8000;
const TICK_MS = 500;
const RELOAD_MS = 30_000;

export type IncidentReason = 'source_failed' | 'silence';

type Running = {
  row: ScheduleRow;
  feed: string;
  title: string;
  proc: ChildProcess | null;
  pcm: RelayPcm;
  publisher: LivePublisher | null;
  /** When audio last was louder than silence; when the current attempt started. */
  lastLoud: number;
  lastData: number;
  attemptAt: number;
  attempts: number;
  /** Waiting before the next attempt (dead air). */
  retryAt: number | null;
  incidentId: number | null;
  onAir: boolean;
};

/** ffmpeg: the source → loudness-normalised mono PCM on stdout and MP3 on fd 3. */
export function relayArgs(input: string): string[] {
  return [
    '-hide_banner',
    '-nostdin',
    '-v',
    'error',
    // HLS: a dead connection must fail, not hang (5 s without data is an error).
    ...(input === 'pipe:0' ? [] : ['-rw_timeout', '5000000']),
    '-i',
    input,
    '-vn',
    '-filter_complex',
    `[0:a]loudnorm=I=-16:TP=-1.5:LRA=11,aresample=${RELAY_RATE},aformat=sample_fmts=s16:channel_layouts=mono,asplit=2[pcm][mp3]`,
    '-map',
    '[pcm]',
    '-f',
    's16le',
    '-flush_packets',
    '1',
    'pipe:1',
    '-map',
    '[mp3]',
    ...liveMp3Output('pipe:3'),
  ];
}

export function createRelayEngine(deps: {
  db: Db;
  bus: EventBus;
  clock: () => number;
  tz: string;
  ffmpeg: string;
  hub: LiveHub;
  air: RelayAir;
  sources: Pick<RelaySourceService, 'checkApproved'>;
  silenceMs: number;
  log?: Logger;
}) {
  const cal = new ZoneCalendar(deps.tz);
  const running = new Map<number, Running>();
  let rows: ScheduleRow[] = [];
  let loadedAt = -Infinity;
  let stale = true;
  let closed = false;
  let busy: Promise<void> = Promise.resolve();

  const onNow = (row: ScheduleRow, now: number) => {
    const { fromDay, toDay } = dayRange(cal, now, now);
    return scheduleOccurrences(toScheduleInput(row), cal, fromDay, toDay).some((o) => o.start <= now && now < o.end);
  };

  const stopProcess = (r: Running) => {
    const p = r.proc;
    r.proc = null;
    if (p && p.exitCode === null) p.kill('SIGKILL');
    r.publisher?.end();
    r.publisher = null;
  };

  /** Dead air: off air, an incident (one per outage), and a retry after backoff. */
  const deadAir = async (r: Running, reason: IncidentReason, detail: string) => {
    stopProcess(r);
    const now = deps.clock();
    r.retryAt = now + Math.max(1000, backoffCeiling(r.attempts, { baseMs: 1000, capMs: 30_000 }));
    r.attempts++;
    if (r.incidentId === null) {
      r.incidentId = await relayRepo.openIncident(deps.db, {
        scheduleId: r.row.id,
        sourceId: r.row.relay_source_id!,
        reason,
        detail,
        at: now,
      });
      deps.log?.warn('relay dead air', { scheduleId: r.row.id, reason, detail });
      await deps.bus.emit('relay.incident', { scheduleId: r.row.id, sourceId: r.row.relay_source_id!, reason, at: now, open: true });
    }
    if (r.onAir) r.onAir = false;
    await deps.air.down(r.row.id);
  };

  /** The first audible audio of an attempt: on air (again). */
  const backOnAir = async (r: Running) => {
    r.onAir = true;
    r.attempts = 0;
    r.publisher = deps.hub.publish(r.feed, r.title);
    if (r.incidentId !== null) {
      await relayRepo.closeIncident(deps.db, r.incidentId, deps.clock());
      await deps.bus.emit('relay.incident', {
        scheduleId: r.row.id,
        sourceId: r.row.relay_source_id!,
        reason: null,
        at: deps.clock(),
        open: false,
      });
      r.incidentId = null;
    }
    await deps.air.up(r.row.id);
  };

  const attempt = async (r: Running) => {
    r.retryAt = null;
    const now = deps.clock();
    r.attemptAt = now;
    r.lastData = now;
    r.lastLoud = now;
    // The source is checked again at every connect: it may have been changed, unapproved or re-pointed (DNS).
    const check = await deps.sources.checkApproved(r.row.relay_source_id!);
    if (!check) return deadAir(r, 'source_failed', 'source not approved / nguồn chưa được duyệt');
    if (!check.ok) return deadAir(r, 'source_failed', `refused address: ${check.code}`);
    if (check.addresses.length === 0) return deadAir(r, 'source_failed', 'no address / không có địa chỉ');
    r.title = check.source.name;
    let err = '';
    const u = check.url;
    const hls = /\.m3u8$/i.test(u.pathname);
    // A stream (Icecast MP3/AAC) is fetched here, from the very address the guard checked, never following a
    // redirect, and piped into ffmpeg: nothing else is ever contacted. HLS needs ffmpeg to fetch its segments
    // itself (the playlist's own host only; see README "Relays").
    const proc = spawn(deps.ffmpeg, relayArgs(hls ? u.href : 'pipe:0'), { stdio: [hls ? 'ignore' : 'pipe', 'pipe', 'pipe', 'pipe'] });
    if (!hls) {
      const pinned = check.addresses[0]!;
      // TLS is loaded only by a ward that relays over HTTPS (it costs an idle server several MB).
      const get = u.protocol === 'https:' ? (await import('node:https')).get : http.get;
      const req = get(
        u,
        {
          headers: { 'user-agent': 'bantin-relay', 'icy-metadata': '0' },
          // The guard's address: no second DNS answer can point the relay elsewhere.
          lookup: (_host: string, _opts: unknown, cb: (err: Error | null, address: string, family: number) => void) =>
            cb(null, pinned, pinned.includes(':') ? 6 : 4),
          timeout: 5000,
        },
        (res) => {
          if (res.statusCode !== 200) {
            err = `HTTP ${res.statusCode}${res.headers.location ? ' (redirect refused / không theo chuyển hướng)' : ''}`;
            res.resume();
            proc.kill('SIGKILL');
            return;
          }
          res.pipe(proc.stdin!);
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (e) => {
        err = `fetch: ${e.message}`;
        proc.kill('SIGKILL');
      });
      proc.stdin!.on('error', () => undefined);
      proc.on('close', () => req.destroy());
    }
    r.proc = proc;
    const splitter = createFrameSplitter();
    proc.stdout!.on('data', (chunk: Buffer) => {
      if (r.proc !== proc) return;
      const t = deps.clock();
      r.lastData = t;
      r.pcm.write(chunk);
      if (rmsDbfs(chunk) > SILENCE_DBFS) {
        r.lastLoud = t;
        if (!r.onAir) void serial(() => backOnAir(r));
      }
    });
    (proc.stdio[3] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => {
      if (r.proc !== proc || !r.publisher) return;
      for (const f of splitter.push(chunk)) r.publisher.write(f);
    });
    proc.stderr!.on('data', (d: Buffer) => void (err = (err + d.toString()).slice(-500)));
    proc.on('error', (e) => void (err = String(e)));
    proc.on('close', (code) => {
      if (r.proc !== proc || closed) return;
      void serial(() => deadAir(r, 'source_failed', `ffmpeg exited ${code}: ${err.trim().slice(-200)}`));
    });
  };

  const start = (row: ScheduleRow) => {
    const r: Running = {
      row,
      feed: relayContentId(row.id),
      title: '',
      proc: null,
      pcm: createRelayPcm(RELAY_RATE),
      publisher: null,
      lastLoud: 0,
      lastData: 0,
      attemptAt: 0,
      attempts: 0,
      retryAt: null,
      incidentId: null,
      onAir: false,
    };
    running.set(row.id, r);
    return attempt(r);
  };

  const stop = async (id: number) => {
    const r = running.get(id);
    if (!r) return;
    running.delete(id);
    stopProcess(r);
    if (r.incidentId !== null) await relayRepo.closeIncident(deps.db, r.incidentId, deps.clock());
    // Its window is over: nothing is off air any more.
    await deps.air.up(id);
  };

  const tick = async () => {
    if (closed) return;
    const now = deps.clock();
    if (stale || now - loadedAt > RELOAD_MS) {
      rows = (await scheduleRepo.listActive(deps.db)).filter((s) => s.relay_source_id !== null);
      loadedAt = now;
      stale = false;
    }
    const want = new Set(rows.filter((s) => onNow(s, now)).map((s) => s.id));
    for (const id of [...running.keys()]) {
      const r = running.get(id)!;
      const row = rows.find((s) => s.id === id);
      // Gone, out of its window, or pointed at another source: stop (a changed entry starts afresh).
      if (!want.has(id) || !row || row.relay_source_id !== r.row.relay_source_id) await stop(id);
      else r.row = row;
    }
    for (const row of rows) if (want.has(row.id) && !running.has(row.id)) await start(row);
    for (const r of running.values()) {
      if (r.retryAt !== null) {
        if (now >= r.retryAt) await attempt(r);
        continue;
      }
      if (!r.proc) continue;
      if (now - r.lastData > STALL_MS) await deadAir(r, 'source_failed', 'no data / không nhận được dữ liệu');
      else if (now - r.lastLoud > deps.silenceMs)
        await deadAir(r, 'silence', `silent for ${Math.round((now - r.lastLoud) / 1000)} s / im lặng`);
    }
  };

  /** Everything that changes a relay runs one at a time. */
  const serial = (fn: () => Promise<void>) =>
    (busy = busy.then(fn, fn).catch((err: unknown) => deps.log?.error('relay engine step failed', { err })));
  // Twice a second while any relay entry exists; a ward without relays is looked at every half minute only (a busy
  // timer would keep the idle server from ever giving memory back). A changed schedule is looked at at once.
  let timer: NodeJS.Timeout | null = null;
  const arm = (ms: number) => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void serial(tick).then(() => arm(rows.length > 0 || running.size > 0 ? TICK_MS : RELOAD_MS));
    }, ms);
    timer.unref();
  };
  arm(0);
  deps.bus.on('schedule.changed', () => {
    stale = true;
    arm(0);
  });
  // A source changed, unapproved or deleted: its relays stop and start afresh (checked again) on the next step.
  deps.bus.on('relay-source.changed', ({ sourceId }) => {
    stale = true;
    void serial(async () => {
      for (const r of [...running.values()]) if (r.row.relay_source_id === sourceId) await stop(r.row.id);
    });
  });

  return {
    /** The decoded audio of a relay entry's feed (`relay:<id>`) for a zone's feeder, or null when it is not on air. */
    pcmOf(feed: string): RelayPcm | null {
      for (const r of running.values()) if (r.feed === feed && r.onAir) return r.pcm;
      return null;
    },
    /** The relays running now (dashboard, tests). */
    status: () =>
      [...running.values()].map((r) => ({
        scheduleId: r.row.id,
        name: r.row.name,
        source: r.title,
        feed: r.feed,
        onAir: r.onAir,
        incidentOpen: r.incidentId !== null,
        pid: r.proc?.pid ?? null,
      })),
    /** Runs one step now (tests). */
    step: () => serial(tick),
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await busy;
      for (const r of running.values()) stopProcess(r);
      running.clear();
    },
  };
}
export type RelayEngine = ReturnType<typeof createRelayEngine>;
