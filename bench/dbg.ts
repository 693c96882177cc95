import { extractDatesEn } from '../src/languages/en/dates.js';
import { extractDatesRu } from '../src/languages/ru/dates.js';

const REF = new Date(Date.UTC(2025, 10, 13, 12));
const show = (f: typeof extractDatesEn, t: string) =>
  console.log(
    JSON.stringify(t),
    '→',
    f(t, 0, REF)
      .map((d) => `${d.text}=${d.value}${d.mod ? '~' + d.mod : ''}${d.relative ? ' (rel)' : ''}`)
      .join(' | '),
  );
for (const t of [
  'The talks were held on 18-19 June 1997 in Tashkent.',
  'He arrived on Monday.',
  'On Tuesday, November 11, the ministers met.',
  'Last week the sides met.',
  'In the summer of 2020 the school opened.',
  'In the 19th century, trade grew.',
  'in the early 20th century',
  'from 2015 to 2019',
  'between 2015 and 2019',
  'the late 1990s',
  'at 10:30 local time',
  'Windows 10 and version 2.0 were released',
  'a $2020 million deal',
  'two years ago',
  'earlier this year',
  'next month',
  'in 2024-25',
  'on 5/6/2023',
  'in Q1 2024',
  'the first half of 2024',
  'the 2010s',
  'September 2023',
])
  show(extractDatesEn, t);
for (const t of [
  'Встреча прошла 14-15 октября 2019 года.',
  'с 14 по 15 октября 2019 года',
  'летом 2020 года',
  'в XIX веке',
  'в начале XX века',
  'в прошлом году',
  'в этом году',
  'вчера',
  'два года назад',
  'в 1990-е годы',
  'в 90-х годах',
  'с 2015 по 2019 год',
  'в 2015–2019 годах',
  'более 20 лет',
  'в понедельник',
  'в конце ноября',
  'осенью 2021 года',
  'в первой половине 2024 года',
  'на прошлой неделе',
  '08 Октября 2025 16:56',
  'в 16:56',
])
  show(extractDatesRu, t.replace('–', '-'));
