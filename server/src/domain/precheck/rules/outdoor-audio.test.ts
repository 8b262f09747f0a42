import { describe, expect, it } from 'vitest';
import { DEFAULT_PRECHECK_SETTINGS } from '../types';
import { outdoorAudioRule } from './outdoor-audio';

const ctx = { now: 0, settings: DEFAULT_PRECHECK_SETTINGS };

describe('ad.outdoor_audio', () => {
  it('tells the reviewer that an ad with sound plays muted', () => {
    expect(outdoorAudioRule.check({ kind: 'ad', fields: {}, hasAudio: true }, ctx)).toEqual([
      expect.objectContaining({ ruleId: 'ad.outdoor_audio', severity: 'info', field: 'media', span: null }),
    ]);
  });

  it('says nothing for silent media or unknown audio', () => {
    expect(outdoorAudioRule.check({ kind: 'ad', fields: {}, hasAudio: false }, ctx)).toEqual([]);
    expect(outdoorAudioRule.check({ kind: 'ad', fields: {} }, ctx)).toEqual([]);
  });
});
