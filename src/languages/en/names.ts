/** The base form of an English name: without a possessive ending ("Aliyev's" → "Aliyev"). */
export function stripCaseEn(name: string): string {
  return name.replace(/['’]s?$/u, '');
}
