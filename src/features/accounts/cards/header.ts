import { container, facts, notice, text, type CardElement } from '../../../shared/cards';
import type { Location } from '../../locations/locations.schemas';
import type { Account } from '../accounts.schemas';
import { formatHours, formatPhone, localTime, maskAccountId, safeTimeZone } from './format';

const STATUS_COLORS: Record<Account['status'], string> = {
  Current: 'Good',
  Delinquent: 'Attention',
  Active: 'Accent',
  Rented: 'Good',
  Canceled: 'Default',
};

/** "Customer" (orange) or "Lead" (green), as on the source system's customer card. */
export function typeLabel(kind: Account['kind']): { text: string; color: string } {
  return kind === 'customer' ? { text: 'Customer', color: 'Warning' } : { text: 'Lead', color: 'Good' };
}

export function fullName(account: Pick<Account, 'firstName' | 'lastName'>): string {
  return `${account.firstName} ${account.lastName}`;
}

/** Name, type and status, and the masked id. */
export function headerSection(account: Account): CardElement[] {
  const type = typeLabel(account.kind);
  const badges: CardElement = {
    type: 'RichTextBlock',
    spacing: 'None',
    inlines: [
      { type: 'TextRun', text: type.text, weight: 'Bolder', color: type.color },
      { type: 'TextRun', text: ' · ' },
      { type: 'TextRun', text: account.status, weight: 'Bolder', color: STATUS_COLORS[account.status] },
      { type: 'TextRun', text: ` · ${maskAccountId(account.id)}`, isSubtle: true },
      ...(account.language === 'fr' ? [{ type: 'TextRun', text: ' · Speaks French', isSubtle: true }] : []),
    ],
  };
  return [text(fullName(account), { size: 'Large', weight: 'Bolder', style: 'heading' }), badges];
}

function primaryFirst<T extends { primary: boolean }>(items: T[]): T[] {
  return [...items].sort((a, b) => Number(b.primary) - Number(a.primary));
}

/** Primary phone and email; the others sit in a hidden container behind a toggle. */
export function contactSection(account: Account): CardElement[] {
  const [phone, ...otherPhones] = primaryFirst(account.phones);
  const [email, ...otherEmails] = primaryFirst(account.emails);
  const main = facts([
    ['Phone', phone ? `${formatPhone(phone.number)} (${phone.label})` : 'none on file'],
    ['Email', email ? email.address : 'none on file'],
  ]);
  const others: [string, string][] = [
    ...otherPhones.map((p): [string, string] => ['Phone', `${formatPhone(p.number)} (${p.label})`]),
    ...otherEmails.map((e): [string, string] => ['Email', e.address]),
  ];
  if (!others.length) return [main];
  const id = 'account-other-contacts';
  return [
    main,
    { type: 'ActionSet', actions: [{ type: 'Action.ToggleVisibility', title: `Other contacts (${others.length})`, targetElements: [id] }] },
    container([facts(others)], { id, isVisible: false, spacing: 'None' }),
  ];
}

/** Where the customer rents: local time, address, hours and gate system. */
export function locationSection(location: Location | undefined, now: Date): CardElement[] {
  if (!location) return [notice('Location not found.', 'warning')];
  const a = location.address;
  return [
    container(
      [
        text(`**${location.name}** · local time ${localTime(now, safeTimeZone(location.timeZone))}`),
        text(`${a.street}, ${a.city}, ${a.state} ${a.zip} · ${formatPhone(location.phone)}`, { isSubtle: true, spacing: 'None' }),
        facts([
          ['Office', formatHours(location.officeHours)],
          ['Access', formatHours(location.accessHours)],
          ['Gate', location.gateSystem],
        ]),
      ],
      { separator: true, spacing: 'Medium' },
    ),
  ];
}
