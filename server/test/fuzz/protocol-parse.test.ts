// Regression for what the WebSocket fuzzer found: parseDeviceMessage promises never to throw, but a
// `type` nested 10,000 deep made its error message (JSON.stringify of the type) overflow the stack; the hub
// then answered error.v1 `internal` (the socket's 500).
import { describe, expect, it } from 'vitest';
import { parseDeviceMessage } from '@bantin/protocol';

const nested = (depth: number, open: string, close: string, inner = '') => open.repeat(depth) + inner + close.repeat(depth);

describe('parseDeviceMessage with a deeply nested type', () => {
  it.each([
    ['array', nested(10_000, '[', ']')],
    ['object', nested(10_000, '{"a":', '}', '1')],
    ['array 100,000 deep', nested(100_000, '[', ']')],
  ])('refuses a %s type as unknown_type without throwing', (_name, type) => {
    const r = parseDeviceMessage(`{"type":${type},"playerVersion":"1"}`);
    expect(r).toMatchObject({ ok: false, code: 'unknown_type' });
    if (!r.ok) expect(r.error.length).toBeLessThan(200);
  });

  it('still names a wrong type in its answer, cut short', () => {
    const r = parseDeviceMessage(JSON.stringify({ type: 'hello.v9' + 'x'.repeat(500) }));
    expect(r).toMatchObject({ ok: false, code: 'unknown_type' });
    if (!r.ok) expect(r.error).toMatch(/^unknown message type "hello\.v9x+/);
    if (!r.ok) expect(r.error.length).toBeLessThan(100);
  });
});
