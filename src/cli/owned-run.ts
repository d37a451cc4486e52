import { createProcessOwner, type ProcessOwner } from '../process/process-owner.js';
import { signalExitCodes, watchTerminationSignals, type TerminationSignal } from '../process/termination-signals.js';
import type { ExitCode } from './exit-codes.js';

/** What an owned CLI run gets: the owner of its children and temp dirs, and the stop request. */
export interface OwnedScope {
  readonly owner: ProcessOwner;
  /** Resolves with the first SIGINT, SIGTERM or SIGHUP; the body then returns promptly. */
  readonly stopped: Promise<TerminationSignal>;
}

/**
 * Runs a long-lived CLI command as the owner of everything it starts: children (under
 * supervisors) and temp dirs (TMPDIR points into the owner's dir, so scratch clones, sockets and
 * git's own temp files land there too). Whatever ends the run, the owner is closed; after a
 * signal the status is 128 + its number (130 SIGINT, 143 SIGTERM, 129 SIGHUP). A second signal
 * while closing exits at once (the supervisors still stop the children and remove the dir).
 */
export async function runOwned(
  body: (scope: OwnedScope) => Promise<ExitCode>,
): Promise<ExitCode | (typeof signalExitCodes)[TerminationSignal]> {
  const owner = await createProcessOwner();
  const previousTmp = process.env['TMPDIR'];
  process.env['TMPDIR'] = owner.dir;
  const signals = watchTerminationSignals((signal) => {
    process.exit(signalExitCodes[signal]);
  });
  try {
    const code = await body({ owner, stopped: signals.first });
    const signal = signals.received();
    return signal === undefined ? code : signalExitCodes[signal];
  } finally {
    if (previousTmp === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = previousTmp;
    await owner.close();
    signals.remove();
  }
}
