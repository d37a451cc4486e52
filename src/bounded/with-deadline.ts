/**
 * `work`, or a rejection with "not connected within N s" once `ms` passed (the work itself is
 * left to its own timeouts). For start-ups that may hang: a gateway that accepts and never says
 * ready, a Socket Mode connection that never opens.
 */
export async function withDeadline(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`not connected within ${String(ms / 1000)} s`));
    }, ms);
  });
  try {
    await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
