import type { Store } from '../../../store/cosmos-store';
import { KbGapsStore } from './kb-gaps.store';
import { indexMentorAnswers, MentorAnswersService, type MentorAnswerIndex } from './mentor-answers.service';
import { MentorAnswersStore } from './mentor-answers.store';

export { MENTOR_ANSWER_COMMANDS, registerMentorAnswersRoutes } from './mentor-answers.routes';
export { MentorAnswersService, type KnowledgeCapture } from './mentor-answers.service';

/**
 * The mentor answers over the store's `kbentries` (entries) and `kbfeedback` (gaps) containers,
 * indexed into `kb`. The service is the `KnowledgeCapture` other features are given.
 */
export function createMentorAnswers(store: Pick<Store, 'containers'>, kb: MentorAnswerIndex): MentorAnswersService {
  return new MentorAnswersService({ store: new MentorAnswersStore(store.containers.kbentries), gaps: new KbGapsStore(store.containers.kbfeedback), kb });
}

/** Indexes the mentor answers stored in `kbentries` with the KB (at start); returns how many. */
export function indexStoredMentorAnswers(store: Pick<Store, 'containers'>, kb: MentorAnswerIndex): Promise<number> {
  return indexMentorAnswers(new MentorAnswersStore(store.containers.kbentries), kb);
}
