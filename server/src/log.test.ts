import { describe, expect, it } from 'vitest';
import { createLogger } from './log';

describe('createLogger', () => {
  it('writes one JSON object per line, with the child fields (request id) on every line', () => {
    const lines: string[] = [];
    const log = createLogger('info', { svc: 'bantin' }, (l) => lines.push(l)).child({ reqId: 'r-1' });
    log.info('request', { status: 200 });
    log.debug('hidden');
    log.error('boom', { err: new Error('x') });
    expect(lines).toHaveLength(2);
    const [a, b] = lines.map((l) => JSON.parse(l));
    expect(a).toMatchObject({ level: 'info', msg: 'request', svc: 'bantin', reqId: 'r-1', status: 200 });
    expect(b).toMatchObject({ level: 'error', reqId: 'r-1', err: { message: 'x' } });
  });
});
