/** Who may run a command or click an action. `operator` implies `family`. */
export const roles = ['operator', 'family'] as const;

export type Role = (typeof roles)[number];
