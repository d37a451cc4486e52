import type { E2eStep } from './e2e-step.js';
import { downloadStep, grabStep, torrentStep } from './steps-download.js';
import { availableStep, importStep, plexStep } from './steps-library.js';
import { radarrMovieStep, requestStep } from './steps-request.js';

/** Every hop of `/e2e`, in pipeline order (matches `stepIds`). */
export const e2eSteps: readonly E2eStep[] = [
  requestStep,
  radarrMovieStep,
  grabStep,
  torrentStep,
  downloadStep,
  importStep,
  plexStep,
  availableStep,
];
