import { describe, expect, it } from 'vitest';
import { visibleScreens } from './nav';

const ids = (roles: Parameters<typeof visibleScreens>[0]) => visibleScreens(roles).map((s) => s.id);

describe('visibleScreens', () => {
  it('shows an admin every screen but the announcers’ one', () => {
    expect(ids(['admin'])).toEqual([
      'overview',
      'content',
      'review',
      'schedules',
      'playlists',
      'layouts',
      'relays',
      'devices',
      'alerts',
      'reports',
      'cases',
      'users',
      'audit',
    ]);
  });

  it('hides users and audit from an editor', () => {
    const editor = ids(['editor']);
    expect(editor).not.toContain('users');
    expect(editor).not.toContain('audit');
    expect(editor).toContain('content');
  });

  it('shows audit but not users to a viewer', () => {
    expect(ids(['viewer'])).toContain('audit');
    expect(ids(['viewer'])).not.toContain('users');
  });

  it('unions the screens of several roles', () => {
    expect(ids(['reviewer', 'viewer'])).toContain('audit');
  });

  it('shows "Phát trực tiếp" to announcers only, after the alerts', () => {
    for (const role of ['admin', 'editor', 'reviewer', 'ad_reviewer', 'viewer'] as const) expect(ids([role]), role).not.toContain('announce');
    const both = ids(['editor', 'announcer']);
    expect(both.slice(both.indexOf('alerts'), both.indexOf('alerts') + 2)).toEqual(['alerts', 'announce']);
    expect(ids(['announcer'])).toContain('announce');
    expect(ids(['announcer'])).not.toContain('users');
  });
});
