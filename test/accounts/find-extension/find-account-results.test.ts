import { describe, expect, it } from 'vitest';
import { accountResultAttachment, accountsResult, noMatchMessage, previewText, tooLongMessage } from '../../../src/features/accounts/find-extension/find-account.results';
import { demoData } from '../seeded-store';

const data = demoData();
const customer = data.accounts.find((a) => a.kind === 'customer' && a.status === 'Delinquent')!;
const lead = data.accounts.find((a) => a.kind === 'lead')!;
const locationOf = (id: string) => data.locations.find((l) => l.id === id);

describe('Find an account results (pure)', () => {
  it('previews a customer with the masked id, status and store name', () => {
    expect(previewText(customer, locationOf(customer.locationId))).toBe(`ID •••${customer.id.slice(-3)} · Delinquent · ${locationOf(customer.locationId)!.name}`);
  });

  it('marks leads, and falls back to the store id when the store is not set up', () => {
    expect(previewText(lead, undefined)).toBe(`ID •••${lead.id.slice(-3)} · Lead, ${lead.status} · ${lead.locationId}`);
  });

  it('puts the compact card in the attachment and a thumbnail in the preview, never the full id', () => {
    const attachment = accountResultAttachment(customer, locationOf(customer.locationId));
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(attachment.preview).toEqual({
      contentType: 'application/vnd.microsoft.card.thumbnail',
      content: { title: `${customer.firstName} ${customer.lastName}`, text: previewText(customer, locationOf(customer.locationId)) },
    });
    expect(JSON.stringify(accountsResult([{ account: customer, location: undefined }]))).not.toContain(customer.id);
  });

  it('echoes a long unmatched search shortened, and says how long a refused one was', () => {
    const result = noMatchMessage('x'.repeat(100));
    expect(result.type).toBe('message');
    const text = result.type === 'message' ? result.text : '';
    expect(text).toContain(`"${'x'.repeat(59)}…"`);
    expect(tooLongMessage(130)).toEqual({ type: 'message', text: expect.stringContaining('130 characters') });
  });
});
