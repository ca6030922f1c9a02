import type { Container } from '@azure/cosmos';
import type { Logger } from '../../shared/logger';
import type { CardPoster } from '../links';
import { createEscalationPoster, EscalationCardRenderer } from './escalation-render';
import { EscalationsService, type EscalationsDeps, type KnowledgeCapture } from './escalations.service';
import { EscalationsStore } from './escalations.store';
import type { SlaSources } from './sla/escalation-sla';

export { requestApprovalAction } from './cards/escalation-form.cards';
export { createEscalationPoster, EscalationCardRenderer, MENTORS_LINK_ID } from './escalation-render';
export { ESCALATION_TYPES, escalationType, readEscalationFields } from './escalation-types';
export { askMentorWith, ESCALATION_COMMANDS, registerEscalationsRoutes, type AskMentor } from './escalations.routes';
export { KB_PARTITION, type Escalation } from './escalations.schemas';
export { EscalationsService, type KnowledgeCapture } from './escalations.service';
export { EscalationsStore } from './escalations.store';
export { ESCALATION_VERBS } from './escalations.verbs';
export { MENTOR_HOURS, runSlaPass, slaDueAt, type SlaPassDeps, type SlaPassResult, type SlaSources } from './sla/escalation-sla';
export { startEscalationSla } from './sla/sla-loop';

export interface EscalationWiring extends Omit<EscalationsDeps, 'store' | 'poster'> {
  /** The `escalations` container. */
  container: Container;
  /** The links feature's notifier: posts to the mentors' channel and people's personal chats. */
  notifier: CardPoster;
  timeZone: string;
  knowledge?: KnowledgeCapture;
  logger: Logger;
}

/** The escalations feature over its container: the service, its card renderer, and the poster wired in. */
export function createEscalations(deps: EscalationWiring): { escalations: EscalationsService; render: EscalationCardRenderer; store: EscalationsStore } {
  const { container, notifier, ...rest } = deps;
  const store = new EscalationsStore(container);
  const escalations = new EscalationsService({ ...rest, store });
  const render = new EscalationCardRenderer(escalations, deps.timeZone);
  escalations.usePoster(createEscalationPoster(notifier, render));
  return { escalations, render, store };
}

/** What the SLA passes read and post with (deskmate.ts runs the loop). */
export function escalationSlaSources(deps: EscalationWiring & { slaMinutes: number }): SlaSources {
  const { store, render } = createEscalations(deps);
  return { store, poster: deps.notifier, render: (escalation, banner) => render.posted(escalation, banner), slaMinutes: deps.slaMinutes, timeZone: deps.timeZone };
}
