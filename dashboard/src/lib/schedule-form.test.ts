import { describe, expect, it } from 'vitest';
import { checkForm, emptyForm, inputOf, speakerWindowProblem, whenOf } from './schedule-form';

const base = () => ({ ...emptyForm('2026-03-01', '2026-12-31'), contentId: 7, groupIds: [3] });

describe('schedule editor form', () => {
  it('asks for content, then a target, before anything else', () => {
    expect(checkForm({ ...base(), contentId: null })).toBe('editor.needWhat');
    expect(checkForm({ ...base(), groupIds: [] })).toBe('editor.needTarget');
    expect(checkForm(base())).toBeNull();
  });

  it('refuses a window that ends before it starts and a reversed date range', () => {
    expect(checkForm({ ...base(), windows: [{ start: '09:00', end: '08:00' }] })).toBe('editor.needWindow');
    expect(checkForm({ ...base(), dateTo: '2026-02-01' })).toBe('editor.needDates');
  });

  it('needs a DTSTART in an RRULE and days for a custom rule', () => {
    expect(checkForm({ ...base(), preset: 'rrule', rrule: 'RRULE:FREQ=DAILY' })).toBe('editor.needRrule');
    expect(checkForm({ ...base(), preset: 'rrule', rrule: 'DTSTART:20260301T060000\nRRULE:FREQ=DAILY' })).toBeNull();
    expect(checkForm({ ...base(), preset: 'custom', days: [] })).toBe('editor.needDays');
  });

  it('turns the broadcast preset into both loudspeaker slots every day', () => {
    expect(whenOf({ ...base(), preset: 'broadcast' })).toEqual({
      dateFrom: '2026-03-01',
      dateTo: '2026-12-31',
      daysOfWeek: [1, 2, 3, 4, 5, 6, 7],
      windows: [
        { start: '06:00', end: '06:30' },
        { start: '17:00', end: '17:30' },
      ],
    });
  });

  it('sends either a content or a playlist, and an ad share only for ads', () => {
    expect(inputOf(base())).toMatchObject({ contentId: 7, class: 'normal', target: { groupIds: [3], kinds: [], deviceIds: [] } });
    expect(inputOf(base())).not.toHaveProperty('adShare');
    const ads = inputOf({ ...base(), whatKind: 'playlist', playlistId: 2, cls: 'ads', adSharePct: 25 });
    expect(ads).toMatchObject({ playlistId: 2, adShare: 0.25 });
    expect(ads).not.toHaveProperty('contentId');
  });
});

describe('speaker windows in the schedule form', () => {
  const group = {
    id: 3,
    name: 'Tổ 9',
    description: '',
    geocode: null,
    broadcastSlots: [{ start: '06:00', end: '06:30' }],
    deviceIds: [5],
    createdAt: '',
  };
  const speaker = {
    id: 5,
    name: 'Loa tổ 9',
    kind: 'speaker',
    groupIds: [3],
    broadcastSlots: null,
  } as unknown as Parameters<typeof speakerWindowProblem>[1][number];
  it('refuses before saving a window reaching past the group’s broadcast slot, naming it and the slots', () => {
    const f = { ...base(), windows: [{ start: '06:18', end: '06:36' }] };
    expect(speakerWindowProblem(f, [speaker], [group])).toEqual({
      key: 'editor.speakerWindow',
      params: { window: '06:18–06:36', device: 'Loa tổ 9', slots: '06:00–06:30' },
    });
  });
  it('lets a relay play outside the slots (its windows are slots of their own), and sends its source', () => {
    const relay = { ...base(), whatKind: 'relay' as const, contentId: null, relaySourceId: 4, windows: [{ start: '18:00', end: '18:30' }] };
    expect(speakerWindowProblem(relay, [speaker], [group])).toBeNull();
    expect(checkForm(relay)).toBeNull();
    expect(checkForm({ ...relay, relaySourceId: null })).toBe('editor.needWhat');
    const body = inputOf(relay);
    expect(body).toMatchObject({ relaySourceId: 4 });
    expect(body).not.toHaveProperty('contentId');
    expect(body).not.toHaveProperty('playlistId');
    // A window across the slot's end: refused before saving for a content, fine for a relay.
    const across = [{ start: '06:18', end: '06:36' }];
    expect(speakerWindowProblem({ ...relay, windows: across }, [speaker], [group])).toBeNull();
    expect(speakerWindowProblem({ ...relay, windows: across, whatKind: 'content', contentId: 7 }, [speaker], [group])?.key).toBe(
      'editor.speakerWindow',
    );
  });
  it('accepts a window inside the slot, and says nothing for screens', () => {
    expect(speakerWindowProblem({ ...base(), windows: [{ start: '06:18', end: '06:28' }] }, [speaker], [group])).toBeNull();
    expect(
      speakerWindowProblem({ ...base(), groupIds: [], kinds: ['led'], windows: [{ start: '06:18', end: '06:36' }] }, [speaker], [group]),
    ).toBeNull();
  });
  it('accepts a window covering the whole slot (all day, 05:00–07:00), and refuses one that starts before it and ends inside', () => {
    for (const w of [
      { start: '00:00', end: '24:00' },
      { start: '05:00', end: '07:00' },
    ]) {
      expect(speakerWindowProblem({ ...base(), windows: [w] }, [speaker], [group])).toBeNull();
    }
    expect(speakerWindowProblem({ ...base(), windows: [{ start: '05:50', end: '06:10' }] }, [speaker], [group])?.params.window).toBe(
      '05:50–06:10',
    );
  });
});
