/** The servers a run waits for before its first phase (MAP searches with them). */
export const ANALYSIS_SERVERS: readonly string[] = ['ripgrep', 'dependency_graph'];
