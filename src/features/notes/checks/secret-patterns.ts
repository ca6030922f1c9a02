/** What kind of secret a piece of note text holds. */
export type SecretKind = 'card' | 'card-code' | 'ssn' | 'id' | 'password' | 'pin' | 'access-code';

/** A secret found in a text: where it is and how to show it without giving it away. */
export interface SecretSpan {
  kind: SecretKind;
  start: number;
  end: number;
  masked: string;
}

const DOTS = '••••';

/** 13-19 digits with single spaces or dashes between them, not part of a longer digit run. */
const CARD_RUN = /(?<![\p{L}\p{N}]|\d[ -])\d(?:[ -]?\d){12,18}(?![ -]?\d|\p{L})/gu;
/** A long number labelled as something other than a card: "tracking # 7712...", "confirmation 4000...". */
const NOT_A_CARD = /\b(?:tracking|confirmation|conf|order|reference|ref|transaction|invoice|case|ticket)\s*(?:number|no\.?|#|:)?\s*$/i;
const SSN_DASHED = /(?<![\p{N}-])\d{3}-\d{2}-\d{4}(?![\p{N}]|-\d)/gu;
const SSN_LABELLED = /\b(?:ssn|ss#|social(?:\s+security)?)(?:\s*(?:number|no\.?|#))?\s*(?:is|was|:|#|-)?\s*\d{3}[ -]?\d{2}[ -]?\d{4}(?!\d)/giu;
const CARD_CODE = /\b(?:cvv2?|cvc2?|csc)\b\s*(?:is|was|:|=|#|-)?\s*\d{3,4}(?!\d)/giu;
const NOT_PERSONAL_ID = /\b(?:account|acct|unit|case|ticket|task|order|transaction|confirmation|reference|ref|customer|tenant|lead|note|submission|tracking|location|store|site|employee|user|login|payment|invoice|gate|facility|property|permit)\s*$/i;
const ID_LABEL =
  /\b(?:(?:driver'?s?|drivers)\s+licen[cs]e|licen[cs]e|dln?|(?:state\s+|photo\s+|gov(?:ernment)?\s+|military\s+)?id|i\.d\.?|passport)(?![\p{L}\p{N}])(?:\s*(?:number|num|no\.?|#))?\s*(?:is|was|:|#|-|=)?\s*([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)(?![\p{L}\p{N}])/giu;
const PASSWORD = /\b(?:password|passcode|pass\s+code|passwd|pwd|pw)\b\s*(?::|=|\b(?:is now|is|was|set to|changed to|reset to|updated to|now)\b)\s*["'“‘]?([^\s"'”’]+)/giu;
const PIN = /\bpin\b(?:\s*(?:number|no\.?|#|code))?\s*(?:is|was|:|=|#|-|to|of|set to|changed to)?\s*\d{3,8}(?![\p{N}\p{L}])/giu;
const CODE_VALUE = String.raw`[*#]?\d{3,10}[*#]?(?:\s*(?:to|and|or|,|->|→)\s*[*#]?\d{3,10}[*#]?)?(?![\p{N}\p{L}])`;
const CODE_LABEL = String.raw`\b(?:gate|access|entry|door|keypad|lock|alarm|security)\s+codes?\b`;
const ACCESS_CODE = new RegExp(String.raw`${CODE_LABEL}(?:\s*(?:\b(?:is|was|now|to|of|from|set|changed|updated|reset)\b|[:=#-]))*\s*${CODE_VALUE}`, 'giu');
/** "gave CT the new code 4821": in this business a bare code handed to a customer opens a gate or a lock. */
const GIVEN_CODE = new RegExp(String.raw`\b(?:the|a|new|temp(?:orary)?|his|her|their)\s+code\s*(?:\b(?:is|was)\b|[:=#-])?\s*${CODE_VALUE}`, 'giu');
const ACCESS_CODE_FOR_UNIT = new RegExp(String.raw`${CODE_LABEL}\s+for\s+(?:unit\s+)?[\w-]{1,8}\s*(?:\b(?:is|was)\b|[:=])\s*${CODE_VALUE}`, 'giu');

/** Words that can follow "password is" without being the password. */
const NOT_A_PASSWORD = new Set(
  ('reset changed updated expired incorrect wrong correct right working not no the a an now being been set locked required needed ' +
    'valid invalid same different on in unknown blank missing forgotten new temporary case too also still his her their its my your ' +
    'our saved stored verified confirmed accepted rejected active inactive enabled disabled done fine ok okay good bad weak strong ' +
    'hidden private secret what that this for to with via by given provided emailed texted sent recovered unlocked protected see below above').split(' '),
);

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function idMask(match: string): string {
  if (/^(?:dl|driver|licen)/i.test(match)) return `license ${DOTS}••`;
  if (/^passport/i.test(match)) return `passport ${DOTS}••`;
  return `ID ${DOTS}••`;
}

function* spans(text: string): Generator<SecretSpan> {
  for (const m of text.matchAll(CARD_RUN)) {
    const digits = m[0].replace(/\D/g, '');
    if (!luhnValid(digits) || NOT_A_CARD.test(text.slice(0, m.index))) continue;
    yield { kind: 'card', start: m.index, end: m.index + m[0].length, masked: `${DOTS} ${digits.slice(-4)}` };
  }
  for (const re of [SSN_LABELLED, SSN_DASHED]) {
    for (const m of text.matchAll(re)) yield { kind: 'ssn', start: m.index, end: m.index + m[0].length, masked: 'SSN •••-••-••••' };
  }
  for (const m of text.matchAll(CARD_CODE)) yield { kind: 'card-code', start: m.index, end: m.index + m[0].length, masked: 'CVV •••' };
  for (const m of text.matchAll(ID_LABEL)) {
    const value = (m[1] ?? '').replace(/-/g, '');
    if (value.length < 6 || !/\d/.test(value) || NOT_PERSONAL_ID.test(text.slice(0, m.index))) continue;
    yield { kind: 'id', start: m.index, end: m.index + m[0].length, masked: idMask(m[0]) };
  }
  for (const m of text.matchAll(PASSWORD)) {
    const value = (m[1] ?? '').replace(/[.,;!?)]+$/, '');
    if (!value || /^[*•x#.]+$/i.test(value) || NOT_A_PASSWORD.has(value.toLowerCase())) continue;
    yield { kind: 'password', start: m.index, end: m.index + m[0].length, masked: `password ${DOTS}••` };
  }
  for (const m of text.matchAll(PIN)) yield { kind: 'pin', start: m.index, end: m.index + m[0].length, masked: `PIN ${DOTS}` };
  for (const re of [ACCESS_CODE_FOR_UNIT, ACCESS_CODE]) {
    for (const m of text.matchAll(re)) {
      yield { kind: 'access-code', start: m.index, end: m.index + m[0].length, masked: `${(/^\p{L}+/u.exec(m[0])?.[0] ?? 'access').toLowerCase()} code ${DOTS}` };
    }
  }
  for (const m of text.matchAll(GIVEN_CODE)) yield { kind: 'access-code', start: m.index, end: m.index + m[0].length, masked: `code ${DOTS}` };
}

/**
 * Every secret in a text, in reading order. Overlapping finds merge into one span (so nothing is left
 * showing), named after the one that starts first (then the longer).
 */
export function findSecrets(text: string): SecretSpan[] {
  const all = [...spans(text)].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: SecretSpan[] = [];
  for (const s of all) {
    const last = kept[kept.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else kept.push({ ...s });
  }
  return kept;
}

/** Copies text[start, end) with every secret that overlaps it replaced by its masked form (widening to cover it). */
export function redactRange(text: string, start: number, end: number): { text: string; start: number; end: number } {
  const secrets = findSecrets(text).filter((s) => s.start < end && s.end > start);
  const from = Math.min(start, ...secrets.map((s) => s.start));
  const to = Math.max(end, ...secrets.map((s) => s.end));
  let out = '';
  let at = from;
  for (const s of secrets) {
    out += text.slice(at, s.start) + s.masked;
    at = s.end;
  }
  return { text: out + text.slice(at, to), start: from, end: to };
}

/** The text with every secret replaced by its masked form. */
export function redactSecrets(text: string): string {
  return redactRange(text, 0, text.length).text;
}
