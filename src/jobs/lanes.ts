/** The quick lane's queue (the single queue before lanes existed). */
export const queueName = 'homelab-bot';

/**
 * Which queue a job kind waits in. `quick`: interactive work that answers in seconds (`/ping`,
 * `/request`, most button clicks); `long`: audits, health runs, `/e2e`, catalog, git-heavy
 * remediation. Each lane has its own queue and worker slots, so a family request never waits
 * behind a hung audit. Features declare the lane in their job rows; the runtime knows no job by name.
 */
export type Lane = 'quick' | 'long';

export const lanes = ['quick', 'long'] as const satisfies readonly Lane[];

/** The BullMQ queue of a lane (`quick` keeps the historical queue name, so queued jobs survive an upgrade). */
export const laneQueueName = (lane: Lane): string => (lane === 'quick' ? queueName : `${queueName}-long`);

/** The lane whose queue is `name` (a job knows its queue name). */
export const laneOfQueue = (name: string): Lane => (name === laneQueueName('long') ? 'long' : 'quick');

/** Budget of one attempt of a job whose row declares none, by lane. */
export const defaultBudgetMs: Readonly<Record<Lane, number>> = { quick: 2 * 60_000, long: 15 * 60_000 };
