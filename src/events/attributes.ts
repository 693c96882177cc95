/**
 * Readers of attribute values, named by the event types (`types.json` `attributes`): an amount of
 * money with its ISO 4217 currency, a quoted title.
 */
const AMOUNT =
  /(\$|US\$)?\s?(\d+(?:[.,]\d+)?)\s*(million|billion|thousand|миллион\p{L}*|миллиард\p{L}*|млн\.?|млрд\.?|тыс\.?|milyon|milyard|min)?\s*(dollars?|долл\p{L}*|dollar|USD|euros?|евро|avro|manat\p{L}*|AZN|рубл\p{L}*)?/iu;
const SCALE: [RegExp, number][] = [
  [/^(million|миллион|млн|milyon)/iu, 1e6],
  [/^(billion|миллиард|млрд|milyard)/iu, 1e9],
  [/^(thousand|тыс|min)/iu, 1e3],
];
const CURRENCY: [RegExp, string][] = [
  [/^(\$|US\$|dollar|долл|USD)/iu, 'USD'],
  [/^(euro|евро|avro)/iu, 'EUR'],
  [/^(manat|AZN)/iu, 'AZN'],
  [/^рубл/iu, 'RUB'],
];

export function readAmount(text: string): { amount: number; currency: string } | null {
  const re = new RegExp(AMOUNT.source, 'giu');
  for (const m of text.matchAll(re)) {
    const sym = m[1] ?? '';
    const cur = m[4] ?? sym;
    if (!cur || !m[2]) continue;
    const currency = CURRENCY.find(([r]) => r.test(cur))?.[1];
    if (!currency) continue;
    const scale = SCALE.find(([r]) => r.test(m[3] ?? ''))?.[1] ?? 1;
    return { amount: Math.round(Number(m[2].replace(',', '.')) * scale), currency };
  }
  return null;
}

/** A title in quotation marks ("…", «…», “…”), eight characters or more. */
export function readQuoted(text: string): string | undefined {
  const m = /"([^"]{8,200})"|«([^»]{8,200})»|“([^”]{8,200})”/u.exec(text);
  return m ? (m[1] ?? m[2] ?? m[3])?.trim() : undefined;
}

/**
 * Attribute readers by the name `types.json` uses (`"attributes": {"title": "quoted"}`): a reader's
 * value goes under the attribute's name; a record (an amount with its currency) is merged in whole.
 */
export type AttributeValue = string | number | Record<string, string | number> | undefined;

export const ATTRIBUTE_READERS: Record<string, (clause: string, sentence: string) => AttributeValue> = {
  amount: (clause) => readAmount(clause) ?? undefined,
  quoted: (clause, sentence) => readQuoted(clause) ?? readQuoted(sentence),
};
