// Importing the protocol before the app must not break route definitions (zod schemas shared with the
// player carry no OpenAPI extension).
import { expect, it } from 'vitest';

it('builds the app and its OpenAPI document when @bantin/protocol was imported first', async () => {
  await import('@bantin/protocol');
  const { createTestContext } = await import('../test/support/context');
  const t = await createTestContext();
  try {
    const doc = await (await t.request('/api/openapi.json')).json();
    expect(doc.paths['/api/devices/{id}/commands'].post.requestBody).toBeTruthy();
  } finally {
    await t.cleanup();
  }
});
