/**
 * Reads what an agent typed to find an account: a phone number, an email address, a unit (with or
 * without its location), an account id or a name. Pure; no I/O.
 */

/** A parsed account search. Unit and location ids are upper-case, emails lower-case, phones 10 digits. */
export type AccountQuery =
  | { kind: 'phone'; digits: string }
  | { kind: 'email'; address: string }
  | { kind: 'unit'; unitId: string; locationId?: string }
  | { kind: 'id'; id: string }
  | { kind: 'name'; text: string };

/** The kinds answered by point reads (lookups or the account itself), never by a query. */
export const ACCOUNT_KEY_KINDS = ['phone', 'email', 'unit', 'id'] as const;

/** A unit id as the stores number them: one letter and 1-3 digits (A07, B112, P3, W05). */
const UNIT = String.raw`([a-z]\d{1,3})`;
/** A location id: 2-5 letters and 1-2 digits (PDX1). Never a single letter, so never a unit. */
const LOCATION = String.raw`([a-z]{2,5}\d{1,2})`;
const UNIT_WORD = String.raw`(?:unit\s*(?:#\s*|no\.?\s*)?)?`;
const UNIT_ALONE = new RegExp(String.raw`^${UNIT_WORD}${UNIT}$`, 'i');
const LOCATION_THEN_UNIT = new RegExp(String.raw`^${LOCATION}\s*(?::|/|\s)\s*${UNIT_WORD}${UNIT}$`, 'i');
const UNIT_THEN_LOCATION = new RegExp(String.raw`^${UNIT_WORD}${UNIT}\s*(?:\s|@|\sat\s|\sin\s)\s*${LOCATION}$`, 'i');
const EMAIL = /^[^\s@<>()[\]",;:]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/i;
/** Only what people put around phone digits: spaces, dots, dashes, brackets and a leading plus. */
const PHONE_CHARACTERS = /^\+?[\d\s().-]+$/;
/** Letters (any accent), spaces, apostrophes, hyphens, dots and commas: "O'Brien, Léa", "St. James". */
const NAME_CHARACTERS = /^[\p{L}\p{M}\s'\u2019.,-]+$/u;
const LABEL = /^(phone|tel|cell|mobile|email|e-mail|account|acct|id|unit)\b\s*(?:number|no\.?|#)?\s*[:#]?\s*/i;

/** A phone from its digits: 10 digits, or 11 starting with the country code 1. */
function phoneDigits(text: string): string | undefined {
  if (!PHONE_CHARACTERS.test(text)) return undefined;
  const digits = text.replace(/\D/g, '');
  if (digits.length === 10 && !text.startsWith('+')) return digits;
  if (digits.length === 11 && digits.startsWith('1')) return digits.slice(1);
  return undefined;
}

function parseUnit(text: string): AccountQuery | undefined {
  const alone = UNIT_ALONE.exec(text);
  if (alone?.[1]) return { kind: 'unit', unitId: alone[1].toUpperCase() };
  const locationFirst = LOCATION_THEN_UNIT.exec(text);
  if (locationFirst?.[1] && locationFirst[2]) return { kind: 'unit', unitId: locationFirst[2].toUpperCase(), locationId: locationFirst[1].toUpperCase() };
  const unitFirst = UNIT_THEN_LOCATION.exec(text);
  if (unitFirst?.[1] && unitFirst[2]) return { kind: 'unit', unitId: unitFirst[1].toUpperCase(), locationId: unitFirst[2].toUpperCase() };
  return undefined;
}

/** Reads the text without a label ("phone:", "acct #", ...). The label, when given, narrows the kind. */
function parseUnlabelled(text: string, label: string | undefined): AccountQuery | undefined {
  const wants = (kind: AccountQuery['kind']) => label === undefined || label === kind;
  if (wants('email') && EMAIL.test(text)) return { kind: 'email', address: text.toLowerCase() };
  if (/^#?\d{6,10}$/.test(text)) {
    const digits = text.replace('#', '');
    // A 10-digit number is a phone unless the agent said it is an account id.
    if (label === 'id' || (label === undefined && digits.length <= 9)) return { kind: 'id', id: digits };
  }
  const phone = wants('phone') ? phoneDigits(text) : undefined;
  if (phone) return { kind: 'phone', digits: phone };
  if (wants('unit')) return parseUnit(text);
  return undefined;
}

const LABEL_KINDS: Record<string, AccountQuery['kind']> = {
  phone: 'phone', tel: 'phone', cell: 'phone', mobile: 'phone', email: 'email', 'e-mail': 'email', account: 'id', acct: 'id', id: 'id', unit: 'unit',
};

/**
 * Parses an account search. Precedence: email; 6-9 digits = account id; 10 digits, or 11 starting
 * with 1, in any phone formatting = phone; unit shapes; then text of letters = name. A leading label
 * ("phone", "email", "acct #", "id") forces its kind, so "id 5035550134" is an account id.
 * Returns undefined for empty text or text that is none of these (digits mixed with words, symbols).
 */
export function parseAccountQuery(text: string): AccountQuery | undefined {
  const trimmed = text.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (!trimmed || trimmed.length > 120) return undefined;
  const labelMatch = LABEL.exec(trimmed);
  const rest = labelMatch ? trimmed.slice(labelMatch[0].length).trim() : trimmed;
  if (labelMatch?.[1] && rest) {
    const labelKind = LABEL_KINDS[labelMatch[1].toLowerCase()];
    const labelled = parseUnlabelled(rest, labelKind);
    // "unit B112" is also handled by the unit shapes themselves.
    if (labelled || labelKind !== 'unit') return labelled;
  }
  const parsed = parseUnlabelled(trimmed, undefined);
  if (parsed) return parsed;
  const letters = trimmed.replace(/[^\p{L}]/gu, '');
  if (NAME_CHARACTERS.test(trimmed) && letters.length >= 2) return { kind: 'name', text: trimmed };
  return undefined;
}

/**
 * True only when the whole text is a phone, an email, a unit or an account id, so a plain chat
 * message can be routed to account lookup. Names and questions ("what is a unit",
 * "is unit B112 delinquent") give false.
 */
export function looksLikeAccountKey(text: string): boolean {
  const query = parseAccountQuery(text);
  return query !== undefined && (ACCOUNT_KEY_KINDS as readonly string[]).includes(query.kind);
}

/** A name is at most this many words ("Mary Ann St. James"); more is a sentence. */
const MAX_NAME_WORDS = 5;
const SEARCH_COMMAND = /^\s*(account|acct|find)\s+(\S.*)$/is;
/** Words that make a sentence and are not in people's names (so not "a", "de", "la" or "van") or unit searches ("at", "in"). */
const SENTENCE_WORDS = new Set(
  'what how why when where who which is are was do does did can could should would will the to of for with about out on if it my me you i this that'.split(' '),
);

/**
 * What to search for when a message is an account search command ("find Lea Park", "acct 1234567",
 * "account O'Brien"); undefined when it is not one. A message that only starts with those words but
 * reads as a sentence ("acct popped up in the failsafe audit, what do I pick": a question mark, more
 * words than a name has, or a word such as "what" or "the") is a question for the KB, not a name.
 */
export function accountSearchText(message: string): string | undefined {
  const rest = SEARCH_COMMAND.exec(message)?.[2]?.trim();
  if (!rest || rest.includes('?')) return undefined;
  const words = rest.toLowerCase().split(/[\s,]+/).filter(Boolean);
  return words.length <= MAX_NAME_WORDS && !words.some((word) => SENTENCE_WORDS.has(word)) ? rest : undefined;
}
