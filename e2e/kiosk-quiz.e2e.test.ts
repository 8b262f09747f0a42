// A citizen plays a round of the Code of Conduct quiz ("Tìm hiểu Bộ Quy tắc") on a kiosk in a real Chromium
// against the real server. The server stops in the middle of the round and starts again: every answer reaches
// it exactly once (rows counted in its SQLite file), and the score screen shows the right score,
// then gives the kiosk back to its loop when left alone.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import sqlite3 from 'sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { freePort, launchBrowser, skipBrowserTests, startServer, type RunningServer } from './harness';
import {
  EDITOR_AND_REVIEWER,
  approvedContent,
  claimPairing,
  createStaff,
  fetchSession,
  queuedEvents,
  until,
  vnDate,
} from './story-helpers';

const QUESTIONS = [
  {
    title: 'Xếp hàng nơi công cộng',
    body: 'Khi chờ làm thủ tục tại bộ phận một cửa, người dân nên làm gì?',
    answers: ['Chen lên trước cho nhanh', 'Lấy số và xếp hàng theo thứ tự'],
    correctIndex: 1,
    explanation: 'Bộ Quy tắc khuyến khích giữ trật tự, tôn trọng người đến trước.',
  },
  {
    title: 'Giữ gìn vệ sinh',
    body: 'Rác sinh hoạt nên bỏ ở đâu?',
    answers: ['Vào thùng rác đúng loại', 'Xuống lòng đường', 'Cạnh gốc cây'],
    correctIndex: 0,
    explanation: 'Phân loại và bỏ rác đúng nơi quy định giữ cho phố phường sạch đẹp.',
  },
];

/** The answer_index and correct of every stored quiz answer, read from the server's own SQLite file. */
function storedAnswers(dataDir: string): Promise<{ event_id: string; correct: number }[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(join(dataDir, 'bantin.db'), sqlite3.OPEN_READONLY, (err) => err && reject(err));
    db.all('SELECT event_id, correct FROM quiz_answers ORDER BY answered_at', (err, rows) => {
      db.close();
      if (err) reject(err);
      else resolve(rows as { event_id: string; correct: number }[]);
    });
  });
}

describe.skipIf(skipBrowserTests)('kiosk quiz: a round with the server stopped and restarted', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bantin-e2e-quiz-'));
  const adminPassword = 'e2e-quiz-admin-1';
  const password = 'e2e-quiz-staff-1';
  let port = 0;
  let server: RunningServer | null = null;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const start = () => startServer({ adminPassword, env: { PORT: String(port), BANTIN_DATA_DIR: dataDir } });

  beforeAll(async () => {
    port = await freePort();
    server = await start();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Answers the question on screen: right or wrong on purpose, by its text. */
  async function answer(right: boolean) {
    const text = await page.getByTestId('quiz-question').innerText();
    const q = QUESTIONS.find((x) => x.body === text.trim())!;
    expect(q).toBeTruthy();
    const index = right ? q.correctIndex : (q.correctIndex + 1) % q.answers.length;
    const button = page.getByTestId(`quiz-answer-${index}`);
    expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(64);
    await button.click();
    const verdict = page.getByTestId('quiz-verdict');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-correct')).toBe(right ? 'true' : 'false');
    expect(await page.getByTestId('quiz-explanation').innerText()).toBe(q.explanation);
  }

  it('asks the scheduled questions, shows each verdict and the score, and delivers every answer once', async () => {
    const admin = await fetchSession(server!, 'admin', adminPassword);
    await createStaff(admin, EDITOR_AND_REVIEWER, password);
    const editor = await fetchSession(server!, 'bientap', password);
    const reviewer = await fetchSession(server!, 'duyet', password);
    const today = vnDate();
    const when = {
      dateFrom: today,
      dateTo: vnDate(Date.now() + 86_400_000),
      daysOfWeek: [1, 2, 3, 4, 5, 6, 7],
      windows: [{ start: '00:00', end: '24:00' }],
    };
    for (const q of QUESTIONS) {
      const c = await approvedContent(editor, reviewer, { kind: 'quiz', articleUrl: 'https://example.vn/bo-quy-tac/dieu-5', ...q });
      const s = await editor('POST', '/api/schedules', { class: 'normal', contentId: c.id, target: { kinds: ['kiosk'] }, when });
      expect(s.status).toBe(201);
    }

    await page.goto(server!.url + '/player/');
    const claim = await claimPairing(page, admin, { name: 'Kiosk một cửa', kind: 'kiosk', orientation: 'portrait' });
    expect(claim.status).toBe(200);
    await page.getByTestId('player-stage').waitFor({ timeout: 15_000 });
    await page.locator('[data-online="true"]').waitFor({ timeout: 15_000 });

    const open = page.getByTestId('quiz-open');
    await open.waitFor({ timeout: 30_000 });
    expect(await open.innerText()).toContain('Tìm hiểu Bộ Quy tắc');
    expect((await open.boundingBox())!.height).toBeGreaterThanOrEqual(64);
    await open.click();
    expect(await page.getByTestId('feedback-form').count()).toBe(0);
    expect(await page.getByTestId('quiz-progress').innerText()).toBe('Câu 1 / 2');

    await answer(true);
    // The server goes away in the middle of the round.
    await server!.stop();
    server = null;
    await page.locator('[data-online="false"]').waitFor({ timeout: 10_000 });
    await page.getByTestId('quiz-next').click();
    expect(await page.getByTestId('quiz-progress').innerText()).toBe('Câu 2 / 2');
    await answer(false);
    await page.getByTestId('quiz-next').click();
    const score = page.getByTestId('quiz-score');
    await score.waitFor();
    expect(await score.getAttribute('data-score')).toBe('1');
    expect(await score.getAttribute('data-total')).toBe('2');
    expect(await score.innerText()).toContain('Ông/bà trả lời đúng 1/2 câu');
    expect(await score.innerText()).toContain('You got 1 of 2 right');
    expect((await queuedEvents(page, 'quiz')).length).toBeGreaterThan(0);

    server = await start();
    await page.locator('[data-online="true"]').waitFor({ timeout: 90_000 });
    await until(async () => (await queuedEvents(page, 'quiz')).length === 0, 60_000, 'the quiz queue to drain');
    const rows = await storedAnswers(dataDir);
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.event_id)).size).toBe(2);
    expect(rows.map((r) => r.correct)).toEqual([1, 0]);

    const viewer = await fetchSession(server, 'admin', adminPassword);
    const report = await viewer<{ total: { roundsPlayed: number; roundsFinished: number; averageScore: number } }>(
      'GET',
      `/api/quiz/report?from=${today}&to=${today}`,
    );
    expect(report.body.total).toMatchObject({ roundsPlayed: 1, roundsFinished: 1, averageScore: 0.5 });

    // Left alone, the score screen gives the kiosk back to its loop after the feedback form's idle minute.
    await page.getByTestId('quiz-open').waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('quiz-score').count()).toBe(0);
  }, 300_000);
});
