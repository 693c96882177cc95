import { extractDatesRu } from './src/languages/ru/dates.js';

console.log(extractDatesRu('Около года назад ситуация была иной.', 0, new Date('2025-11-13T12:00:00Z')));
