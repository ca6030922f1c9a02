import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config';
import { configProblems } from '../helpers/config-problems';

describe('escalation settings', () => {
  it('default to a 15-minute SLA in Pacific business hours, checked every minute', () => {
    expect(parseConfig({}).escalations).toEqual({ slaMinutes: 15, timeZone: 'America/Los_Angeles', slaChecks: { enabled: true, intervalMs: 60_000 } });
    expect(parseConfig({ ESCALATION_SLA_MINUTES: '30', ESCALATION_TIME_ZONE: 'America/Denver', ESCALATION_SLA_CHECKS: 'off' }).escalations).toEqual({ slaMinutes: 30, timeZone: 'America/Denver', slaChecks: { enabled: false, intervalMs: 60_000 } });
  });

  it('refuse a bad SLA, an unknown time zone and a bad switch, each by name', () => {
    expect(configProblems({ ESCALATION_SLA_MINUTES: '0', ESCALATION_TIME_ZONE: 'Mars/Olympus', ESCALATION_SLA_CHECKS: 'maybe' })).toEqual([
      'ESCALATION_SLA_MINUTES: expected whole minutes from 1 to 600 (of business hours)',
      'ESCALATION_TIME_ZONE: expected an IANA time zone such as America/Los_Angeles',
      'ESCALATION_SLA_CHECKS: expected on or off',
    ]);
    expect(configProblems({ ESCALATION_SLA_MINUTES: '7.5' })).toEqual(['ESCALATION_SLA_MINUTES: expected whole minutes from 1 to 600 (of business hours)']);
  });
});
