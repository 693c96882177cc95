import { processText } from '../tests/helpers.js';

const t = process.argv[2] as string;
const d = processText(t);
console.log(d.sentences.map((s) => d.view.slice(s.start, s.end)));
console.log(d.entities.map((e) => `${e.text}=${e.entity}:${e.case ?? ''}`).join(' | '));
console.log(d.dates.map((e) => `${e.text}=${e.value}`).join(' | '));
for (const e of d.events)
  console.log(e.type, e.date?.value, JSON.stringify(e.participants), JSON.stringify(e.attributes));
