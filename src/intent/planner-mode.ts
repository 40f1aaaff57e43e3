/**
 * Who reads a command in words: `auto` (the grammar; a configured model only when the grammar
 * cannot place the command), `grammar` (never a model), `model` (the model, even when the
 * grammar could read it). A module of its own so that the CLI's flags load nothing else.
 */
export type PlannerMode = 'auto' | 'grammar' | 'model';

/** The modes, for flags. */
export const PLANNER_MODES: readonly PlannerMode[] = ['auto', 'grammar', 'model'];

/**
 * True when the environment configures no model planner (`ORCHESTRATOR_PLANNER` unset, empty or
 * `off`), told without loading the planners' settings; `resolvePlannerSettings` reads the rest.
 */
export function isPlannerOff(env: Readonly<Record<string, string | undefined>>): boolean {
  const provider = (env.ORCHESTRATOR_PLANNER ?? '').trim().toLowerCase();
  return provider === '' || provider === 'off';
}
