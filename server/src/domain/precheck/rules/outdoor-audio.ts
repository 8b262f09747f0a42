// Ads on outdoor LED screens carry no sound: the player mutes them. A reviewer who hears a jingle in
// the preview should know it will not be heard in the street, so this is information only.
import type { PrecheckRule } from '../types';

const RULE_ID = 'ad.outdoor_audio';

export const outdoorAudioRule: PrecheckRule = {
  id: RULE_ID,
  appliesTo: ['ad'],
  check(input) {
    if (input.hasAudio !== true) return [];
    return [
      {
        ruleId: RULE_ID,
        severity: 'info',
        span: null,
        field: 'media',
        message: {
          vi: 'Tệp có âm thanh: quảng cáo trên màn hình LED ngoài trời được phát không tiếng.',
          en: 'The media has an audio track: ads on outdoor LED screens are played muted.',
        },
      },
    ];
  },
};
