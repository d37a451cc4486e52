import { z } from 'zod';
import { defineAction } from '../define-command.js';

/** What an Approve/Decline button stands for: one Overseerr request (ids and its title only). */
const decidePayload = z.object({
  requestId: z.number().int().positive(),
  title: z.string().min(1),
  decision: z.enum(['approve', 'decline']),
});

/** ✅ Approve on a pending-request card or in `/requests pending`: operator only, once. */
export const requestApprove = defineAction({
  kind: 'request.approve',
  description: 'Approve a media request waiting for approval',
  role: 'operator',
  job: 'media.request-decide',
  singleUse: true,
  payload: decidePayload,
});

/** 🚫 Decline: asks for an optional reason (a menu) before declining; operator only, once. */
export const requestDecline = defineAction({
  kind: 'request.decline',
  description: 'Decline a media request (asks for an optional reason first)',
  role: 'operator',
  job: 'media.request-decline',
  singleUse: true,
  payload: decidePayload,
});

/** The reason menu under a Decline: picking one declines the request and tells the requester why. */
export const requestDeclineReason = defineAction({
  kind: 'request.decline-reason',
  description: 'Pick the reason for declining a media request',
  role: 'operator',
  job: 'media.request-decide',
  singleUse: true,
  payload: decidePayload,
});
