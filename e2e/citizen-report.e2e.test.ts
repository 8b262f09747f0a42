// A citizen's report (Phản ánh) in a real Chromium against the real server: filed on a kiosk while the server
// is down, it waits in the kiosk's outbox and reaches the restarted server exactly once; then the case runs
// through the real dashboard — the reviewer takes it on and forwards it to the ward police with a note, the
// police (viewer) see it, the reviewer closes it with an outcome — and the audit log shows every change.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { freePort, launchBrowser, skipBrowserTests, startServer, type RunningServer } from './harness';
import {
  createStaff,
  fetchSession,
  nav,
  queuedEvents,
  signInThroughLoginPage,
  until,
  type FetchSession,
} from './story-helpers';

const PASSWORD = 'e2e-case-staff-1';
const DESCRIPTION = 'Tin giả: phường thu phí 500.000đ mỗi hộ để cấp nước sạch';
const LINK = 'https://zalo.me/g/nhom-khu-pho-3?ref=chia-se&id=42';
type CaseRow = { id: number; eventId: string; status: string; description: string; phone: string | null; forwardNote: string | null };

describe.skipIf(skipBrowserTests)('citizen report: kiosk offline → case workflow in the dashboard', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bantin-e2e-cases-'));
  const adminPassword = 'e2e-cases-admin-1';
  let port = 0;
  let server: RunningServer | null = null;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];
  const start = () => startServer({ adminPassword, env: { PORT: String(port), BANTIN_DATA_DIR: dataDir } });

  beforeAll(async () => {
    port = await freePort();
    server = await start();
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('arrives exactly once after the server is back, and is handled, forwarded, seen by the police and closed', async () => {
    let admin: FetchSession = await fetchSession(server!, 'admin', adminPassword);
    await createStaff(
      admin,
      [
        { username: 'duyet', roles: ['reviewer'] },
        { username: 'congan', roles: ['viewer'] },
      ],
      PASSWORD,
    );

    // The kiosk: a portrait page, paired by its code.
    const kioskContext = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    contexts.push(kioskContext);
    const kiosk = await kioskContext.newPage();
    await kiosk.goto(server!.url + '/player/');
    const code = kiosk.getByTestId('pairing-code');
    await code.waitFor({ timeout: 15_000 });
    const claim = await admin('POST', '/api/pairing/claim', {
      code: await code.getAttribute('data-code'),
      device: { name: 'Kiosk một cửa', kind: 'kiosk', orientation: 'portrait' },
    });
    expect(claim.status).toBe(200);
    await kiosk.locator('[data-online="true"]').waitFor({ timeout: 20_000 });

    await server!.stop();
    server = null;
    await kiosk.locator('[data-online="false"]').waitFor({ timeout: 15_000 });

    // A citizen files the report with the server gone; a phone without consent is refused first.
    await kiosk.getByTestId('report-open').click();
    await kiosk.getByTestId('report-form').waitFor();
    await kiosk.getByTestId('report-category-false_news').click();
    await kiosk.getByTestId('report-platform-zalo').click();
    await kiosk.getByTestId('report-link').fill(LINK);
    await kiosk.getByTestId('report-description').fill(DESCRIPTION);
    await kiosk.getByTestId('report-phone').fill('0912 345 678');
    await kiosk.getByTestId('report-submit').click();
    await kiosk.getByRole('alert').filter({ hasText: 'đồng ý' }).waitFor();
    await kiosk.getByTestId('report-consent').check();
    await kiosk.getByTestId('report-submit').click();
    await kiosk.getByTestId('report-thanks').waitFor();
    const queued = await until(
      async () => {
        const q = await queuedEvents(kiosk, 'feedback');
        return q.length === 1 && q;
      },
      10_000,
      'the report queued in the kiosk outbox',
    );
    // The form returns to the loop on its own.
    await kiosk.getByTestId('report-open').waitFor({ timeout: 15_000 });

    server = await start();
    admin = await fetchSession(server, 'admin', adminPassword);
    await kiosk.locator('[data-online="true"]').waitFor({ timeout: 90_000 });
    await until(
      async () => (await queuedEvents(kiosk, 'feedback')).length === 0,
      60_000,
      () => `the outbox to drain\n${server?.output().slice(-3000)}`,
    );
    const reviewerApi = await fetchSession(server, 'duyet', PASSWORD);
    const cases = (await reviewerApi<{ cases: CaseRow[] }>('GET', '/api/cases')).body.cases;
    expect(cases.filter((c) => c.eventId === queued[0])).toHaveLength(1);
    expect(cases).toHaveLength(1);
    const id = cases[0]!.id;
    expect(cases[0]).toMatchObject({ status: 'new', description: DESCRIPTION, phone: '0912345678' });

    // The reviewer handles it in the dashboard: take on, then forward to the ward police with a note.
    const { page: reviewer, context: rc } = await signInThroughLoginPage(browser, server, 'duyet', PASSWORD, problems);
    contexts.push(rc);
    await nav(reviewer, 'Phản ánh');
    await reviewer.getByTestId(`case-open-${id}`).click();
    const detail = reviewer.getByTestId('case-detail');
    await expect(detail.getByTestId('case-link').innerText()).resolves.toBe(LINK);
    expect(await detail.locator('a').count()).toBe(0); // the typed link is text, never a link
    await detail.getByTestId('case-step-handling').click();
    await reviewer.getByTestId(`case-status-${id}`).filter({ hasText: 'Đang xử lý' }).waitFor();
    await detail.getByTestId('case-step-forwarded').click();
    await detail.getByTestId('case-error').waitFor(); // a forward needs a note
    await detail.locator('#case-note').fill('Chuyển đồng chí Tuấn, công an phường, xác minh nhóm Zalo');
    await detail.getByTestId('case-step-forwarded').click();
    await reviewer.getByTestId(`case-status-${id}`).filter({ hasText: 'Đã chuyển' }).waitFor();

    // The police see the forwarded case, with the note, and no step to take.
    const { page: police, context: pc } = await signInThroughLoginPage(browser, server, 'congan', PASSWORD, problems);
    contexts.push(pc);
    await nav(police, 'Phản ánh');
    await police.getByTestId(`case-open-${id}`).click();
    await police.getByTestId('case-note').filter({ hasText: 'đồng chí Tuấn' }).waitFor();
    await expect(police.getByTestId('case-phone').innerText()).resolves.toBe('0912345678');
    expect(await police.locator('[data-testid^="case-step-"]').count()).toBe(0);

    // The reviewer closes it with an outcome.
    await detail.locator('#case-outcome-select').selectOption('removed');
    await detail.getByTestId('case-step-closed').click();
    await reviewer.getByTestId(`case-status-${id}`).filter({ hasText: 'Đã đóng' }).waitFor();
    await reviewer.getByTestId('case-outcome').filter({ hasText: 'Đã gỡ' }).waitFor();

    // The audit log (read by the police too) shows each change with its actor, from → to and note.
    await nav(police, 'Nhật ký');
    const audit = police.getByTestId('audit-table');
    await audit.getByText('case.transition').first().waitFor();
    const rows = await audit.locator('tr').filter({ hasText: 'case.transition' }).allInnerTexts();
    expect(rows).toHaveLength(3);
    const text = rows.join('\n');
    expect(text).toContain('from: new; to: handling');
    expect(text).toContain('from: handling; to: forwarded; note: Chuyển đồng chí Tuấn');
    expect(text).toContain('from: forwarded; to: closed; outcome: removed');
    expect(rows.every((r) => r.includes('duyet') && r.includes(`case:${id}`))).toBe(true);
    expect(problems).toEqual([]);
  }, 300_000);
});
