import { KbService } from '../../src/features/kb/kb.service';
import { answerView } from '../../src/features/kb/kb.cards';
import type { EngineReply } from './evaluate';

/** Deskmate's own answering, as the bot does it, for the eval. */
export function deskmateEngine(kb: KbService): (question: string) => Promise<EngineReply> {
  return async (question) => {
    const answer = await kb.ask(question);
    if (answer.kind === 'unsure') return { abstained: true };
    const view = answerView(answer);
    return { abstained: false, text: view.text, firstCitationPath: view.citations[0]!.path };
  };
}
