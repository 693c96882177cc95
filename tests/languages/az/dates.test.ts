import { describe, expect, it } from 'vitest';
import { extractDatesAz } from '../../../src/languages/az/dates/index.js';
import { dateCases, REF } from '../dates-helper.js';

const cases: [string, string[]][] = [
  ['Azərbaycan ilə Özbəkistan arasında diplomatik əlaqələr 2 oktyabr 1995-ci ildə yaradılmışdır.', ['1995-10-02']],
  [
    'Prezidentin Azərbaycana 26-27 may 1996-cı il tarixdə ilk rəsmi səfəri xüsusi qeyd olunmalıdır.',
    ['1996-05-26/1996-05-27'],
  ],
  ['9 avqust 1998-ci il tarixində Prezident Yaltada görüşüb.', ['1998-08-09']],
  ['1966-cı ilin aprelində dağıdıcı zəlzələdən sonra bərpa başladı.', ['1966-04']],
  ['1996-cı ilin ortalarında səfirlik fəaliyyətə başlayıb.', ['1996~MID']],
  ['1998-ci ilin may ayında səfirlik fəaliyyətə başlayıb.', ['1998-05']],
  ['2008-ci ilin yanvar ayından etibarən səfir kimi fəaliyyət göstərir.', ['2008-01']],
  ['2006-cı ilin 11 avqust tarixində notada mövqe açıqlanmışdır.', ['2006-08-11']],
  ['Ötən əsrin 30-cu illərində kütləvi repressiyalar olub.', ['193X']],
  ['Prezident 2016-cı ildə seçilib.', ['2016']],
  ['23-24 mart 2004-cü il tarixdə Prezident dövlət səfərində olub.', ['2004-03-23/2004-03-24']],
];

describe('Azerbaijani dates (the project chrono locale)', () => {
  dateCases(extractDatesAz, cases);

  it('leaves the year of "Sentyabrın 12-də" to context', () => {
    const [d] = extractDatesAz('Sentyabrın 12-də prezidentlər mərasimdə iştirak ediblər.', 0, REF);
    expect(d?.value).toBe('XXXX-09-12');
    expect(d?.yearless).toBe(true);
  });

  it('reads "ötən il" relative to the reference year', () => {
    const [d] = extractDatesAz('Sonuncu iclas ötən il sentyabrın 8-9-da olmuşdur.', 0, REF);
    expect([d?.value, d?.relative]).toEqual(['2024-09-08/2024-09-09', true]);
  });
});
