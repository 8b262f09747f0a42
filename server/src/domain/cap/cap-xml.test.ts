import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { XmlError, childText, childrenNamed, localName, namespaceOf, parseXml } from './cap-xml';
import { readCap, repeatMinutes } from '../../services/alerts/cap-service';

const CAP = (body: string, ns = 'urn:oasis:names:tc:emergency:cap:1.2') => `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="${ns}">
  <identifier>KTTV-2026-001</identifier><sender>kttv@nchmf.gov.vn</sender><sent>2026-09-01T08:00:00+07:00</sent>
  ${body}
</alert>`;

describe('parseXml', () => {
  it('reads elements, attributes, entities, character references and CDATA', () => {
    const root = parseXml('<a x="1 &amp; 2"><b>Bão &lt;số 3&gt; &#272;&#x1EA1;</b><c/><![CDATA[<raw>]]></a>');
    expect(root.attrs.x).toBe('1 & 2');
    expect(childText(root, 'b')).toBe('Bão <số 3> Đạ');
    expect(root.children.map((c) => c.name)).toEqual(['b', 'c']);
    expect(root.text).toBe('<raw>');
  });

  it('refuses DOCTYPE and entity declarations (XXE, billion laughs)', () => {
    expect(() => parseXml('<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>')).toThrow(XmlError);
    expect(() => parseXml('<a>&x;</a>')).toThrow(/undeclared entity/);
    expect(() => parseXml('<a><?php evil ?></a>')).toThrow(/processing instructions/);
  });

  it('refuses malformed documents with a reason', () => {
    expect(() => parseXml('<a><b></a>')).toThrow(/closing tag/);
    expect(() => parseXml('<a>')).toThrow(/unclosed/);
    expect(() => parseXml('<a></a><b></b>')).toThrow(/more than one root/);
    expect(() => parseXml('<a x=1></a>')).toThrow(/attribute/);
    expect(() => parseXml('<a>AT&T</a>')).toThrow(XmlError);
    expect(() => parseXml('')).toThrow(/no root/);
    expect(() => parseXml('<a>' + '<b>'.repeat(40) + '</b>'.repeat(40) + '</a>')).toThrow(/deep/);
  });

  it('only ever throws XmlError on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        try {
          parseXml(s);
        } catch (e) {
          return e instanceof XmlError;
        }
        return true;
      }),
    );
  });

  it('knows local names and the namespace of prefixed roots', () => {
    const root = parseXml('<cap:alert xmlns:cap="urn:x"><cap:info/></cap:alert>');
    expect(localName(root)).toBe('alert');
    expect(namespaceOf(root)).toBe('urn:x');
    expect(childrenNamed(root, 'info')).toHaveLength(1);
  });
});

describe('readCap', () => {
  it('reads an Actual Alert with a Vietnamese info block and areas', () => {
    const m = readCap(
      CAP(`<status>Actual</status><msgType>Alert</msgType><scope>Public</scope>
      <info><language>en-US</language><event>Storm</event><urgency>Immediate</urgency><severity>Severe</severity><certainty>Observed</certainty><headline>Storm</headline></info>
      <info><language>vi-VN</language><event>Bão</event><urgency>Immediate</urgency><severity>Extreme</severity><certainty>Observed</certainty>
        <headline>Bão số 3</headline><description>Gió giật cấp 12</description><expires>2026-09-01T20:00:00+07:00</expires>
        <area><areaDesc>Tổ dân phố 5</areaDesc><geocode><valueName>MA_XA</valueName><value>00004</value></geocode></area></info>`),
    );
    expect(m).toMatchObject({ status: 'Actual', msgType: 'Alert', sender: 'kttv@nchmf.gov.vn', identifier: 'KTTV-2026-001' });
    expect(m.info).toMatchObject({ severity: 'Extreme', text: 'Bão số 3\nGió giật cấp 12', expires: Date.parse('2026-09-01T13:00:00Z') });
    expect(m.info!.areas).toEqual([{ desc: 'Tổ dân phố 5', geocodes: ['00004'] }]);
  });

  it('reads references as sender,identifier', () => {
    const m = readCap(CAP('<status>Actual</status><msgType>Cancel</msgType><scope>Public</scope><references>kttv@nchmf.gov.vn,KTTV-1,2026-09-01T08:00:00+07:00 x,y,z</references>'));
    expect(m.references).toEqual(['kttv@nchmf.gov.vn,KTTV-1', 'x,y']);
  });

  it('refuses another namespace, missing fields and bad dates with a 400 reason', () => {
    expect(() => readCap(CAP('<status>Actual</status><msgType>Alert</msgType><scope>Public</scope>', 'urn:oasis:names:tc:emergency:cap:1.1'))).toThrow(
      expect.objectContaining({ status: 400, code: 'cap_invalid' }),
    );
    expect(() => readCap(CAP('<msgType>Alert</msgType><scope>Public</scope>'))).toThrow(expect.objectContaining({ params: { reason: '<alert> needs <status>' } }));
    expect(() => readCap(CAP('<status>Actual</status><msgType>Alert</msgType><scope>Public</scope>').replace('2026-09-01T08:00:00+07:00', 'yesterday'))).toThrow(
      expect.objectContaining({ code: 'cap_invalid' }),
    );
    expect(() => readCap(CAP('<status>Real</status><msgType>Alert</msgType><scope>Public</scope>'))).toThrow(expect.objectContaining({ code: 'cap_invalid' }));
  });

  it('refuses oversize input with 413', () => {
    expect(() => readCap(CAP(`<note>${'x'.repeat(300 * 1024)}</note>`))).toThrow(expect.objectContaining({ status: 413 }));
  });
});

describe('repeatMinutes', () => {
  it.each([
    ['Immediate', 'Extreme', 'Observed', 5],
    ['Immediate', 'Severe', 'Likely', 5],
    ['Expected', 'Severe', 'Likely', 10],
    ['Future', 'Extreme', 'Possible', 30],
    ['Immediate', 'Moderate', 'Observed', 15],
    ['Expected', 'Moderate', 'Observed', 30],
    ['Immediate', 'Minor', 'Observed', 0],
    ['Immediate', 'Extreme', 'Unlikely', 0],
  ])('%s × %s × %s → every %i min', (u, s, c, n) => expect(repeatMinutes(u, s, c)).toBe(n));
});
