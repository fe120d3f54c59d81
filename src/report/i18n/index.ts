// The languages wen writes its report and bulletins in, each in its own file.
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import type { Lang, Messages } from './messages.js';

export { countryIn, formatDate, formatNumber, parseLang, termIn, type Lang, type Messages } from './messages.js';

const ALL: Record<Lang, Messages> = { en, fr, es };

export function messagesFor(lang: Lang): Messages {
  return ALL[lang];
}
