import { describe, expect, it } from 'vitest';
import { ACCOUNT_VERBS, customerCard } from '../../../src/features/accounts/accounts.cards';
import { NOW, account, actionsOf, location, note, visibleText, walk } from './fixtures';

const critical = note({ id: 'crit-1', createdAt: '2026-01-05T18:00:00Z', reason: 'Caller threatened the manager on site.', resolution: 'Told the caller the call would end; DM informed.', flags: { urgent: true, collection: false, critical: true } });
const older = note({ id: 'n-old', createdAt: '2026-02-10T17:00:00Z', reason: 'Asked about gate hours.', resolution: 'Gave the access hours.', flags: { urgent: false, collection: false, critical: false } });
const newer = note({ id: 'n-new', createdAt: '2026-02-27T23:15:00Z', author: { id: 'aad-tl', name: 'Grace Kim', title: 'TL' }, flags: { urgent: true, collection: true, critical: false }, followUp: 'Call back on Mar 6 if unpaid.' });

const build = (extra: Partial<Parameters<typeof customerCard>[0]> = {}) =>
  customerCard({ account: account(), location: location(), criticalNotes: [critical], latestNotes: [older, newer], now: NOW, ...extra });

describe('notes on the customer card', () => {
  it('pins critical notes in an attention container above the latest notes and the contacts', () => {
    const shown = visibleText(build());
    const pinned = shown.indexOf('Critical notes (1)');
    expect(pinned).toBeGreaterThan(-1);
    expect(pinned).toBeLessThan(shown.indexOf('(503) 555-0134'));
    expect(pinned).toBeLessThan(shown.indexOf('Latest notes'));
    expect(shown).toContain('**Jan 5, 2026** · Priya Natarajan: Caller threatened the manager on site. → Told the caller');
    let style: unknown;
    walk(build(), (o) => o.type === 'Container' && JSON.stringify(o.items).includes('Critical notes') && (style = o.style));
    expect(style).toBe('attention');
  });

  it('lists the latest notes newest first with author, title, disposition, flags and the 4E fields', () => {
    const shown = visibleText(build());
    expect(shown.indexOf('Grace Kim (TL)')).toBeLessThan(shown.indexOf('Asked about gate hours.'));
    expect(shown).toContain('Feb 27, 2026 3:15 PM');
    expect(shown).toContain('Caller: Marisol Okafor (Account holder) · Collections › Promise to pay · Unit C07');
    expect(shown).toContain('**Follow-up:** Call back on Mar 6 if unpaid.');
    const runs: Record<string, unknown>[] = [];
    walk(build(), (o) => o.type === 'TextRun' && runs.push(o));
    expect(runs.find((r) => r.text === ' URGENT')?.color).toBe('Attention');
    expect(runs.find((r) => r.text === ' COLLECTION')?.color).toBe('Good');
  });

  it('cuts long text to about 300 characters with a View more toggle that reveals the whole note', () => {
    const long = `${'The customer explained the situation in detail. '.repeat(20)}END-OF-REASON`;
    const card = build({ latestNotes: [note({ reason: long })] });
    const toggles = actionsOf(card, 'Action.ToggleVisibility').filter((a) => a.title === 'View more');
    expect(toggles).toHaveLength(1);
    const [shortId, fullId] = toggles[0]!.targetElements as string[];
    const byId: Record<string, Record<string, unknown>> = {};
    walk(card, (o) => typeof o.id === 'string' && (byId[o.id] = o));
    expect(JSON.stringify(byId[shortId!])).not.toContain('END-OF-REASON');
    expect(byId[fullId!]?.isVisible).toBe(false);
    expect(JSON.stringify(byId[fullId!])).toContain('END-OF-REASON');
    const shortText = JSON.stringify(byId[shortId!]).match(/\*\*Reason:\*\* (.*?)\\n/)?.[1] ?? '';
    expect(shortText.length).toBeGreaterThan(200);
    expect(shortText.length).toBeLessThanOrEqual(300);
  });

  it('has no View more on short notes', () => {
    expect(actionsOf(build(), 'Action.ToggleVisibility').filter((a) => a.title === 'View more')).toHaveLength(0);
  });

  it('offers "Show more notes" only with a continuation token', () => {
    const without = actionsOf(build(), 'Action.Execute').filter((a) => a.title === 'Show more notes');
    expect(without).toHaveLength(0);
    const [more] = actionsOf(build({ moreNotesToken: 'ct-42' }), 'Action.Execute').filter((a) => a.title === 'Show more notes');
    expect(more).toMatchObject({ verb: ACCOUNT_VERBS.moreNotes, data: { accountId: account().id, continuation: 'ct-42' } });
  });

  it('titles an older page "Older notes" and offers the way back to the latest', () => {
    const older = build({ olderNotes: true });
    expect(visibleText(older)).toContain('Older notes');
    expect(visibleText(older)).not.toContain('Latest notes');
    const [back] = actionsOf(older, 'Action.Execute').filter((a) => a.title === 'Back to the latest notes');
    expect(back).toMatchObject({ verb: ACCOUNT_VERBS.refresh, data: { accountId: account().id } });
    expect(actionsOf(build(), 'Action.Execute').filter((a) => a.title === 'Back to the latest notes')).toHaveLength(0);
  });

  it('says when there are no notes', () => {
    expect(visibleText(build({ criticalNotes: [], latestNotes: [] }))).toContain('No notes yet.');
    expect(visibleText(build({ criticalNotes: [] }))).not.toContain('Critical notes');
  });
});
