import { describe } from 'vitest';
import { entityCases } from '../entities-helper.js';

describe('English entities', () => {
  entityCases([
    // Capitalised words in a document's title name its subject, not an organisation.
    [
      'The presidents signed the Treaty on Allied Relations and the Agreement on the establishment of a joint Investment Fund in Tashkent.',
      ['Tashkent=place:tashkent'],
      ['Allied', 'Investment'],
    ],
    // Two countries joined by a hyphen are the two countries, not a place of their own.
    [
      'Azerbaijan-Uzbekistan relations have reached a new level, the ministers said in Baku.',
      ['Azerbaijan=place:azerbaijan', 'Uzbekistan=place:uzbekistan'],
      ['azerbaijan-uzbekistan'],
    ],
    [
      "During President Ilham Aliyev's first state visit to Uzbekistan, the Declaration was signed.",
      ['Ilham Aliyev=person:ilham-aliyev', 'Uzbekistan=place:uzbekistan'],
      ['President'],
    ],
    [
      'After Uzbekistan became a member of the Organisation of Turkic States (OTS) in October 2019, relations grew.',
      [
        'Organisation of Turkic States=organization:organization-of-turkic-states',
        'OTS=organization:organization-of-turkic-states',
      ],
    ],
    [
      'Mirziyoyev gave examples of partnerships with Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Azerbaijan.',
      [
        'Kazakhstan=place:kazakhstan',
        'Kyrgyzstan=place:kyrgyzstan',
        'Tajikistan=place:tajikistan',
        'Turkmenistan=place:turkmenistan',
        'Mirziyoyev=person:shavkat-mirziyoyev',
      ],
    ],
    [
      'Relations are at the highest level, said President Ilham Aliyev in an interview with Uzbekistan National News Agency (UzA), Trend reports.',
      [
        'Trend=organization:trend',
        'UzA=organization:uzbekistan-national-news-agency',
        'Uzbekistan National News Agency=organization:uzbekistan-national-news-agency',
      ],
    ],
    [
      'Uzbekistan helped build a large school in Fuzuli in the liberated Garabagh, officials said.',
      ['Fuzuli=place:fuzuli', 'Garabagh=place:karabakh'],
    ],
    ['The foreign ministers of Azerbaijan, Turkiye and Uzbekistan met in Tashkent.', ['Turkiye=place:turkey']],
    // False friends
    ['In March the trend continued, and on Monday the talks resumed in earnest.', [], ['March', 'Monday', 'trend']],
    [
      'Undoubtedly, National Leader Heydar Aliyev played an exceptional role in the relations.',
      ['Heydar Aliyev=person:heydar-aliyev'],
      ['Undoubtedly', 'National Leader'],
    ],
  ]);
});
