import { z } from 'zod/v4';

/** What the bot's process tells the store process. */
export const parentMessage = z.discriminatedUnion('type', [z.object({ type: z.literal('flush'), id: z.number().int() }), z.object({ type: z.literal('close') })]);
export type ParentMessage = z.infer<typeof parentMessage>;

/** What the store process tells the bot's process. */
export const childMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), endpoint: z.string().url(), ca: z.string().min(1), loadedDocuments: z.number().int().nonnegative() }),
  z.object({ type: z.literal('flushed'), id: z.number().int() }),
  z.object({ type: z.literal('failed'), message: z.string() }),
]);
export type ChildMessage = z.infer<typeof childMessage>;
