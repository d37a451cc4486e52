import type { ActionRefusal } from '../../bot/dispatch-deps.js';
import type { AuditTrailStore } from '../../store/audit-trail-store.js';

/** The family loop's operator buttons; a refused click on one is kept in the audit trail. */
const familyActions: ReadonlySet<string> = new Set([
  'request.approve',
  'request.decline',
  'request.decline-reason',
  'issue.resolve',
]);

/**
 * The dispatcher's `onActionRefused` for the family loop: a family member's click on Approve, a
 * second click, an expired card — who, which request or issue, and why (never the payload itself).
 */
export const recordRefusedFamilyClicks =
  (trail: Pick<AuditTrailStore, 'record'>) =>
  async (refusal: ActionRefusal): Promise<void> => {
    const { record, user, code, message } = refusal;
    if (!familyActions.has(record.kind)) return;
    const p = record.payload;
    const id =
      typeof p['requestId'] === 'number' ? p['requestId'] : typeof p['issueId'] === 'number' ? p['issueId'] : 0;
    const title = typeof p['title'] === 'string' ? p['title'] : '';
    await trail.record({
      event: 'refused',
      who: user,
      pr: id,
      stack: 'media',
      service: `${record.kind.startsWith('issue.') ? 'issue' : 'request'} ${title}`.trim(),
      reason: `${code}: ${record.label} — ${message}`,
    });
  };
