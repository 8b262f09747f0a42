import { describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLES, can, canDecide, isReviewer, type Permission } from './roles';

describe('can', () => {
  it('lets only editors write content', () => {
    expect(can(['editor'], 'content.write')).toBe(true);
    expect(can(['admin', 'reviewer', 'viewer'], 'content.write')).toBe(false);
  });

  it('lets admin and viewer read the audit log, and only admin manage users', () => {
    expect(can(['viewer'], 'audit.read')).toBe(true);
    expect(can(['viewer'], 'users.manage')).toBe(false);
    expect(can(['admin'], 'users.manage')).toBe(true);
  });
});

describe('canDecide', () => {
  it('sends ads to the ad reviewer and messages and clips to the reviewer', () => {
    expect(canDecide(['ad_reviewer'], 'ad')).toBe(true);
    expect(canDecide(['ad_reviewer'], 'message')).toBe(false);
    expect(canDecide(['reviewer'], 'clip')).toBe(true);
    expect(canDecide(['reviewer'], 'ad')).toBe(false);
    expect(isReviewer(['editor', 'viewer'])).toBe(false);
  });
});

describe('PERMISSIONS', () => {
  it('lets admin and editor change schedules, devices and reports, and a viewer change nothing', () => {
    for (const p of ['schedules.write', 'devices.write', 'reports.generate'] as const) {
      expect(can(['admin'], p) && can(['editor'], p)).toBe(true);
      expect(can(['viewer'], p)).toBe(false);
    }
    expect((Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(['viewer'], p))).toEqual(['audit.read']);
  });

  it('lets reviewers issue alerts as well as editors and admin', () => {
    expect(can(['reviewer'], 'alerts.issue')).toBe(true);
    expect(can(['ad_reviewer'], 'alerts.issue')).toBe(false);
  });
});

describe('announcer (phát thanh viên)', () => {
  it('is a role of its own: only announcers may speak live, and the role adds nothing else', () => {
    expect(ROLES).toContain('announcer');
    expect(can(['announcer'], 'live.announce')).toBe(true);
    for (const r of ['admin', 'editor', 'reviewer', 'ad_reviewer', 'viewer'] as const) expect(can([r], 'live.announce'), r).toBe(false);
    expect((Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(['announcer'], p))).toEqual(['live.announce']);
    // A recording becomes a clip through content.write: an editor who announces holds both roles.
    expect(can(['editor', 'announcer'], 'content.write') && can(['editor', 'announcer'], 'live.announce')).toBe(true);
  });
});
