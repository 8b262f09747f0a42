import { describe, expect, it } from 'vitest';
import { can, canDecide, isReviewer } from './roles';

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
