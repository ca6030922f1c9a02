import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { ConversationReference } from 'botbuilder';
import { parseConfig } from '../../src/config';
import { createAdapter } from '../../src/bot/adapter';
import { answerActivity } from '../../src/features/kb/kb.cards';

describe('citations on the wire', () => {
  it('reach the Bot Connector with every field, not just the entity type', async () => {
    const bodies: Record<string, unknown>[] = [];
    const connector = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        bodies.push(JSON.parse(body));
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"id":"reply-1"}');
      });
    });
    await new Promise<void>((r) => connector.listen(0, '127.0.0.1', () => r()));
    try {
      const adapter = createAdapter(parseConfig({}));
      const reference = {
        channelId: 'msteams',
        serviceUrl: `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`,
        conversation: { id: 'conv-1' },
        bot: { id: 'bot', name: 'Deskmate' },
        user: { id: 'user', name: 'User' },
      } as ConversationReference;
      const activity = answerActivity({
        text: 'Only AutoPay and vacated accounts get the fee waived. [1]',
        citations: [{ position: 1, title: 'Convenience Fee Waivers', abstract: 'Only AutoPay and vacated accounts.', url: 'https://kb.example.com/fee', path: 'kb/fee.md' }],
      });
      await adapter.continueConversationAsync('', reference, async (context) => {
        await context.sendActivity(activity);
      });
      const entity = (bodies[0]!.entities as Record<string, unknown>[])[0]!;
      expect(entity['@type']).toBe('Message');
      expect(entity.citation).toEqual([
        { '@type': 'Claim', position: 1, appearance: { '@type': 'DigitalDocument', name: 'Convenience Fee Waivers', abstract: 'Only AutoPay and vacated accounts.', url: 'https://kb.example.com/fee' } },
      ]);
      expect(bodies[0]!.channelData).toEqual({ feedbackLoopEnabled: true });
    } finally {
      connector.close();
    }
  });
});
