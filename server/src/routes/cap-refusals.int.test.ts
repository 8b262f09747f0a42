// Every refusal of POST /api/alerts/cap over real HTTP, asked in Vietnamese and in English: each answer names its
// reason code and reads wholly in the asked language (the reason included), as the message table writes it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/support/realtime-server';
import { MESSAGES, type Lang, type MessageCode } from '../http/messages';

const now = Date.UTC(2026, 8, 1, 1, 0, 0);
let s: TestServer;
let editor: { cookie: string; csrf: string };

beforeAll(async () => {
  s = await startTestServer({ clock: () => now });
  editor = await s.createUser('cap-editor', ['editor']);
});
afterAll(() => s.stop());

const NS = 'urn:oasis:names:tc:emergency:cap:1.2';
const INFO = (extra = '') =>
  `<info><language>vi-VN</language><event>Bão</event><urgency>Immediate</urgency><severity>Extreme</severity><certainty>Observed</certainty>${extra}</info>`;
const cap = (body: string, opts: { ns?: string; sent?: string } = {}) =>
  `<?xml version="1.0" encoding="UTF-8"?><alert xmlns="${opts.ns ?? NS}"><identifier>KTTV-9</identifier><sender>kttv@example.vn</sender>` +
  `<sent>${opts.sent ?? '2026-09-01T08:00:00+07:00'}</sent>${body}</alert>`;
const ACTUAL = '<status>Actual</status><msgType>Alert</msgType><scope>Public</scope>';

/** [reason code, document] for every reason the CAP reader and the XML safety checks give. */
const INVALID: [MessageCode, string][] = [
  ['cap_xml_doctype', '<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>'],
  ['cap_xml_declaration', '<a><?php evil ?></a>'],
  ['cap_xml_bare_ampersand', '<a>AT&T</a>'],
  ['cap_xml_bad_char_ref', '<a>&#0;</a>'],
  ['cap_xml_undeclared_entity', '<a>&nbsp;</a>'],
  ['cap_xml_text_outside_root', 'chữ<a/>'],
  ['cap_xml_unterminated_comment', '<a><!-- chưa đóng</a>'],
  ['cap_xml_bad_cdata', '<![CDATA[x]]><a/>'],
  ['cap_xml_unexpected_close', '<a><b></a>'],
  ['cap_xml_malformed_close', '<a></a x>'],
  ['cap_xml_malformed_tag', '<a>< b/></a>'],
  ['cap_xml_two_roots', '<a/><b/>'],
  ['cap_xml_too_many_elements', `<a>${'<b/>'.repeat(5001)}</a>`],
  ['cap_xml_malformed_attribute', '<a x=1/>'],
  ['cap_xml_duplicate_attribute', '<a x="1" x="2"/>'],
  ['cap_xml_too_deep', '<a>'.repeat(40)],
  ['cap_xml_unclosed_element', `<alert xmlns="${NS}"><msgType>Alert`],
  ['cap_xml_no_root', '<!-- trống -->'],
  ['cap_wrong_root', cap(ACTUAL, { ns: 'urn:oasis:names:tc:emergency:cap:1.1' })],
  ['cap_missing_field', cap('<msgType>Alert</msgType><scope>Public</scope>')],
  ['cap_missing_field', cap(ACTUAL + '<info><event>Bão</event></info>')],
  ['cap_unknown_value', cap('<status>Real</status><msgType>Alert</msgType><scope>Public</scope>')],
  ['cap_unknown_value', cap('<status>Actual</status><msgType>Warn</msgType><scope>Public</scope>')],
  ['cap_bad_time', cap(ACTUAL, { sent: 'yesterday' })],
  ['cap_bad_time', cap(ACTUAL + INFO('<expires>tomorrow</expires>'))],
  ['cap_needs_info', cap(ACTUAL)],
  ['cap_expired', cap(ACTUAL + INFO('<expires>2026-08-31T08:00:00+07:00</expires>'))],
];

/** Words of the other language that must not appear (reason facts such as element names are not words). */
const ENGLISH =
  /\b(the|is|are|not|allowed|needs?|element|expired|unknown|unclosed|malformed|near|character|invalid|declarations?|tag|root|text|too|many|more)\b/i;
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

/** The table's text with its {params} as wildcards. */
const shape = (code: MessageCode, lang: Lang) =>
  MESSAGES[code][lang]
    .split(/\{\w+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');

async function refuse(body: string, lang: Lang, type = 'application/cap+xml') {
  const res = await s.http('/api/alerts/cap', {
    method: 'POST',
    body,
    headers: {
      'content-type': type,
      'accept-language': lang === 'vi' ? 'vi-VN,vi;q=0.9' : 'en-US,en;q=0.9',
      cookie: editor.cookie,
      'x-csrf-token': editor.csrf,
    },
  });
  return { status: res.status, body: (await res.json()) as { code: string; reasonCode?: string; detail: string; title: string } };
}

function expectOnlyLang(text: string, lang: Lang) {
  if (lang === 'vi') expect(text).not.toMatch(ENGLISH);
  else expect(text).not.toMatch(VIETNAMESE);
}

describe('POST /api/alerts/cap refusals in the asked language', () => {
  it.each(INVALID.flatMap(([code, doc]) => (['vi', 'en'] as const).map((lang) => [code, lang, doc] as const)))(
    '%s in %s',
    async (code, lang, doc) => {
      const { status, body } = await refuse(doc, lang);
      expect(status).toBe(400);
      expect(body.code).toBe('cap_invalid');
      expect(body.reasonCode).toBe(code);
      const [head, tail] = MESSAGES.cap_invalid[lang].split('{reason}');
      expect(body.detail.startsWith(head!) && body.detail.endsWith(tail!)).toBe(true);
      const reason = body.detail.slice(head!.length, body.detail.length - tail!.length);
      expect(reason).toMatch(new RegExp(`^${shape(code, lang)}$`, 's'));
      expectOnlyLang(body.detail.replace(/<[^>]*>|"[^"]*"|&\w+;|DOCTYPE|ENTITY|CDATA|CAP|YYYY-MM-DDThh:mm:ss\+07:00/g, ''), lang);
      expectOnlyLang(body.title, lang);
    },
  );

  it.each(['vi', 'en'] as const)('answers the other CAP refusals (size, type, reference, area) in %s too', async (lang) => {
    const refs = '<references>nobody,NOPE,2026-09-01T08:00:00+07:00</references>';
    const area = '<area><areaDesc>Phường khác</areaDesc></area><expires>2026-09-01T18:00:00+07:00</expires>';
    const cases: [number, MessageCode, string, string?][] = [
      [413, 'cap_too_large', cap(`<note>${'x'.repeat(300 * 1024)}</note>`)],
      [415, 'unsupported_media_type', cap(ACTUAL), 'text/plain'],
      [404, 'cap_reference_not_found', cap('<status>Actual</status><msgType>Cancel</msgType><scope>Public</scope>' + refs)],
      [422, 'cap_no_area_match', cap(ACTUAL + INFO(area))],
    ];
    for (const [status, code, doc, type] of cases) {
      const res = await refuse(doc, lang, type);
      expect([res.status, res.body.code]).toEqual([status, code]);
      expect(res.body.detail).toMatch(new RegExp(`^${shape(code, lang)}$`, 's'));
      expectOnlyLang(res.body.detail.replace(/CAP|[\w.@-]+,[\w-]+/g, ''), lang);
    }
  });
});
