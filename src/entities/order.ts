/**
 * A person's name in its conventional order. Official Russian, Azerbaijani and Central Asian usage
 * writes the surname first before the given name and patronymic ("Nurlanov Aidar Serikoviç",
 * "Иванов Иван Иванович"); the display name, and the id made from it, put the surname last, as the
 * same person is written elsewhere ("Serik Primbetov", "Ivan Ivanovich Ivanov").
 *
 * A name is read as surname-first only when it has three words, the last a patronymic (Russian
 * -ович/-евич/-ич/-овна/-евна/-ична and their Latin spellings) and the first a surname by its ending.
 */
const PATRONYMIC =
  /^(?:\p{L}+(?:ovi[cč]h?|evi[cč]h?|ovna|evna|i[cč]hna|ович|евич|овна|евна|ична)|\p{L}+ovi[çc]|\p{L}+evi[çc])$/iu;
const SURNAME =
  /^\p{L}+(?:ov|ev|yov|ёв|ов|ев|in|ин|ova|eva|ова|ева|ina|ина|skiy|sky|ский|ская|yan|ян|enko|енко|zad[əae]|li|lı|lu|lü|oğlu)$/iu;

export function conventionalOrder(name: string): string {
  const words = name.trim().split(/\s+/);
  if (words.length !== 3) return name;
  const [surname, given, patronymic] = words as [string, string, string];
  if (!PATRONYMIC.test(patronymic) || !SURNAME.test(surname) || SURNAME.test(given)) return name;
  return `${given} ${patronymic} ${surname}`;
}
